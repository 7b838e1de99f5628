import { randomBytes } from "node:crypto";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../functions/src/i18n/index.js";
import { OUTBOX_COLLECTION, type OutboxMessage } from "../../functions/src/model/index.js";
import { startMailbox } from "../../scripts/mailbox.mjs";
import { callOverHttp } from "../support/callable-http.js";
import { type Caller, type Callers, DEMO_PROJECT, demoCallers } from "../support/console-callers.js";
import { emulatorHost } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";
import { registrationRecord } from "../support/registration-mail.js";

// The two triggers that tell registered people of a change, through the whole emulated system:
// the committee changes the places with the registrations-open callable, and moves then cancels
// the event through the records workflow (committee-record* callables, a second committee member
// publishing), each over HTTP with the demo logins' real tokens. The Functions emulator runs
// registrationPlaces and registrationEventChanges; the test waits for the outbox documents they
// queue, and for one real delivery to the local mailbox (MailDev), whose calendar file ical.js
// reads. The people are written as the allocator leaves them, for an event of this file's own.
const RUN = randomBytes(4).toString("hex");
const EVENT = `reg-change-triggers-${RUN}`;
const HOLDER = randomBytes(16).toString("hex");
const WAITING = randomBytes(16).toString("hex");
const ADDRESS = (who: string) => `change-${RUN}-${who}@example.org`;
const HOUR = 3_600_000;
const t = translator("es");

let app: ReturnType<typeof initializeApp>;
let db: Firestore;
let callers: Callers;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let version = 0;

interface CallResult {
  result?: { version?: number; status?: string };
  error?: { status: string; message: string };
}

const call = (name: string, caller: Caller, data: unknown) =>
  callOverHttp<CallResult>(name, callers.idToken(caller), data);

/** One step of the records workflow on the event, checked, keeping its version for the next. */
async function step(action: string, caller: Caller, fields: Record<string, unknown> = {}) {
  const base = version === 0 ? {} : { baseVersion: version };
  const answer = await call(`committee-record${action}`, caller, { kind: "events", id: EVENT, ...base, ...fields });
  expect(answer.error, `${action} by ${caller}`).toBeUndefined();
  version = answer.result?.version ?? version;
}

const content = (changes: Record<string, unknown> = {}) => ({
  kind: "conference",
  title: { es: `Conferencia de cambios ${RUN}`, en: `Changes conference ${RUN}` },
  status: "planned",
  start: "2099-04-10",
  end: "2099-04-11",
  timeZone: "America/Santiago",
  hostCountries: ["CL"],
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  source: "Written by test/e2e/registration-change-triggers.test.ts",
  ...changes,
});

const settings = (places: number) => ({
  eventId: EVENT,
  opensAtMs: Date.now() - HOUR,
  closesAtMs: Date.now() + 30 * 24 * HOUR,
  startTime: "09:30",
  endTime: "17:00",
  places,
  sessionRooms: [],
  categories: ["observer"],
  privateSessions: [],
  approvalCategories: [],
  offerWindowHours: 48,
});

const person = (who: string, status: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  registrationRecord(EVENT, who, ADDRESS(who), status, extra);

/** The outbox's messages to a registration with `purpose`, once there are `count` of them. */
async function queued(id: string, purpose: string, count = 1): Promise<OutboxMessage[]> {
  return eventually(
    async () => {
      const found = await db
        .collection(OUTBOX_COLLECTION)
        .where("key.recipient", "==", `registration:${id}`)
        .where("key.purpose", "==", purpose)
        .get();
      return found.size >= count ? found.docs.map((d) => d.data() as OutboxMessage) : undefined;
    },
    `${count} × ${purpose} queued for ${id}`,
    90_000,
  );
}

const stateOf = async (id: string) => (await db.doc(`registrations/${id}`).get()).get("status.state") as string;

interface MailDevEmail {
  id: string;
  subject: string;
  to: { address: string }[];
  text: string;
  attachments?: { generatedFileName: string; contentType: string }[];
}

beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  app = initializeApp({ projectId: DEMO_PROJECT }, `registration-change-triggers-${RUN}`);
  db = getFirestore(app);
  callers = await demoCallers();
  mailbox = await startMailbox();
});

afterAll(async () => {
  await mailbox?.stop();
  if (db) {
    for (const id of [HOLDER, WAITING]) {
      const mails = await db.collection(OUTBOX_COLLECTION).where("key.recipient", "==", `registration:${id}`).get();
      await Promise.all([...mails.docs.map((d) => d.ref.delete()), db.doc(`registrations/${id}`).delete()]);
    }
    await db.doc(`registrationSettings/${EVENT}`).delete();
    await db.doc(`registrationCounters/${EVENT}`).delete();
    // Hard clean-up (the console only deletes softly), so later tests see the seed alone.
    await db.recursiveDelete(db.doc(`events/${EVENT}`));
    const audit = await db.collection("audit").where("target.id", "==", EVENT).get();
    await Promise.all(audit.docs.map((d) => d.ref.delete()));
  }
  await callers?.close();
  if (app) await deleteApp(app);
});

