import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SUBSCRIPTIONS, type SubscriptionLimits } from "../../functions/src/config.js";
import { translator } from "../../functions/src/i18n/index.js";
import type { LogEntry } from "../../functions/src/log.js";
import {
  type Document,
  OUTBOX_COLLECTION,
  OutboxMessageSchema,
  SUBSCRIBERS_COLLECTION,
  SubscriberSchema,
} from "../../functions/src/model/index.js";
import { openTokens } from "../../functions/src/notify/seal.js";
import { deriveSiteData, type SiteData } from "../../functions/src/site/data.js";
import { subscriberId } from "../../functions/src/subscriptions/keys.js";
import { publishedDocument, queuePublication } from "../../functions/src/subscriptions/publish.js";
import type { SubscriptionDeps } from "../../functions/src/subscriptions/subscribers.js";
import { clearFirestore } from "../support/emulator-suite.js";
import { emulatedProject } from "../support/functions-admin.js";
import { elementsOf, formsOf, textOf } from "../support/html.js";
import { deliverPending, deliveryTo } from "../support/outbox-delivery.js";
import { ORIGIN, seedSnapshot, siteWithForms } from "../support/seeded-site.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const PROJECT_ID = `demo-subscriptions-${process.pid}`;
const KEY = "integration-test subscription key, long enough";
const SEAL_KEY = "integration-test outbox key, long enough to use";
const SENDER = "Red Interamericana <no-reply@compraspublicas.org>";
const db = emulatedProject(PROJECT_ID);
let sink: SmtpSink;
let derived: SiteData;
let now = Date.parse("2026-03-01T12:00:00Z");
const logged: LogEntry[] = [];
const clock = () => new Date(now);

/** The form's limits while a test runs: the production ones unless a test sets smaller ones. */
let limits: SubscriptionLimits = SUBSCRIPTIONS;
const subscriptionDeps = (): SubscriptionDeps => ({
  db,
  clock,
  log: (entry) => logged.push(entry),
  key: KEY,
  sealKey: SEAL_KEY,
  origin: ORIGIN,
  limits,
});
const deliveryDeps = () =>
  deliveryTo(sink, { db, clock, sender: SENDER, log: (entry) => logged.push(entry), sealKey: SEAL_KEY });
const site = () => siteWithForms(() => derived, clock, logged, { subscriptions: subscriptionDeps() });

beforeAll(async () => {
  sink = await startSmtpSink();
  derived = deriveSiteData(await seedSnapshot());
});
afterAll(async () => {
  await sink?.close();
});
beforeEach(async () => {
  await clearFirestore(PROJECT_ID);
  sink.received.length = 0;
  logged.length = 0;
  now = Date.parse("2026-03-01T12:00:00Z");
  limits = SUBSCRIPTIONS;
});

/**
 * The site's own form, as a browser sends it from the subscription page through Hosting, whose
 * front end sets Fastly-Client-IP (`ip`); `forwardedFor` is what the visitor wrote themselves in
 * X-Forwarded-For, which Hosting passes on with its own hop appended.
 */
const subscribe = (address: string, lang = "es", ip = "198.51.100.7", page = "es", forwardedFor?: string) =>
  site().request(`/${page}/subscribe`, {
    method: "POST",
    body: new URLSearchParams({ address, lang }).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: ORIGIN,
      "sec-fetch-site": "same-origin",
      "fastly-client-ip": ip,
      "x-forwarded-for": `${forwardedFor ?? ip}, 10.0.0.1`,
    },
  });

/** Sends every waiting outbox message to the SMTP sink, as the outbox trigger would. */
const deliverAll = () => deliverPending(deliveryDeps());

/** The one link on the site in a received email's text, as a path the test site can request. */
function linkIn(text: string, path: string): string {
  const found = text.match(new RegExp(`${ORIGIN.replace(/\./g, "\\.")}${path}\\?\\S+`))?.[0];
  if (!found) throw new Error(`no ${path} link in:\n${text}`);
  const url = new URL(found);
  return `${url.pathname}${url.search}`;
}

const subscriberOf = async (address: string) => {
  const snapshot = await db.collection(SUBSCRIBERS_COLLECTION).doc(subscriberId(KEY, address)).get();
  return snapshot.exists ? SubscriberSchema.parse(snapshot.data()) : undefined;
};

const report = (version: number): Document => ({
  id: "informe-ejecutivo-2005",
  kind: "executive-report",
  title: { es: "Informe ejecutivo", en: "Executive report" },
  summary: { es: "Resumen", en: "Summary" },
  body: { es: "Texto", en: "Text" },
  translations: { es: "original", en: "translated" },
  countries: [],
  topics: [],
  source: "Informe del seminario",
  status: "published",
  publishedOn: "2026-03-01",
  version,
});

