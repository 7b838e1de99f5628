import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dayIn } from "../../functions/src/calendar/days.js";
import { activateCommitment } from "../../functions/src/commitment/actions.js";
import { JOBS_TIME_ZONE, REGION } from "../../functions/src/config.js";
import { type MessageKey, translator } from "../../functions/src/i18n/index.js";
import {
  AUDIT_COLLECTION,
  COLLECTIONS,
  converterFor,
  type DocumentContent,
  EventSchema,
  INVITATIONS_COLLECTION,
  LANGS,
  OUTBOX_COLLECTION,
  PUBLICATION_NEWS_COLLECTION,
  SUBSCRIBERS_COLLECTION,
} from "../../functions/src/model/index.js";
import { JOB_STATE_COLLECTION } from "../../functions/src/reminders/ledger.js";
import { PROJECT_ID } from "../../scripts/emulators.mjs";
import { emulatorSmtp } from "../../scripts/mailbox.mjs";
import { type Callers, demoCallers } from "../support/console-callers.js";
import { CONSOLE_ORIGIN, emulatorHost, HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";
import { attr, elementsOf, formsOf } from "../support/html.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

// The whole emulated system, as `npm start` runs it: the public site through the Hosting
// emulator, the console's callables in the Functions emulator, the triggers and the scheduled
// jobs, and a real SMTP server where functions/.env.local tells the functions to send. Every link
// of every kind of email they send must lead to the local site or the local console.
const FUNCTIONS = "http://127.0.0.1:5001";
const LOCAL = [new URL(HOSTING_ORIGIN).origin, new URL(CONSOLE_ORIGIN).origin];
const tag = `${process.pid}`;
const ADDRESS = `local-links-${tag}@example.org`;
const INVITEE = `local-links-invitee-${tag}@example.org`;
const DOCUMENT = `e2e-local-links-${tag}`;
const EVENT = `e2e-local-links-event-${tag}`;
const COMMITMENT = "site-hosting-chile-2005";
/** Who activates the hosting term in this test, so its audit entry is told from others'. */
const ACTOR = `e2e-local-links-${tag}`;
/** A message's subject in whichever language its recipient reads. */
const inAnyLanguage = (key: MessageKey, params: Record<string, string> = {}) =>
  LANGS.map((lang) => translator(lang)(key, params));

const app = initializeApp({ projectId: PROJECT_ID }, `e2e-local-links-${tag}`);
const db = getFirestore(app);
const commitment = db.collection("commitments").withConverter(converterFor("commitments")).doc(COMMITMENT);
let seededCommitment: Awaited<ReturnType<typeof commitment.get>> | undefined;
let sink: SmtpSink;
let callers: Callers;

beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  sink = await startSmtpSink(emulatorSmtp());
  callers = await demoCallers();
  seededCommitment = await commitment.get();
});
afterAll(async () => {
  const seeded = seededCommitment?.data();
  if (seeded) await commitment.set(seeded);
  await db.recursiveDelete(db.doc(`${COLLECTIONS.documents.path}/${DOCUMENT}`));
  await db.doc(`${COLLECTIONS.events.path}/${EVENT}`).delete();
  await db.doc(`${PUBLICATION_NEWS_COLLECTION}/${DOCUMENT}`).delete();
  for (const id of [`commitment-reminders-${COMMITMENT}`, `event-reminders-${EVENT}`]) {
    await db.collection(JOB_STATE_COLLECTION).doc(id).delete();
  }
  const audit = await db.collection(AUDIT_COLLECTION).where("target.id", "in", [DOCUMENT, COMMITMENT]).get();
  const ours = audit.docs.filter((d) => d.get("target.id") === DOCUMENT || d.get("actor.uid") === ACTOR);
  const invitations = await db.collection(INVITATIONS_COLLECTION).where("email", "==", INVITEE).get();
  const subscribers = await db.collection(SUBSCRIBERS_COLLECTION).where("address", "==", ADDRESS).get();
  await Promise.all([...ours, ...invitations.docs, ...subscribers.docs].map((d) => d.ref.delete()));
  // Only this file's messages (sent ones are already forgotten): the reminder jobs' (as
  // test/integration/mailbox.test.ts clears them) and those naming this run.
  const outbox = await db.collection(OUTBOX_COLLECTION).get();
  const mine = outbox.docs.filter(
    (d) =>
      ["commitment.reminder", "event.reminder"].includes(String(d.get("key.purpose"))) ||
      JSON.stringify(d.data()).includes(tag),
  );
  await Promise.all(mine.map((d) => d.ref.delete()));
  await callers?.close();
  await sink?.close();
  await deleteApp(app);
});