describe("the change triggers, through the Functions emulator", () => {
  it("offers a place raised through the registrations-open callable to the first on the waiting list", async () => {
    await step("SaveDraft", "committee-cl", { record: content() });
    await step("Submit", "committee-cl");
    await step("Publish", "committee-pe");
    expect((await call("registrations-open", "committee-cl", { lang: "es", settings: settings(1) })).error).toBe(
      undefined,
    );
    await db
      .doc(`registrations/${HOLDER}`)
      .set(person("holder", { state: "confirmed", via: "confirmation", atMs: Date.now() }, { calendarSequence: 0 }));
    await db
      .doc(`registrations/${WAITING}`)
      .set(person("waiting", { state: "waitlisted", seq: 1, atMs: Date.now() }, { timeZone: "Europe/Madrid" }));
    await db.doc(`registrationCounters/${EVENT}`).set({
      eventId: EVENT,
      placesHeld: 1,
      lastSeq: 1,
      decided: 2,
      updatedAtMs: Date.now(),
    });

    const raised = await call("registrations-open", "committee-cl", { lang: "es", settings: settings(2) });
    expect(raised.error).toBeUndefined();
    const [offer] = await queued(WAITING, "registration.offered");
    expect(offer?.subject).toContain(`Conferencia de cambios ${RUN}`);
    expect(await stateOf(WAITING)).toBe("offered");
  }, 180_000);

  it("tells the people concerned of a move once it is published by a second person: the holder's calendar entry updated, the offer without one", async () => {
    await step("Unpublish", "committee-cl");
    await step("SaveDraft", "committee-cl", { record: content({ start: "2099-05-20", end: "2099-05-21" }) });
    await step("Submit", "committee-cl");
    await step("Publish", "committee-pe");

    const [moved] = await queued(HOLDER, "registration.eventChanged");
    expect(moved?.calendar?.content).toContain("SEQUENCE:1");
    const [told] = await queued(WAITING, "registration.eventChangedWaiting");
    expect(told?.calendar).toBeUndefined();
    expect(told?.text).toContain("sigue reservada para usted");

    // Delivered by the outbox trigger to the local mailbox; its calendar file read by ical.js.
    const subject = t("regmail.eventChanged.subject", { event: `Conferencia de cambios ${RUN}` });
    const mail = await eventually(
      async () => {
        const inbox = (await (await fetch(`${mailbox.url}api/email`)).json()) as MailDevEmail[];
        return inbox.find((m) => m.subject === subject && m.to[0]?.address === ADDRESS("holder"));
      },
      "the holder's change email in the local mailbox",
      90_000,
    );
    const file = mail.attachments?.find((a) => a.contentType.startsWith("text/calendar"));
    expect(file).toBeDefined();
    const ics = await (
      await fetch(`${mailbox.url}api/email/${mail.id}/attachment/${encodeURIComponent(file?.generatedFileName ?? "")}`)
    ).text();
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toString()).toBe("2099-05-20T09:30:00");
    expect(event.startDate.zone?.tzid).toBe("America/Santiago");
    // 09:30 in Santiago in May (UTC-4) is 13:30 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe("2099-05-20T13:30:00.000Z");
  }, 240_000);

  it("ends every registration when the cancellation is published, telling each person once", async () => {
    await step("Unpublish", "committee-cl");
    await step("SaveDraft", "committee-cl", {
      record: content({ status: "cancelled", start: "2099-05-20", end: "2099-05-21" }),
    });
    await step("Submit", "committee-cl");
    // A draft is one person's proposal: nobody's registration has ended.
    expect([await stateOf(HOLDER), await stateOf(WAITING)]).toEqual(["confirmed", "offered"]);
    await step("Publish", "committee-pe");

    const [held] = await queued(HOLDER, "registration.eventCancelled");
    const [offered] = await queued(WAITING, "registration.eventCancelled");
    expect(held?.calendar?.method).toBe("CANCEL");
    expect(offered?.calendar).toBeUndefined();
    for (const id of [HOLDER, WAITING])
      expect((await db.doc(`registrations/${id}`).get()).get("status")).toMatchObject({
        state: "cancelled",
        by: "eventCancelled",
      });
    // Each change told once: the draft writes before each publication told nobody.
    for (const [id, purpose] of [
      [HOLDER, "registration.eventChanged"],
      [WAITING, "registration.eventChangedWaiting"],
      [HOLDER, "registration.eventCancelled"],
      [WAITING, "registration.eventCancelled"],
    ] as const) {
      const all = await db
        .collection(OUTBOX_COLLECTION)
        .where("key.recipient", "==", `registration:${id}`)
        .where("key.purpose", "==", purpose)
        .get();
      expect(all.size, `${purpose} to ${id}`).toBe(1);
    }
  }, 240_000);
});
