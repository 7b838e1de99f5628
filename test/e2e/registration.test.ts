import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../functions/src/i18n/index.js";
import { REGISTRATION_COLLECTIONS } from "../../functions/src/model/index.js";
import { REGISTRATION_LIMITS_COLLECTION } from "../../functions/src/registration/form-request.js";
import { PROJECT_ID } from "../../scripts/emulators.mjs";
import { startMailbox } from "../../scripts/mailbox.mjs";
import { axeViolations, describeViolations } from "../support/axe.js";
import { launchChromium } from "../support/browser.js";
import { emulatorHost, HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";

// Through the whole emulated system, as a visitor without JavaScript: the event page the `site`
// function renders through the Hosting emulator, the form's POST, the confirmation email sent by
// the outbox trigger to the local mailbox `npm start` runs (MailDev), the confirm button, the
// allocator trigger deciding, and the status page.
const EVENT_ID = `e2e-registration-${process.pid}`;
const ADDRESS = `Visitor.${process.pid}@example.org`;
const HOUR = 3_600_000;
const t = translator("en");

let browser: Browser;
let context: BrowserContext;
let app: ReturnType<typeof initializeApp>;
let db: Firestore;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT_ID }, `e2e-registration-${process.pid}`);
  db = getFirestore(app);
  mailbox = await startMailbox();
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false });
  const year = new Date().getUTCFullYear() + 1;
  await db.doc(`events/${EVENT_ID}`).set({
    id: EVENT_ID,
    kind: "conference",
    title: { es: "Conferencia de prueba e2e", en: "End-to-end test conference" },
    status: "planned",
    start: `${year}-04-10`,
    end: `${year}-04-12`,
    timeZone: "America/Santiago",
    hostCountries: ["CL"],
    organizerIds: [],
    attendingCountries: [],
    sessions: [{ type: "forum", title: { es: "Foro abierto", en: "Open forum" }, topics: [], topicIds: [] }],
    source: "Written by test/e2e/registration.test.ts",
    publication: "published",
  });
  await db.doc(`${REGISTRATION_COLLECTIONS.registrationSettings.path}/${EVENT_ID}`).set({
    eventId: EVENT_ID,
    opensAtMs: Date.now() - HOUR,
    closesAtMs: Date.now() + 24 * HOUR,
    places: 5,
    sessionRooms: [{ session: 0, places: 3 }],
    categories: ["delegate", "observer"],
    privateSessions: [],
    approvalCategories: [],
    offerWindowHours: 48,
    startTime: "09:00",
    endTime: "18:00",
  });
});
afterAll(async () => {
  await browser?.close();
  await mailbox?.stop();
  if (db) {
    // Later tests browse the same project: they find the seed alone.
    const mine = await db
      .collection(REGISTRATION_COLLECTIONS.registrations.path)
      .where("eventId", "==", EVENT_ID)
      .get();
    await Promise.all(mine.docs.map((d) => d.ref.delete()));
    await db.doc(`${REGISTRATION_COLLECTIONS.registrationSettings.path}/${EVENT_ID}`).delete();
    await db.doc(`${REGISTRATION_COLLECTIONS.registrationCounters.path}/${EVENT_ID}`).delete();
    await db.recursiveDelete(db.collection(REGISTRATION_LIMITS_COLLECTION));
    const mails = await db.collection("outbox").where("to.address", "==", ADDRESS).get();
    await Promise.all(mails.docs.map((d) => d.ref.delete()));
    await db.doc(`events/${EVENT_ID}`).delete();
  }
  if (app) await deleteApp(app);
});

interface MailDevEmail {
  subject: string;
  to: { address: string }[];
  text: string;
}
const inbox = async () => (await (await fetch(`${mailbox.url}api/email`)).json()) as MailDevEmail[];

describe("registration in a browser without JavaScript, through the Hosting emulator", () => {
  it("registers from the event page's form, confirms from the local mailbox, and the status page shows the place", async () => {
    const page = await context.newPage();
    // The view trigger publishes the event once it has worked through the seed's writes before it
    // (one rebuild at a time): on a busy machine, a minute.
    await expect
      .poll(
        async () => {
          const response = await page.goto(`${HOSTING_ORIGIN}/en/events/${EVENT_ID}`);
          return response?.status() === 200 ? page.getByRole("heading", { name: t("regform.title") }).count() : 0;
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBe(1);
    expect(await page.getByText(t("regform.placesLeft", { count: 5, places: 5 })).count()).toBe(1);

    await page.getByLabel(t("regform.field.name"), { exact: true }).fill("Visitante <b>e2e</b>");
    await page.getByLabel(t("regform.field.address"), { exact: true }).fill(ADDRESS);
    await page.getByLabel(t("regform.field.institution"), { exact: true }).fill("Dirección de Compras Públicas");
    await page.getByLabel(t("regform.field.country"), { exact: true }).selectOption("MX");
    await page.getByLabel(t("regform.category.observer"), { exact: true }).check();
    await page.getByLabel(/Open forum/).check();
    await page.getByLabel(t("regform.field.timeZone"), { exact: true }).selectOption("America/Mexico_City");
    expect(await page.getByLabel(t("regform.field.consent"), { exact: true }).isChecked()).toBe(false);
    await page.getByRole("button", { name: t("regform.submit") }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(t("regform.sent.title"));

    const subject = t("regform.mail.confirm.subject", { event: "End-to-end test conference" });
    const mail = await eventually(
      async () => (await inbox()).find((m) => m.subject === subject && m.to[0]?.address === ADDRESS),
      "the confirmation email in the local mailbox",
      60_000,
    );
    const confirmLink = /https?:\/\/\S+\/registration\/confirm\?\S+/.exec(mail.text)?.[0];
    expect(new URL(confirmLink ?? "").origin).toBe(HOSTING_ORIGIN);
    await page.goto(confirmLink ?? "");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(t("regform.confirm.title"));
    await page.getByRole("button", { name: t("regform.confirm.button") }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(t("regform.confirming.title"));

    await page.getByRole("link", { name: t("regform.statusLink") }).click();
    // The allocator trigger decides within a second or two; the page reloads itself meanwhile.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByRole("status").textContent();
        },
        { timeout: 30_000 },
      )
      .toBe(t("regform.status.confirmed"));
    await page.close();
  }, 240_000);

  it("has no accessibility violation on the event page with its form, in French", async () => {
    // JavaScript on and CSP bypassed only so that axe-core can be injected.
    const withJs = await browser.newContext({ bypassCSP: true });
    const page = await withJs.newPage();
    await page.goto(`${HOSTING_ORIGIN}/fr/events/${EVENT_ID}`);
    expect(await page.getByRole("button", { name: translator("fr")("regform.submit") }).count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toHaveLength(0);
    await withJs.close();
  });
});
