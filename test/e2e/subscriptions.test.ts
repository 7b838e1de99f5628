import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../functions/src/i18n/index.js";
import {
  AUDIT_COLLECTION,
  OUTBOX_COLLECTION,
  OutboxMessageSchema,
  SUBSCRIBERS_COLLECTION,
} from "../../functions/src/model/index.js";
import { openTokens } from "../../functions/src/notify/seal.js";
import { subscriberId } from "../../functions/src/subscriptions/keys.js";
import { PROJECT_ID } from "../../scripts/emulators.mjs";
import { launchChromium } from "../support/browser.js";
import { emulatorHost, HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";

// The emulated functions key subscribers with the emulators' SUBSCRIPTION_KEY, and seal the
// tokens of queued email with their OUTBOX_KEY (the test opens them as delivery would).
const SECRETS = parseEnv(readFileSync(join(import.meta.dirname, "../../functions/.secret.local"), "utf8"));
const KEY = SECRETS.SUBSCRIPTION_KEY ?? "";
const ADDRESS = `Visitor.${process.pid}@example.org`;
const t = translator("fr");

let browser: Browser;
let context: BrowserContext;
let app: ReturnType<typeof initializeApp>;
let db: Firestore;
beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT_ID }, `e2e-subscriptions-${process.pid}`);
  db = getFirestore(app);
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
  if (app) await deleteApp(app);
});

/** The outbox message of `purpose` to the visitor, once the emulated functions have queued it. */
const queued = (purpose: string) =>
  eventually(async () => {
    const found = await db.collection(OUTBOX_COLLECTION).where("to.address", "==", ADDRESS).get();
    const doc = found.docs.find((d) => d.get("key.purpose") === purpose);
    if (!doc) return undefined;
    const { subject = "", text = "", html = "", headers, sealed = [] } = OutboxMessageSchema.parse(doc.data());
    return openTokens(SECRETS.OUTBOX_KEY, doc.id, { subject, text, html, headers }, sealed);
  }, `a ${purpose} message to the visitor`);

/** A link of an email, which on the emulators leads to the site the Hosting emulator serves. */
const onHosting = (link: string) => {
  expect(new URL(link).origin).toBe(HOSTING_ORIGIN);
  return link;
};

const subscriber = async () =>
  (await db.collection(SUBSCRIBERS_COLLECTION).doc(subscriberId(KEY, ADDRESS)).get()).data();

describe("subscriptions in a browser without JavaScript, through the Hosting emulator", () => {
  it("subscribes from the form, confirms with the emailed link's button, and unsubscribes from a publication's link", async () => {
    const page = await context.newPage();
    await page.goto(`${HOSTING_ORIGIN}/en/`);
    await page.getByRole("link", { name: translator("en")("sub.footer.link") }).click();
    expect(new URL(page.url()).pathname).toBe("/en/subscribe");
    await page.getByLabel(translator("en")("sub.form.address")).fill(ADDRESS);
    await page.getByLabel(translator("en")("sub.form.lang")).selectOption("fr");
    await page.getByRole("button", { name: translator("en")("sub.form.submit") }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe(translator("en")("sub.sent.title"));

    const confirmation = await queued("subscription.confirm");
    const confirmLink = /https?:\/\/\S+\/fr\/subscribe\/confirm\?\S+/.exec(confirmation.text)?.[0];
    expect(confirmLink).toBeDefined();
    await page.goto(onHosting(confirmLink ?? ""));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(t("sub.confirm.title"));
    // Opening the link confirmed nothing.
    expect((await subscriber())?.status).toBe("pending");
    await page.getByRole("button", { name: t("sub.confirm.button") }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(t("sub.confirmed.title"));
    expect(await subscriber()).toMatchObject({ status: "confirmed", address: ADDRESS, lang: "fr" });

    // A publication recorded by the console (its audit entry) reaches the subscriber through the trigger.
    const entry = db.collection(AUDIT_COLLECTION).doc(`e2e-subscriptions-${process.pid}`);
    await entry.create({
      at: new Date().toISOString(),
      actor: { uid: "e2e", role: "committee" },
      action: "document.publish",
      target: { collection: "documents", id: "e2e-news" },
      countryIds: [],
      before: null,
      after: {
        id: "e2e-news",
        kind: "news",
        title: { es: "Noticia de prueba", en: "Test news" },
        summary: { es: "Resumen", en: "Summary" },
        body: { es: "Texto", en: "Text" },
        translations: { es: "original", en: "translated" },
        countries: [],
        topics: [],
        source: "e2e",
        status: "published",
        publishedOn: "2026-11-27",
        version: 2,
      },
    });
    try {
      const news = await queued("subscription.published");
      // The French subscriber reads the title the French pages show when there is none in French.
      expect(news.subject).toBe(t("sub.mail.published.subject", { title: "Test news" }));
      const listUnsubscribe = /^<(https?:\/\/[^>]+)>$/.exec(news.headers?.["List-Unsubscribe"] ?? "")?.[1];
      expect(listUnsubscribe).toBeDefined();
      expect(news.text).toContain(listUnsubscribe);

      await page.goto(onHosting(listUnsubscribe ?? ""));
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(t("sub.unsubscribe.title"));
      expect((await subscriber())?.status).toBe("confirmed");
      await page.getByRole("button", { name: t("sub.unsubscribe.button") }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(t("sub.unsubscribed.title"));
      expect(await subscriber()).toBeUndefined();
    } finally {
      // The console's tests read the audit log of this project; the news ledger would silence a rerun.
      await entry.delete();
      await db.doc("publicationNews/e2e-news").delete();
    }
    await page.close();
  });
});
