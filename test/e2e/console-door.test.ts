import { randomBytes } from "node:crypto";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Event, RegistrationSchema } from "../../functions/src/model/index.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT } from "../support/console-callers.js";
import { expectAccessible, openFromMenu, signInToConsole } from "../support/console-page.js";

// The check-in screen as a person at the door uses it: a phone 360 px wide, the keyboard only
// (a labelled search, buttons named for the person they act on, their visible words first) and a screen reader's live
// region saying what happened; axe-core on every state of the screen.
const RUN = randomBytes(4).toString("hex");
const EVENT = `door-e2e-${RUN}`;
const TITLE = `Door check-in workshop ${RUN}`;
const NAME = `Lucía Núñez ${RUN}`;
const OTHER = `Pedro Castillo ${RUN}`;
const app = initializeApp({ projectId: DEMO_PROJECT }, `console-door-${RUN}`);
const db = getFirestore(app);
const ids = [randomBytes(16).toString("hex"), randomBytes(16).toString("hex")];
let browser: Browser;

const committee = DEMO_ACCOUNTS.find((a) => a.uid === "demo-committee-cl");
if (!committee) throw new Error("no demo committee login of Chile");

beforeAll(async () => {
  const event: Event = {
    id: EVENT,
    kind: "workshop",
    title: { es: TITLE, en: TITLE },
    status: "planned",
    start: "2027-04-01",
    timeZone: "America/Santiago",
    hostCountries: [],
    organizerIds: [],
    attendingCountries: [],
    sessions: [],
    publication: "published",
    version: 1,
    source: "e2e test of the door",
  };
  await db.doc(`events/${EVENT}`).set(event);
  const person = (name: string, country: string) =>
    RegistrationSchema.parse({
      eventId: EVENT,
      name,
      address: `${randomBytes(6).toString("hex")}@example.org`,
      institution: "Dirección ChileCompra",
      country,
      category: "delegate",
      lang: "es",
      requestedAtMs: 1,
      status: { state: "confirmed", via: "confirmation", atMs: 2 },
    });
  await db.doc(`registrations/${ids[0]}`).set(person(NAME, "CL"));
  await db.doc(`registrations/${ids[1]}`).set(person(OTHER, "PE"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const id of ids) await db.doc(`registrations/${id}`).delete();
  await db.doc(`events/${EVENT}`).delete();
  await deleteApp(app);
});

describe("the check-in screen", () => {
  it("finds a person by name and marks them present, then undoes it, with the keyboard at 360 px", async () => {
    const context = await browser.newContext({
      locale: "en-US",
      viewport: { width: 360, height: 740 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    try {
      await signInToConsole(page, committee);
      await openFromMenu(page, { name: "Check-in" });
      await page.getByLabel("Event").selectOption(EVENT);
      const search = page.getByRole("searchbox", { name: "Find a person by name" });
      await search.waitFor();
      await expectAccessible(page, "the check-in screen");

      // Accents and case do not matter; the other person is filtered out.
      await search.focus();
      await page.keyboard.type("lucia nunez");
      await expect.poll(() => page.locator(".door-list li").count()).toBe(1);
      await page.keyboard.press("Tab");
      const mark = page.getByRole("button", { name: `Mark present: ${NAME}` });
      await expect.poll(() => mark.evaluate((b) => b === document.activeElement)).toBe(true);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#status").textContent()).toBe(`${NAME}: marked present.`);
      expect(await page.locator("#status").getAttribute("aria-live")).toBe("polite");
      // Focus goes back to the search, ready for the next person's name.
      await expect.poll(() => search.evaluate((input) => input === document.activeElement)).toBe(true);
      const undo = page.getByRole("button", { name: `Undo: ${NAME}` });
      await undo.waitFor();
      await expect
        .poll(async () => (await db.doc(`registrations/${ids[0]}`).get()).get("attendedBy"))
        .toBe("demo-committee-cl");
      await expectAccessible(page, "the check-in screen after a check-in");

      await undo.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#status").textContent()).toBe(`${NAME}: no longer marked present.`);
      await expect
        .poll(async () => (await db.doc(`registrations/${ids[0]}`).get()).get("attendedAtMs"))
        .toBeUndefined();
      await page.getByRole("button", { name: `Mark present: ${NAME}` }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);
});
