import { randomBytes } from "node:crypto";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT, demoLogin, ensureDemoLogins, signIn as tokenFor } from "../support/console-callers.js";
import { checkableScreen, chooseByName, expectAccessible, signInToConsole } from "../support/console-page.js";
import { consoleUrl } from "../support/emulator-suite.js";

// Issue #15's "choices, not typing", in Chromium against the emulators: Mexico's member drafts a
// document choosing its country and priority area by name with the keyboard alone; the id is
// made from the title, a taken one (a Chilean draft the member cannot read) is said beside the
// field before anything is saved, and the document is stored with the ids chosen.
const CONSOLE = consoleUrl();
const RUN = randomBytes(3).toString("hex");
const TOPIC = `forms-topic-${RUN}`;
const TOPIC_NAME = `Sustainable procurement ${RUN}`;
const TAKEN_TITLE = `Informe de compras ${RUN}`;
const TAKEN = `informe-de-compras-${RUN}`;
const MINE = `${TAKEN}-mx`;
const app = initializeApp({ projectId: DEMO_PROJECT }, `console-forms-${RUN}`);
const db = getFirestore(app);

const login = demoLogin;
const member = login("member-mx");
const cl = login("committee-cl");

async function callAs(account: { email: string; password: string }, name: string, data: unknown) {
  const token = await tokenFor(account.email, account.password);
  const response = await fetch(`http://127.0.0.1:5001/${DEMO_PROJECT}/southamerica-east1/committee-${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ data }),
  });
  return (await response.json()) as { result?: unknown; error?: unknown };
}

async function cleanUp() {
  for (const id of [TAKEN, MINE]) {
    await db.recursiveDelete(db.doc(`documents/${id}`));
    const audit = await db.collection("audit").where("target.id", "==", id).get();
    await Promise.all(audit.docs.map((d) => d.ref.delete()));
  }
  await db.doc(`topics/${TOPIC}`).delete();
}

let browser: Browser;
let desk: Page;
let phone: Page;

beforeAll(async () => {
  await ensureDemoLogins();
  await cleanUp();
  // A published priority area a member may list, and a Chilean draft whose id the member's title would take.
  await db.doc(`topics/${TOPIC}`).set({
    id: TOPIC,
    name: { es: `Compras sostenibles ${RUN}`, en: TOPIC_NAME },
    priority: "high",
    order: 99,
    source: "Console forms browser test",
    publication: "published",
    version: 1,
  });
  const saved = await callAs(cl, "saveDraft", {
    id: TAKEN,
    document: {
      kind: "news",
      title: { es: "Borrador de Chile" },
      summary: { es: "Resumen." },
      body: { es: "Texto." },
      translations: { es: "original" },
      countries: ["CL"],
      topics: [],
      source: "Console forms browser test",
    },
  });
  expect(saved.error).toBeUndefined();
  browser = await launchChromium();
  const page = (width: number) => checkableScreen(browser, width, 15_000);
  desk = await page(1280);
  phone = await page(360);
});
afterAll(async () => {
  await browser?.close();
  await cleanUp();
  await deleteApp(app);
});

const status = (page: Page) => page.locator("#status");
const expanded = (page: Page, field: string) => page.locator(field).getAttribute("aria-expanded");

describe("a member drafts a document by choosing, not typing", () => {
  it("asks for the title before the id, and makes the id from it", async () => {
    await signInToConsole(desk, member);
    await desk.goto(`${CONSOLE}#/new`);
    await desk.locator("#f-title-es").waitFor();
    await expectAccessible(desk, "the new document form at 1280 px");
    const idAfterTitle = await desk.evaluate(() => {
      const title = document.getElementById("f-title-es");
      const id = document.getElementById("f-id");
      return !!title && !!id && (title.compareDocumentPosition(id) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(idAfterTitle).toBe(true);
    await desk.locator("#f-title-es").focus();
    await desk.keyboard.type(TAKEN_TITLE);
    await expect.poll(() => desk.locator("#f-id").inputValue()).toBe(TAKEN);
  });

  it("says beside the id that it is taken, though the member cannot read the record that took it", async () => {
    await expect.poll(() => desk.locator("#f-id-error").textContent()).toContain(TAKEN);
    expect(await desk.locator("#f-id").getAttribute("aria-invalid")).toBe("true");
    expect(await desk.locator("#f-id").getAttribute("aria-describedby")).toContain("f-id-error");
    await expectAccessible(desk, "the form with a taken id");
  });

  it("chooses the country and the priority area by name with the keyboard only, chips and all", async () => {
    await chooseByName(desk, "#f-countries", "Mexico", "mexi");
    // Accents and case do not matter; Escape closes the list, Backspace removes the last chip.
    await desk.keyboard.type("CHÍ");
    await desk.getByRole("option", { name: "Chile", exact: true }).waitFor();
    expect(await expanded(desk, "#f-countries")).toBe("true");
    await desk.keyboard.press("ArrowDown");
    expect(await desk.locator("#f-countries").getAttribute("aria-activedescendant")).toBe("f-countries-option-0");
    await desk.keyboard.press("Escape");
    expect(await expanded(desk, "#f-countries")).toBe("false");
    await desk.keyboard.press("Escape");
    expect(await desk.locator("#f-countries").inputValue()).toBe("");
    await chooseByName(desk, "#f-countries", "Chile", "chile");
    await desk.keyboard.press("Backspace");
    await expect.poll(() => desk.getByRole("button", { name: "Remove Chile" }).count()).toBe(0);
    expect(await desk.getByRole("button", { name: "Remove Mexico" }).count()).toBe(1);

    await chooseByName(desk, "#f-topics", TOPIC_NAME, "SUSTAIN");
    await desk.keyboard.press("Escape");
    await expectAccessible(desk, "the form with chosen names");
    // The list open, as a screen reader meets it.
    await desk.locator("#f-topics").focus();
    await desk.keyboard.press("ArrowDown");
    await expectAccessible(desk, "the form with a list open");
    await desk.keyboard.press("Escape");
  });

  it("refuses to save with the taken id, beside the field and with the focus on it, and saves once it is changed", async () => {
    await desk.locator("#f-source").fill("Console forms browser test");
    await desk.locator("#f-summary-es").fill("Resumen del informe.");
    await desk.locator("#f-body-es").fill("Texto del informe.");
    await desk.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(desk).textContent()).toContain(TAKEN);
    await expect.poll(() => desk.evaluate(() => document.activeElement?.id)).toBe("f-id");
    expect(await desk.locator("#f-id-error").textContent()).toContain(TAKEN);
    expect((await db.doc(`documents/${TAKEN}`).get()).get("countries")).toEqual(["CL"]);

    await desk.keyboard.press("End");
    await desk.keyboard.type("-mx");
    await expect.poll(() => desk.locator("#f-id-hint").textContent()).toContain(MINE);
    expect(await desk.locator("#f-id-error").count()).toBe(0);
    await desk.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => desk.url()).toContain(`#/documents/${MINE}`);
    const stored = (await db.doc(`documents/${MINE}`).get()).data();
    expect(stored).toMatchObject({ status: "draft", countries: ["MX"], topics: [TOPIC], title: { es: TAKEN_TITLE } });
    // The stored document shows its choices by name again.
    await desk.getByRole("button", { name: "Remove Mexico" }).waitFor();
    await desk.getByRole("button", { name: `Remove ${TOPIC_NAME}` }).waitFor();
  });

  it("has nothing axe finds on the form at 360 px, list open or not", async () => {
    await signInToConsole(phone, member);
    await phone.goto(`${CONSOLE}#/new`);
    await phone.locator("#f-countries").waitFor();
    await expectAccessible(phone, "the new document form at 360 px");
    await phone.locator("#f-countries").focus();
    await phone.keyboard.type("a");
    await phone.getByRole("listbox").first().waitFor();
    await expectAccessible(phone, "the country list open at 360 px");
  });
});

