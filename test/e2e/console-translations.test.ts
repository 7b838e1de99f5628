import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentSchema, EventSchema } from "../../functions/src/model/index.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT } from "../support/console-callers.js";
import { expectAccessible, openFromMenu, signInToConsole } from "../support/console-page.js";
import { consoleUrl } from "../support/emulator-suite.js";

// What the console shows of a translation behind its original, in Chromium against the
// emulators: each language's status in the lists, in bold when outdated, and in the editors the
// original's date with what to do. (The store's flagging is played in
// test/integration/stale-translations.test.ts.)
const DOC = "console-translations-outdated";
const EVENT = "console-translations-event";
const CHANGED = "2026-12-04T20:36:00.000Z";
const app = initializeApp({ projectId: DEMO_PROJECT }, "console-translations-e2e");
const db = getFirestore(app);
const cl = DEMO_ACCOUNTS.find((a) => a.uid === "demo-committee-cl");

async function remove() {
  for (const path of [`documents/${DOC}`, `events/${EVENT}`]) await db.recursiveDelete(db.doc(path));
}

let browser: Browser;
let phone: Page;
beforeAll(async () => {
  await remove();
  await db.doc(`documents/${DOC}`).set(
    DocumentSchema.parse({
      id: DOC,
      kind: "news",
      title: { es: "Noticia con traducción atrasada", en: "News with a translation behind" },
      summary: { es: "Resumen.", en: "Summary." },
      body: { es: "Texto corregido.", en: "Text." },
      translations: { es: "original", en: "outdated" },
      originalChangedAt: CHANGED,
      countries: ["CL"],
      topics: [],
      source: "test/e2e/console-translations.test.ts",
      status: "draft",
      version: 3,
    }),
  );
  await db.doc(`events/${EVENT}`).set(
    EventSchema.parse({
      id: EVENT,
      kind: "meeting",
      title: { es: "Reunión con traducción atrasada", en: "Meeting with a translation behind" },
      status: "planned",
      hostCountries: ["CL"],
      source: "test/e2e/console-translations.test.ts",
      publication: "draft",
      version: 2,
      translations: { es: "original", en: "outdated" },
      originalChangedAt: CHANGED,
    }),
  );
  browser = await launchChromium();
  phone = await (
    await browser.newContext({ locale: "en-US", viewport: { width: 360, height: 740 }, bypassCSP: true })
  ).newPage();
  phone.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await remove();
  await deleteApp(app);
});

describe("translation statuses in the console", () => {
  it("lists a document's outdated English in bold and says in its editor when the original changed", async () => {
    if (!cl) throw new Error("no demo committee-cl account");
    await signInToConsole(phone, cl);
    await openFromMenu(phone, { name: "Documents", exact: true });
    const row = phone.getByRole("row").filter({ hasText: "News with a translation behind" });
    await expect.poll(() => row.locator("strong").textContent()).toBe("English: to be updated");
    expect(await row.textContent()).toContain("Spanish: original");
    expect(await row.textContent()).toContain("Portuguese: missing");
    await expectAccessible(phone, "the documents list with translation statuses");

    await phone.goto(consoleUrl(`#/documents/${DOC}`));
    const note = phone.getByRole("note").filter({ hasText: "The original changed on" });
    await expect.poll(() => note.textContent()).toContain("2026");
    expect(await phone.locator("#f-translations-en").inputValue()).toBe("outdated");
    await expectAccessible(phone, "the editor of a document with an outdated translation");
  });

  it("shows an event's statuses in its list and editor, where each language has a status picker", async () => {
    await phone.goto(consoleUrl("#/records/events"));
    const row = phone.getByRole("row").filter({ hasText: "Meeting with a translation behind" });
    await expect.poll(() => row.locator("strong").textContent()).toBe("English: to be updated");

    await phone.goto(consoleUrl(`#/records/events/${EVENT}`));
    await expect.poll(() => phone.locator("#r-translations-en").inputValue()).toBe("outdated");
    expect(await phone.locator("#r-translations-pt").inputValue()).toBe("");
    expect(await phone.getByRole("note").filter({ hasText: "The original changed on" }).count()).toBe(1);
    await expectAccessible(phone, "the editor of an event with an outdated translation");
  });
});