const publicationDeps = () => ({ ...subscriptionDeps(), log: (entry: LogEntry) => logged.push(entry) });

describe("a subscriber's journey", () => {
  it("subscribes, confirms only by the button, gets a publication with list headers, and unsubscribes in one click", async () => {
    const address = "Ana.Perez@example.org";
    const sent = await subscribe(address, "en");
    expect(sent.status).toBe(200);
    expect(textOfPage(await sent.text())).toContain(translator("es")("sub.sent.body"));

    await deliverAll();
    expect(sink.received).toHaveLength(1);
    const confirmation = sink.received[0];
    expect(confirmation?.to && "value" in confirmation.to ? confirmation.to.value[0]?.address : "").toBe(address);
    expect(confirmation?.subject).toBe(translator("en")("sub.mail.confirm.subject"));
    const confirmLink = linkIn(confirmation?.text ?? "", "/en/subscribe/confirm");

    // Opening the link (as a mail scanner does) shows a button and confirms nobody.
    const page = await site().request(confirmLink);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const [button] = formsOf(await page.text()).filter((f) => f.method === "post");
    expect(button?.action).toBe("/en/subscribe/confirm");
    expect((await subscriberOf(address))?.status).toBe("pending");
    await queuePublication(publicationDeps(), report(2));
    expect(
      (await db.collection(OUTBOX_COLLECTION).where("key.purpose", "==", "subscription.published").get()).size,
    ).toBe(0);

    // Pressing the button confirms.
    const confirm = () =>
      site().request(button?.action ?? "", {
        method: "POST",
        body: new URLSearchParams(button?.fields).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const confirmed = await confirm();
    expect(confirmed.status).toBe(200);
    expect(textOfPage(await confirmed.text())).toContain(translator("en")("sub.confirmed.body"));
    expect(await subscriberOf(address)).toMatchObject({ status: "confirmed", address, lang: "en" });
    // The token is spent: the same button again is refused.
    expect((await confirm()).status).toBe(400);

    // A publication reaches the subscriber once, in English, with the list headers as sent.
    sink.received.length = 0;
    expect(await queuePublication(publicationDeps(), report(3))).toEqual({ queued: 1, already: 0 });
    await deliverAll();
    expect(sink.received).toHaveLength(1);
    const news = sink.received[0];
    expect(news?.subject).toBe(translator("en")("sub.mail.published.subject", { title: "Executive report" }));
    // Header names are case-insensitive (nodemailer writes List-ID); the values must arrive as queued.
    const header = (name: string) => {
      const line = news?.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? "";
      // Unfolded as RFC 5322 says: a line break before white space is not part of the value.
      return line
        .replace(/\r?\n(?=[ \t])/g, "")
        .slice(line.indexOf(":") + 1)
        .trim();
    };
    expect(header("List-Id")).toBe("Red Interamericana de Compras Gubernamentales <news.www.compraspublicas.org>");
    expect(header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const listUnsubscribe = /^<(https:\/\/[^>]+)>$/.exec(header("List-Unsubscribe") ?? "")?.[1];
    expect(listUnsubscribe).toBeDefined();
    const oneClick = new URL(listUnsubscribe ?? "");
    expect(oneClick.origin).toBe(ORIGIN);
    // The same link is visible in the message.
    expect(news?.text).toContain(listUnsubscribe);
    expect(String(news?.html)).toContain(listUnsubscribe?.replace(/&/g, "&amp;"));

    // RFC 8058: a POST with exactly the one-click body, no cookie, no Origin; 200, no redirect.
    const unsubscribed = await site().request(`${oneClick.pathname}${oneClick.search}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(unsubscribed.status).toBe(200);
    expect(unsubscribed.headers.get("location")).toBeNull();
    expect(await subscriberOf(address)).toBeUndefined();

    // The next publication sends nothing.
    sink.received.length = 0;
    expect(await queuePublication(publicationDeps(), report(4))).toEqual({ queued: 0, already: 0 });
    await deliverAll();
    expect(sink.received).toHaveLength(0);

    // Nothing but hashes in the logs: no address, no IP, no token.
    const logText = JSON.stringify(logged).toLowerCase();
    expect(logText).not.toContain("ana.perez");
    expect(logText).not.toContain("198.51.100.7");
    expect(logText).not.toContain(oneClick.searchParams.get("t")?.toLowerCase());
  });

  it("refuses an expired confirmation link, on the page and on the button", async () => {
    await subscribe("late@example.org");
    await deliverAll();
    const link = linkIn(sink.received[0]?.text ?? "", "/es/subscribe/confirm");
    const [button] = formsOf(await (await site().request(link)).text()).filter((f) => f.method === "post");
    now += SUBSCRIPTIONS.confirmationTtlMs + 1;
    const page = await site().request(link);
    expect(page.status).toBe(400);
    expect(textOfPage(await page.text())).toContain(translator("es")("sub.invalid.confirm"));
    const pressed = await site().request("/es/subscribe/confirm", {
      method: "POST",
      body: new URLSearchParams(button?.fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(pressed.status).toBe(400);
    expect((await subscriberOf("late@example.org"))?.status).toBe("pending");
  });
});

describe("what a subscription request reveals", () => {
  it("answers a confirmed address exactly as an unknown one, and does the same work for both", async () => {
    await subscribe("known@example.org");
    await deliverAll();
    const link = linkIn(sink.received[0]?.text ?? "", "/es/subscribe/confirm");
    const [button] = formsOf(await (await site().request(link)).text()).filter((f) => f.method === "post");
    await site().request("/es/subscribe/confirm", {
      method: "POST",
      body: new URLSearchParams(button?.fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect((await subscriberOf("known@example.org"))?.status).toBe("confirmed");

    const known = await subscribe("known@example.org", "es", "203.0.113.1");
    const unknown = await subscribe("unknown@example.org", "es", "203.0.113.2");
    expect(known.status).toBe(unknown.status);
    expect(await known.text()).toBe(await unknown.text());
    expect(headersOf(known)).toEqual(headersOf(unknown));
    // Each got a confirmation email; the confirmed subscriber stays confirmed until they confirm again.
    const queued = await db.collection(OUTBOX_COLLECTION).where("key.purpose", "==", "subscription.confirm").get();
    expect(queued.size).toBe(3);
    expect((await subscriberOf("known@example.org"))?.status).toBe("confirmed");
  });
});

describe("limits on the subscription form", () => {
  it("sends one address at most three confirmations a day, whoever asks, then says so in the page's language", async () => {
    for (let i = 0; i < SUBSCRIPTIONS.perAddress.max; i++) {
      expect((await subscribe("target@example.org", "es", `192.0.2.${i + 1}`, "fr")).status).toBe(200);
    }
    const limited = await subscribe("target@example.org", "es", "192.0.2.99", "fr");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("cache-control")).toBe("no-store");
    expect(textOfPage(await limited.text())).toContain(translator("fr")("sub.limited.address", { hours: 24 }));
    expect((await db.collection(OUTBOX_COLLECTION).get()).size).toBe(SUBSCRIPTIONS.perAddress.max);
    // A day later the address may ask again.
    now += SUBSCRIPTIONS.perAddress.windowMs;
    expect((await subscribe("target@example.org", "es", "192.0.2.99")).status).toBe(200);
  });

  it("takes twenty requests an hour from one client, an IPv6 /64 counting as one", async () => {
    for (let i = 0; i < SUBSCRIPTIONS.perClient.max; i++) {
      const ip = `2001:db8:5:6::${(i + 1).toString(16)}`;
      expect((await subscribe(`person-${i}@example.org`, "es", ip, "en")).status).toBe(200);
    }
    const limited = await subscribe("one-more@example.org", "es", "2001:db8:5:6::ffff", "en");
    expect(limited.status).toBe(429);
    expect(textOfPage(await limited.text())).toContain(translator("en")("sub.limited.client", { minutes: 60 }));
    expect(await subscriberOf("one-more@example.org")).toBeUndefined();
    // Another client is not held back.
    expect((await subscribe("one-more@example.org", "es", "2001:db8:5:7::1")).status).toBe(200);
  });

  it("counts a client by the address Hosting's front end saw, whatever X-Forwarded-For the visitor writes", async () => {
    for (let i = 0; i < SUBSCRIPTIONS.perClient.max; i++) {
      const forged = `203.0.113.${i + 1}`;
      expect((await subscribe(`forger-${i}@example.org`, "es", "192.0.2.50", "en", forged)).status).toBe(200);
    }
    const limited = await subscribe("forger-more@example.org", "es", "192.0.2.50", "en", "203.0.113.250");
    expect(limited.status).toBe(429);
    expect(textOfPage(await limited.text())).toContain(translator("en")("sub.limited.client", { minutes: 60 }));
    expect(await subscriberOf("forger-more@example.org")).toBeUndefined();
    // The legitimate path: another visitor behind Hosting still subscribes.
    expect((await subscribe("forger-more@example.org", "es", "192.0.2.51", "en")).status).toBe(200);
  });

  it("caps the confirmation emails of the whole site in an hour, however many clients and addresses ask", async () => {
    limits = { ...SUBSCRIPTIONS, global: { max: 3, windowMs: 3_600_000 } };
    for (let i = 0; i < 3; i++) {
      expect((await subscribe(`wave-${i}@example.org`, "es", `192.0.2.${100 + i}`, "pt")).status).toBe(200);
    }
    const limited = await subscribe("wave-3@example.org", "es", "192.0.2.200", "pt");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("cache-control")).toBe("no-store");
    expect(textOfPage(await limited.text())).toContain(translator("pt")("sub.limited.global", { minutes: 60 }));
    expect(await subscriberOf("wave-3@example.org")).toBeUndefined();
    expect((await db.collection(OUTBOX_COLLECTION).get()).size).toBe(3);
    // An hour later the site sends confirmations again.
    now += 3_600_000;
    expect((await subscribe("wave-3@example.org", "es", "192.0.2.200", "pt")).status).toBe(200);
    expect((await db.collection(OUTBOX_COLLECTION).get()).size).toBe(4);
  });
});

describe("news of a publication", () => {
  async function confirmedSubscriber(address: string, lang: string) {
    await subscribe(address, lang, `198.51.100.${Math.floor(Math.random() * 200) + 1}`);
    const outbox = await db.collection(OUTBOX_COLLECTION).where("key.purpose", "==", "subscription.confirm").get();
    const id = subscriberId(KEY, address);
    const message = outbox.docs.find((d) => d.data().key.recipient === `subscriber:${id}`);
    if (!message) throw new Error(`no confirmation queued for ${address}`);
    // The stored text names the token by placeholder; delivery opens it, as here.
    const { text } = OutboxMessageSchema.parse(message.data());
    const opened = openTokens(
      SEAL_KEY,
      message.id,
      { subject: "", text: text ?? "", html: "" },
      message.get("sealed") ?? [],
    );
    const link = linkIn(opened.text, `/${lang}/subscribe/confirm`);
    const [button] = formsOf(await (await site().request(link)).text()).filter((f) => f.method === "post");
    const res = await site().request(`/${lang}/subscribe/confirm`, {
      method: "POST",
      body: new URLSearchParams(button?.fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
  }

  it("goes to each confirmed subscriber once, in their language, and only once however often it is queued", async () => {
    await confirmedSubscriber("es@example.org", "es");
    await confirmedSubscriber("en@example.org", "en");
    await confirmedSubscriber("pt@example.org", "pt");
    await confirmedSubscriber("fr@example.org", "fr");
    await subscribe("never-confirmed@example.org", "en");
    const publication = publishedDocument({ action: "document.publish", after: report(5) });
    expect(publication).toBeDefined();
    const deps = { ...publicationDeps(), pageSize: 3 };
    expect(await queuePublication(deps, report(5))).toEqual({ queued: 4, already: 0 });
    expect(await queuePublication(deps, report(5))).toEqual({ queued: 0, already: 4 });
    const news = await db.collection(OUTBOX_COLLECTION).where("key.purpose", "==", "subscription.published").get();
    const subjects = Object.fromEntries(news.docs.map((d) => [d.data().to.address, d.data().subject]));
    expect(subjects).toEqual({
      "es@example.org": translator("es")("sub.mail.published.subject", { title: "Informe ejecutivo" }),
      "en@example.org": translator("en")("sub.mail.published.subject", { title: "Executive report" }),
      // No Portuguese or French title: the language the site's pages would show (pt → es, fr → en).
      "pt@example.org": translator("pt")("sub.mail.published.subject", { title: "Informe ejecutivo" }),
      "fr@example.org": translator("fr")("sub.mail.published.subject", { title: "Executive report" }),
    });
    for (const doc of news.docs) {
      for (const link of elementsOf(doc.data().html).filter((e) => e.tagName === "a")) {
        expect(new URL(link.attrs.find((a) => a.name === "href")?.value ?? "").origin).toBe(ORIGIN);
      }
    }
  });

  it("is queued only for a publication, never for another audit entry", () => {
    expect(
      publishedDocument({ action: "document.submit", after: { ...report(2), status: "in-review" } }),
    ).toBeUndefined();
    expect(
      publishedDocument({ action: "document.unpublish", after: { ...report(2), status: "draft" } }),
    ).toBeUndefined();
    expect(publishedDocument({ action: "document.publish", after: report(2) })?.version).toBe(2);
  });
});

function textOfPage(html: string): string {
  return elementsOf(html)
    .filter((e) => e.tagName === "main")
    .map(textOf)
    .join("");
}

function headersOf(response: Response): [string, string][] {
  const all: [string, string][] = [];
  response.headers.forEach((value, name) => {
    all.push([name, value]);
  });
  return all;
}
