import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { delegationId, OUTBOX_COLLECTION } from "../../functions/src/model/index.js";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT, demoLogin, ensureDemoLogins } from "../support/console-callers.js";
import { checkableScreen, expectAccessible, openFromMenu, signInToConsole } from "../support/console-page.js";
import { HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";
import { openEvent } from "../support/registration-mail.js";

// The Delegations screen in Chromium against the emulators: Chile's committee representative
// names Chile's delegation on a phone-sized screen with the keyboard and submits it; Mexico's
// member sees Mexico's and nothing of Chile's; the secretariat sees every country's and accredits.
const app = initializeApp({ projectId: DEMO_PROJECT }, "console-delegations-e2e");
const db = getFirestore(app);
const EVENT = `delegations-e2e-${process.pid}`;
const TITLE = "Delegations conference of the e2e test";
const HEAD = { name: "Carla Soto", email: `carla.soto.${process.pid}@example.org` };
const MEXICANS = ["Ana María Gutiérrez", "Luis Hernández", "Rosa Campos"];

const login = demoLogin;

let browser: Browser;
const contexts: BrowserContext[] = [];
async function screen(width: number): Promise<Page> {
  const page = await checkableScreen(browser, width, 20_000);
  contexts.push(page.context());
  return page;
}
const section = (page: Page) => page.locator(`section[aria-labelledby="deleg-${EVENT}"]`);
async function openDelegations(page: Page) {
  await openFromMenu(page, { name: "Delegations" });
  await page.getByRole("heading", { level: 1, name: "Country delegations" }).waitFor();
  await section(page).getByRole("heading", { level: 2, name: TITLE }).waitFor();
}

beforeAll(async () => {
  await ensureDemoLogins();
  const now = Date.now();
  // Hosted by Chile, which holds a seat already, so no demo login's role moves.
  await openEvent(
    db,
    EVENT,
    40,
    new Date(now),
    {
      title: { es: TITLE, en: TITLE },
      start: "2027-05-10",
      end: "2027-05-11",
      source: "Written by test/e2e/console-delegations.test.ts",
    },
    { closesAtMs: now + 30 * 86_400_000, categories: ["delegate", "observer"], countryQuota: 3 },
  );
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await Promise.all([
    db.doc(`events/${EVENT}`).delete(),
    db.doc(`registrationSettings/${EVENT}`).delete(),
    db.doc(`delegations/${delegationId(EVENT, "CL")}`).delete(),
    db.doc(`delegations/${delegationId(EVENT, "MX")}`).delete(),
  ]);
  const [mail, audit, mexico] = await Promise.all([
    db.collection(OUTBOX_COLLECTION).where("key.purpose", "==", "delegation-invitation").get(),
    db.collection("audit").where("target.id", "==", delegationId(EVENT, "CL")).get(),
    db.collection("audit").where("target.id", "==", delegationId(EVENT, "MX")).get(),
  ]);
  await Promise.all([...mail.docs, ...audit.docs, ...mexico.docs].map((d) => d.ref.delete()));
  // The files after this one meet the public site without the test's event.
  await eventually(
    async () => ((await fetch(`${HOSTING_ORIGIN}/en/events/${EVENT}`)).status === 404 ? true : undefined),
    "the test's event gone from the public site",
  );
  await deleteApp(app);
});

describe("the Delegations screen", () => {
  it("lets Chile's representative name and submit Chile's delegation with the keyboard at 360 px", async () => {
    const page = await screen(360);
    await signInToConsole(page, login("committee-cl"));
    await openDelegations(page);
    const own = section(page);
    await expect.poll(() => own.textContent()).toContain("Quota per country: 3 people.");
    await expectAccessible(page, "the Delegations screen at 360 px");
    // Nothing typed: each field says so, and nothing is sent.
    await own.getByRole("button", { name: "Add and send the invitation" }).click();
    await expect.poll(() => page.locator("#status").textContent()).toBe("Correct the marked fields before going on.");
    await own.getByLabel("Name", { exact: true }).focus();
    await page.keyboard.type(HEAD.name);
    await own.getByLabel("Email", { exact: true }).fill(HEAD.email);
    await own.getByLabel("Institution", { exact: true }).fill("Dirección ChileCompra");
    await own.getByLabel("Role", { exact: true }).selectOption({ label: "Head of delegation" });
    await own.getByRole("button", { name: "Add and send the invitation" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#status").textContent()).toBe("Delegation saved. Invitations sent: 1.");
    // The next person is typed where the last one was.
    await expect
      .poll(() => own.getByLabel("Name", { exact: true }).evaluate((input) => input === document.activeElement))
      .toBe(true);
    expect(await own.textContent()).toContain("When the delegation is complete, submit it to the secretariat");
    const people = own.getByRole("table", { name: "People of the delegation of Chile" });
    await expect.poll(() => people.textContent()).toContain(HEAD.name);
    expect(await people.textContent()).toContain("not answered");
    await expectAccessible(page, "Chile's delegation with one person at 360 px");
    await own.getByRole("button", { name: "Submit the delegation to the secretariat" }).click();
    await expect
      .poll(() => page.locator("#status").textContent())
      .toBe("The delegation of Chile was submitted to the secretariat.");
    await expect.poll(() => own.textContent()).toContain("submitted to the secretariat");
    expect(await own.getByRole("button", { name: "Add and send the invitation" }).count()).toBe(0);
  });

  it("shows Mexico's member Mexico's delegation only, and says when its quota is full instead of offering a form", async () => {
    const page = await screen(1280);
    await signInToConsole(page, login("member-mx"));
    await openDelegations(page);
    const own = section(page);
    await expect.poll(() => own.textContent()).toContain("Delegation of Mexico");
    expect(await page.locator("main").textContent()).not.toContain(HEAD.name);
    expect(await page.locator("main").textContent()).not.toContain("Every country's delegation");
    await expectAccessible(page, "the member's Delegations screen");
    for (const [index, name] of MEXICANS.entries()) {
      await own.getByLabel("Name", { exact: true }).fill(name);
      await own.getByLabel("Email", { exact: true }).fill(`mx${index}.${process.pid}@example.org`);
      await own.getByLabel("Institution", { exact: true }).fill("Secretaría Anticorrupción y Buen Gobierno");
      await own.getByRole("button", { name: "Add and send the invitation" }).click();
      await expect.poll(() => own.textContent()).toContain(`${index + 1} of 3 people named.`);
    }
    // Full: no form that the quota would refuse; the sentence saying so has the focus.
    const full = own.getByText("The quota is full. To name someone else, first remove someone who has not accepted.");
    await expect.poll(() => full.evaluate((p) => p === document.activeElement)).toBe(true);
    expect(await own.getByRole("button", { name: "Add and send the invitation" }).count()).toBe(0);
    await expectAccessible(page, "Mexico's full delegation");
    await own.getByRole("button", { name: `Remove ${MEXICANS[2]}` }).click();
    await expect
      .poll(() => page.locator("#status").textContent())
      .toBe(`${MEXICANS[2]} is no longer in the delegation.`);
    await expect
      .poll(() => own.getByLabel("Name", { exact: true }).evaluate((input) => input === document.activeElement))
      .toBe(true);
  });

  it("lets the secretariat see every country's delegation and accredit Chile's on a phone, saying so while it works", async () => {
    const page = await screen(360);
    await signInToConsole(page, login("secretariat"));
    await openDelegations(page);
    const every = section(page);
    const table = every.getByRole("table", { name: "Every country's delegation" });
    await expect.poll(() => table.textContent()).toContain("submitted to the secretariat");
    // Whom the secretariat accredits: each person, with their role, institution and answer.
    expect(await table.textContent()).toContain(
      `${HEAD.name} (Head of delegation), Dirección ChileCompra: not answered`,
    );
    await expectAccessible(page, "the secretariat's Delegations screen at 360 px");
    const accredit = every.getByRole("button", { name: "Accredit the delegation of Chile" });
    // At 360 px the row's action is in sight: the table stacks its rows, nothing scrolls sideways.
    const box = await accredit.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The table's own scrolling box (lib/table.tsx) has nothing hidden to the side either.
    const scroller = table.locator("xpath=..");
    expect(await scroller.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);

    // While the call is on its way (held here until the words were seen), the console says what it does.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/delegations-decide", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await accredit.click();
    await expect.poll(() => page.locator("#status").textContent()).toBe("Accrediting…");
    await every.getByRole("button", { name: "Accrediting…" }).waitFor();
    release();
    await expect.poll(() => page.locator("#status").textContent()).toBe("The delegation of Chile is accredited.");
    await page.unroute("**/delegations-decide");
    await expect.poll(() => table.textContent()).toContain("accredited");
    expect((await db.doc(`delegations/${delegationId(EVENT, "CL")}`).get()).get("state")).toBe("accredited");
  });

  it("lets Chile's representative withdraw a person from the accredited delegation after a dialog that says what it does", async () => {
    const page = await screen(360);
    await signInToConsole(page, login("committee-cl"));
    await openDelegations(page);
    const own = section(page);
    const people = own.getByRole("table", { name: "People of the delegation of Chile" });
    await expect.poll(() => people.textContent()).toContain(HEAD.name);
    const opener = own.getByRole("button", { name: `Withdraw ${HEAD.name}…` });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: `Withdraw ${HEAD.name} from the delegation?` });
    await dialog.waitFor();
    const said = await dialog.textContent();
    expect(said).toContain(`${HEAD.name} will no longer be part of the delegation of Chile`);
    expect(said).toContain("The delegation stays accredited for the other people.");
    expect(said).toContain("There is no one-click undo");
    // The harmless answer has the focus; Escape keeps everything and gives the focus back.
    const keep = dialog.getByRole("button", { name: `No, keep ${HEAD.name}` });
    await expect.poll(() => keep.evaluate((b) => b === document.activeElement)).toBe(true);
    await expectAccessible(page, "the withdrawal dialog at 360 px");
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => opener.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await people.textContent()).toContain(HEAD.name);

    // Again with the keyboard only: open, step back to the withdrawal, confirm.
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await page.keyboard.press("Shift+Tab");
    await expect
      .poll(() =>
        dialog
          .getByRole("button", { name: `Withdraw ${HEAD.name}`, exact: true })
          .evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#status").textContent())
      .toBe(`${HEAD.name} was withdrawn from the delegation.`);
    await expect.poll(() => own.textContent()).not.toContain(HEAD.name);
    await expect
      .poll(() =>
        own.getByRole("heading", { name: "Delegation of Chile" }).evaluate((h) => h === document.activeElement),
      )
      .toBe(true);
    const stored = (await db.doc(`delegations/${delegationId(EVENT, "CL")}`).get()).data();
    expect(stored).toMatchObject({ state: "accredited", people: [] });

    // The history says who withdrew whom, by name.
    await openFromMenu(page, { name: "Audit log" });
    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Delegations" });
    const line = page.getByRole("row").filter({ hasText: `withdrew ${HEAD.name} from the delegation of Chile` });
    await expect.poll(() => line.count()).toBeGreaterThan(0);
    expect(await page.locator("main").textContent()).not.toContain("delegation.withdraw");
  });

  it("lets Chile's representative name a new head into the accredited delegation, and the secretariat accredit only them", async () => {
    const REPLACEMENT = { name: "Diego Ríos", email: `diego.rios.${process.pid}@example.org` };
    const page = await screen(360);
    await signInToConsole(page, login("committee-cl"));
    await openDelegations(page);
    const own = section(page);
    await expect.poll(() => own.textContent()).toContain("The delegation is accredited. Until the event starts");
    expect(await own.getByRole("button", { name: "Submit the delegation to the secretariat" }).count()).toBe(0);
    await own.getByLabel("Name", { exact: true }).fill(REPLACEMENT.name);
    await own.getByLabel("Email", { exact: true }).fill(REPLACEMENT.email);
    await own.getByLabel("Institution", { exact: true }).fill("Dirección ChileCompra");
    await own.getByLabel("Role", { exact: true }).selectOption({ label: "Head of delegation" });
    await own.getByRole("button", { name: "Add and send the invitation" }).click();
    await expect.poll(() => page.locator("#status").textContent()).toBe("Delegation saved. Invitations sent: 1.");
    const people = own.getByRole("table", { name: "People of the delegation of Chile" });
    await expect.poll(() => people.textContent()).toContain("not answered; awaiting accreditation");
    expect(await own.textContent()).toContain("People awaiting the secretariat's accreditation: 1.");
    await expectAccessible(page, "an accredited delegation with a person awaiting accreditation at 360 px");

    const secretariat = await screen(360);
    await signInToConsole(secretariat, login("secretariat"));
    await openDelegations(secretariat);
    const every = section(secretariat);
    const table = every.getByRole("table", { name: "Every country's delegation" });
    await expect
      .poll(() => table.textContent())
      .toContain(
        `${REPLACEMENT.name} (Head of delegation), Dirección ChileCompra: not answered; awaiting accreditation`,
      );
    expect(await table.textContent()).toContain("People awaiting the secretariat's accreditation: 1.");
    await expectAccessible(secretariat, "the secretariat's view of a person awaiting accreditation at 360 px");
    await every.getByRole("button", { name: "Accredit the new people of the delegation of Chile" }).click();
    await expect
      .poll(() => secretariat.locator("#status").textContent())
      .toBe("The new people of the delegation of Chile are accredited.");
    await expect.poll(() => table.textContent()).not.toContain("awaiting accreditation");
    expect(
      await every.getByRole("button", { name: "Accredit the new people of the delegation of Chile" }).count(),
    ).toBe(0);
    const stored = (await db.doc(`delegations/${delegationId(EVENT, "CL")}`).get()).data();
    expect(stored?.state).toBe("accredited");
    expect(stored?.people.map((p: { awaitingAccreditation?: boolean }) => p.awaitingAccreditation)).toEqual([
      undefined,
    ]);

    // The history names whom the secretariat accredited.
    await openFromMenu(secretariat, { name: "Audit log" });
    await secretariat.getByLabel("Action", { exact: true }).selectOption({ label: "Delegations" });
    const line = secretariat
      .getByRole("row")
      .filter({ hasText: `accredited ${REPLACEMENT.name} in the delegation of Chile` });
    await expect.poll(() => line.count()).toBeGreaterThan(0);
  });
});