describe("an event's dates and time zone, picked", () => {
  it("offers the precision the source gives, starts the zone as the host's and shows the instant in the person's zone", async () => {
    // Events are the committee's to draft; a page of its own, on a phone.
    const phone = await (
      await browser.newContext({ locale: "en-US", viewport: { width: 360, height: 800 }, bypassCSP: true })
    ).newPage();
    phone.setDefaultTimeout(15_000);
    await signInToConsole(phone, cl);
    await phone.goto(`${CONSOLE}#/records/events/new`);
    await chooseByName(phone, "#r-hostCountries", "Mexico", "méx");
    await phone.locator("#r-start").selectOption("day");
    await phone.locator("#r-start").fill("2027-06-20");
    // A day needs its zone: it starts as Mexico's, and the instant shows in the person's own zone.
    // Named as people know it, never by its IANA code.
    await phone.getByRole("button", { name: /^Remove .*\(Mexico City\)$/ }).waitFor();
    await expect.poll(() => phone.locator("#r-start-local").textContent()).toContain("In your time");
    await phone.locator("#r-start-precision").selectOption("minute");
    expect(await phone.locator("#r-start").inputValue()).toBe("2027-06-20T09:00");
    await phone.locator("#r-start").fill("2027-06-20T10:30");
    // Another zone, by its place's name and with the keyboard; Backspace first takes Mexico City's away.
    await phone.locator("#r-timeZone").focus();
    await phone.keyboard.press("Backspace");
    await expect.poll(() => phone.getByRole("button", { name: /^Remove .*\(Mexico City\)$/ }).count()).toBe(0);
    await chooseByName(phone, "#r-timeZone", "Chile Time", "santiago");
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here.
    expect(await phone.locator("main").innerText()).not.toMatch(/America\/|Mexico_City/);
    await expectAccessible(phone, "an event's dates and zone at 360 px");
    // A month is as precise as the report often is; the instant is then not shown.
    await phone.locator("#r-end").selectOption("month");
    await phone.locator("#r-end").fill("2027-06");
    expect(await phone.locator("#r-end-local").count()).toBe(0);
  });
});
