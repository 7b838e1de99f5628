import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT, demoLogin, ensureDemoLogins, signIn as tokenFor } from "../support/console-callers.js";
import { chooseByName, englishPage, expectAccessible, openFromMenu, signInToConsole } from "../support/console-page.js";
import { consoleUrl, HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";

// Issue #7's journey for events, in Chromium against the emulators: a Chilean committee member
// creates an event hosted by Mexico (no seat today) with a session and submits it; the Peruvian
// member publishes it; it reaches the public site, Mexico gains a seat, and Mexico's
// representative assigned `committee` acts as committee without anyone touching a role.
const CONSOLE = consoleUrl();
const EVENT = "console-records-mx-forum";
const app = initializeApp({ projectId: DEMO_PROJECT }, "console-records-e2e");
const db = getFirestore(app);

const login = demoLogin;
const cl = login("committee-cl");
const pe = login("committee-pe");
const mx = login("committee-mx");

/** The role in effect on a fresh token of Mexico's committee representative. */
async function mexicoRole(): Promise<string> {
  const token = await tokenFor(mx.email, mx.password);
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as { role?: string };
  return payload.role ?? "";
}
const mexicoSeat = async () => (await db.doc("committee/MX").get()).exists;

async function removeTestEvent() {
  const had = (await db.doc(`events/${EVENT}`).get()).exists;
  await db.recursiveDelete(db.doc(`events/${EVENT}`));
  const audit = await db.collection("audit").where("target.id", "==", EVENT).get();
  await Promise.all(audit.docs.map((d) => d.ref.delete()));
  // Deleting the event takes Mexico's seat back (the Santiago rule runs on the write), so the
  // tests after this one find the seed's committee again.
  if (had) await eventually(async () => ((await mexicoSeat()) ? undefined : true), "Mexico's seat going back");
}

let browser: Browser;
/** The author, on a 360 px wide phone; CSP bypassed so axe-core can be injected. */
let phone: Page;
/** The publisher, on a desktop. */
let desk: Page;

beforeAll(async () => {
  await ensureDemoLogins();
  await removeTestEvent();
  browser = await launchChromium();
  const page = (options: BrowserContextOptions) => englishPage(browser, options, 15_000);
  phone = await page({ viewport: { width: 360, height: 740 }, bypassCSP: true });
  desk = await page({ viewport: { width: 1100, height: 800 }, bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  await removeTestEvent();
  await deleteApp(app);
});

const status = (page: Page) => page.locator("#status");

describe("the records screens", () => {
  it("lists each kind with filters and opens its editor, with no axe violation at 360 px", async () => {
    await signInToConsole(phone, cl);
    for (const [nav, newLink, field] of [
      ["Events", "New event", "#r-title-es"],
      ["Initiatives", "New initiative", "#r-name-es"],
      ["Institutions", "New institution", "#r-name-es"],
      ["Priority areas", "New priority area", "#r-name-es"],
    ] as const) {
      await openFromMenu(phone, { name: nav, exact: true });
      await phone.getByRole("heading", { name: nav, level: 1 }).waitFor();
      await phone.getByRole("table").waitFor();
      await expectAccessible(phone, `the ${nav} list`);
      await phone.getByRole("link", { name: newLink }).click();
      await phone.locator(field).waitFor();
      await expectAccessible(phone, `the new ${nav} editor`);
    }
  });

  it("shows a seed topic's fields, and searches the list", async () => {
    await openFromMenu(phone, { name: "Priority areas", exact: true });
    const rows = phone.getByRole("table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await phone.getByLabel("Search").fill("zzz-no-such-area");
    await expect.poll(() => rows.count()).toBe(0);
    await phone.getByLabel("Search").fill("");
    await rows.first().getByRole("link").click();
    await expect.poll(() => phone.locator("#r-name-es").inputValue()).not.toBe("");
    expect(await phone.locator("#r-source").inputValue()).not.toBe("");
    await expectAccessible(phone, "a seed topic's editor");
  });
});

describe("an event from a committee member's draft to a committee seat", () => {
  it("refuses an empty event beside its fields before anything is sent", async () => {
    await phone.goto(`${CONSOLE}#/records/events/new`);
    await phone.locator("#r-id").waitFor();
    await phone.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Check the marked fields: nothing was sent.");
    expect(await phone.locator("#r-id-error").textContent()).toContain("slug");
    expect(await phone.locator("#r-title-es").getAttribute("aria-invalid")).toBe("true");
    expect(await phone.locator("#r-source-error").textContent()).toContain("where the record comes from");
    await expectAccessible(phone, "the event editor with errors");
    expect((await db.doc(`events/${EVENT}`).get()).exists).toBe(false);
  });

  it("saves an event hosted by Mexico with a session, and submits it; Mexico holds no seat yet", async () => {
    expect(await mexicoSeat()).toBe(false);
    expect(await mexicoRole()).toBe("member");
    await phone.locator("#r-id").fill(EVENT);
    await phone.locator("#r-source").fill("Console records browser test");
    await phone.locator("#r-start").selectOption("month");
    await phone.locator("#r-start").fill("2027-06");
    await chooseByName(phone, "#r-hostCountries", "Mexico");
    await phone.locator("#r-title-es").fill("Foro de compras públicas de México");
    await phone.locator("#r-title-en").fill("Mexico public procurement forum");
    await phone.getByRole("button", { name: "Add a session" }).click();
    await phone.getByRole("button", { name: "Add a session" }).click();
    await phone.locator("#r-sessions-0-type").selectOption("forum");
    await phone.locator("#r-sessions-0-title-es").fill("Apertura");
    await phone.locator("#r-sessions-1-title-es").fill("Taller de compras sostenibles");
    // The second session goes first, then the first is removed: reorder and remove both work.
    await phone.getByRole("button", { name: "Move session 2 up" }).click();
    await expect.poll(() => phone.locator("#r-sessions-0-title-es").inputValue()).toBe("Taller de compras sostenibles");
    await phone.getByRole("button", { name: "Add a session" }).click();
    await phone.locator("#r-sessions-2-title-es").fill("Cierre");
    await phone.getByRole("button", { name: "Remove session 3" }).click();
    await phone.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Saved: version 1, status “draft”.");
    expect(phone.url()).toContain(`#/records/events/${EVENT}`);
    await phone.getByRole("button", { name: "Submit for review" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Saved: version 2, status “in review”.");
    expect((await db.doc(`events/${EVENT}`).get()).data()).toMatchObject({
      publication: "in-review",
      version: 2,
      hostCountries: ["MX"],
      sessions: [
        { type: "workshop", title: { es: "Taller de compras sostenibles" } },
        { type: "forum", title: { es: "Apertura" } },
      ],
    });
    // Its author is offered no publication: two people for every publication.
    await phone.getByRole("button", { name: "Publish", exact: true }).click();
    await expect.poll(() => status(phone).textContent()).toContain("another committee member must publish it");
    await expectAccessible(phone, "the event editor in review");
    // Still a draft for the Santiago rule: no seat.
    expect(await mexicoSeat()).toBe(false);
  });

  it("is published by Peru's committee member, appears on the public site in es and en, and gives Mexico a seat", async () => {
    const committeeLinks = async () =>
      ((await (await fetch(`${HOSTING_ORIGIN}/en/committee`)).text()).match(/href="\/en\/countries\/mx"/g) ?? [])
        .length;
    const before = await committeeLinks();
    await signInToConsole(desk, pe);
    await desk.goto(`${CONSOLE}#/records/events/${EVENT}`);
    // First scheduled for later, then the schedule cancelled from the console.
    await desk.locator("#r-schedule-at").fill("2030-01-15T10:00");
    await desk.getByRole("button", { name: "Schedule publication" }).click();
    await expect.poll(() => status(desk).textContent()).toContain("Publication scheduled for");
    await expect.poll(() => desk.getByText("Will be published on").textContent()).toContain("(version 2)");
    expect((await db.doc(`publicationSchedules/event_${EVENT}`).get()).get("version")).toBe(2);
    await desk.getByRole("button", { name: "Cancel the scheduled publication" }).click();
    await expect.poll(() => status(desk).textContent()).toBe("Scheduled publication cancelled.");
    expect((await db.doc(`publicationSchedules/event_${EVENT}`).get()).exists).toBe(false);
    await desk.getByRole("button", { name: "Publish", exact: true }).click();
    await expect.poll(() => status(desk).textContent()).toBe("Saved: version 3, status “published”.");

    for (const [lang, title] of [
      ["es", "Foro de compras públicas de México"],
      ["en", "Mexico public procurement forum"],
    ] as const) {
      const started = Date.now();
      await eventually(async () => {
        const response = await fetch(`${HOSTING_ORIGIN}/${lang}/events/${EVENT}`);
        return response.ok && (await response.text()).includes(title) ? true : undefined;
      }, `the ${lang} page of ${EVENT}`);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
    await eventually(
      async () => ((await committeeLinks()) > before ? true : undefined),
      "Mexico on the committee page",
    );
    // Mexico's representative, assigned `committee`, now acts as committee: nobody touched a role.
    await eventually(
      async () => ((await mexicoRole()) === "committee" ? true : undefined),
      "Mexico's committee claims",
    );
    expect((await db.doc(`accounts/${mx.uid}`).get()).get("role")).toBe("committee");
  });
});