async function call(name: string, caller: Parameters<Callers["idToken"]>[0], data: unknown) {
  const response = await fetch(`${FUNCTIONS}/${PROJECT_ID}/${REGION}/${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${callers.idToken(caller)}` },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as { result?: unknown; error?: unknown };
  if (body.result === undefined) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** A v2 scheduled function never fires by itself in the emulator; a POST runs it. */
async function runJob(name: string) {
  const response = await fetch(`${FUNCTIONS}/${PROJECT_ID}/${REGION}/${name}-0`, { method: "POST" });
  expect(response.status, name).toBeLessThan(300);
}

/** The first message that arrived with one of `subjects`, or one that starts with `prefix`, once it has. */
const arrived = (subjects: string[] | { prefix: string }) =>
  eventually(
    async () =>
      sink.received.find((mail) =>
        Array.isArray(subjects)
          ? subjects.includes(mail.subject ?? "")
          : (mail.subject ?? "").startsWith(subjects.prefix),
      ),
    `an email ${JSON.stringify(subjects)} in the SMTP server`,
    60_000,
  );

/** Every address a message leads to: its HTML's links, the addresses in its text, its List-Unsubscribe. */
function linksOf(mail: ParsedMail): string[] {
  const html = typeof mail.html === "string" ? mail.html : "";
  const anchors = elementsOf(html)
    .filter((e) => e.tagName === "a" || e.tagName === "area")
    .map((e) => attr(e, "href") ?? "");
  const inText = mail.text?.match(/https?:\/\/[^\s<>"]+/g) ?? [];
  const line = mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
  const listed = [...line.replace(/\r?\n(?=[ \t])/g, "").matchAll(/<([^>]+)>/g)].map((m) => m[1] ?? "");
  return [...anchors, ...inText, ...listed];
}

describe("email on the emulators", () => {
  it("leads every link of every kind of email to the local site or the local console", async () => {
    // Subscription confirmation, from the form through Hosting.
    const form = await fetch(`${HOSTING_ORIGIN}/en/subscribe`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: HOSTING_ORIGIN,
        "sec-fetch-site": "same-origin",
      },
      body: new URLSearchParams({ address: ADDRESS, lang: "en" }).toString(),
    });
    expect(form.status).toBe(200);
    const confirmation = await arrived(inAnyLanguage("sub.mail.confirm.subject"));
    const confirmLink = linksOf(confirmation).find((link) => link.includes("/subscribe/confirm"));
    expect(new URL(confirmLink ?? "").origin).toBe(HOSTING_ORIGIN);
    // The link works where it leads: its page's button confirms.
    const page = await (await fetch(confirmLink ?? "")).text();
    const button = formsOf(page).find((f) => f.method === "post");
    const confirmed = await fetch(new URL(button?.action ?? "", confirmLink).href, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: HOSTING_ORIGIN,
        "sec-fetch-site": "same-origin",
      },
      body: new URLSearchParams(button?.fields ?? {}).toString(),
    });
    expect(confirmed.status).toBe(200);
    await eventually(async () => {
      const found = await db.collection(SUBSCRIBERS_COLLECTION).where("address", "==", ADDRESS).get();
      return found.docs.some((d) => d.get("status") === "confirmed") || undefined;
    }, "the subscription confirmed");

    // A review notice (submitted), then a publication's news with its unsubscribe links.
    const document: DocumentContent = {
      kind: "news",
      title: { es: `Enlaces locales ${tag}`, en: `Local links ${tag}` },
      summary: { es: "Resumen.", en: "Summary." },
      body: { es: "Texto.", en: "Text." },
      translations: { es: "original", en: "translated" },
      countries: ["PE"],
      topics: [],
      source: "test/e2e/local-links.test.ts",
    };
    await call("committee-saveDraft", "committee-pe", { id: DOCUMENT, document });
    await call("committee-submit", "committee-pe", { id: DOCUMENT, baseVersion: 1 });
    await arrived(
      inAnyLanguage("notice.submitted.subject", { title: document.title.es ?? "" }).concat(
        inAnyLanguage("notice.submitted.subject", { title: document.title.en ?? "" }),
      ),
    );
    await call("committee-publish", "committee-cl", { id: DOCUMENT, baseVersion: 2 });
    await arrived(inAnyLanguage("sub.mail.published.subject", { title: document.title.en ?? "" }));

    // An invitation to the console.
    await call("committee-invite", "secretariat", {
      email: INVITEE,
      role: "member",
      countryId: "MX",
      memberId: `local-links-${tag}`,
      name: "Invitada Enlaces Locales",
      inviteeLang: "es",
    });
    await arrived(inAnyLanguage("notice.invitation.subject"));

    // The daily reminders: a hosting term whose last day is today, an event a week away.
    const today = dayIn(new Date(), JOBS_TIME_ZONE);
    const start = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    await activateCommitment(
      db,
      () => new Date(),
      { memberId: ACTOR },
      { commitmentId: COMMITMENT, termStart: start.endsWith("02-29") ? addDays(start, -1) : start },
      { timeZone: JOBS_TIME_ZONE },
    );
    await runJob("commitmentReminders");
    await arrived(inAnyLanguage("commitment.lastDay.subject"));
    const eventTitle = `Reunión de enlaces locales ${tag}`;
    await db.doc(`${COLLECTIONS.events.path}/${EVENT}`).set(
      EventSchema.parse({
        id: EVENT,
        kind: "meeting",
        title: { es: eventTitle },
        status: "planned",
        start: addDays(today, 7),
        timeZone: JOBS_TIME_ZONE,
        hostCountries: ["CL"],
        source: "test/e2e/local-links.test.ts",
      }),
    );
    await runJob("eventReminders");
    await arrived({ prefix: eventTitle });

    const kinds = new Set(sink.received.map((mail) => mail.subject));
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    for (const mail of sink.received) {
      const links = linksOf(mail).filter((link) => !link.startsWith("mailto:"));
      expect(links.length, mail.subject).toBeGreaterThan(0);
      for (const link of links) expect(LOCAL, `${mail.subject}: ${link}`).toContain(new URL(link).origin);
    }
  });
});
