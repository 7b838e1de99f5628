import type { Firestore } from "firebase-admin/firestore";
import {
  converterFor,
  type Event,
  type OutboxMessage,
  type Registration,
  type RegistrationSettings,
} from "../../functions/src/model/index.js";
import { openTokens } from "../../functions/src/notify/seal.js";
import type { DecisionDeps } from "../../functions/src/registration/allocator.js";
import { confirmRegistration, requestRegistration } from "../../functions/src/registration/requests.js";
import { registrationSettings } from "../../functions/src/registration/store.js";

// The one registration setup of the tests (allocation, emails, rooms, changes, jobs, delegations):
// an event open for registration, people who register and confirm, and the outbox's messages to
// one registration, opened as delivery would open them. Each file passes its own event ids.

export const KEY = "test-registration-key-0123456789abcdef-0123456789";
export const SEAL_KEY = "test-outbox-key-0123456789abcdef-0123456789abcdef";
export const ORIGIN = "https://www.compraspublicas.org";
export const SENDER = "Red Interamericana <no-reply@compraspublicas.org>";
export const HOUR = 3_600_000;

/** Two sessions of an event: an open forum, then a meeting of heads of agency (private where the settings say so). */
export const FORUM_AND_PRIVATE_MEETING = [
  { type: "forum" as const, title: { es: "Foro abierto" }, topics: [], topicIds: [] },
  { type: "workshop" as const, title: { es: "Reunión de jefes de agencia" }, topics: [], topicIds: [] },
];

/** What a deciding step needs, at the clock given. */
export const decider = (db: Firestore, clock: () => Date): DecisionDeps => ({
  db,
  clock,
  key: KEY,
  sealKey: SEAL_KEY,
  origin: ORIGIN,
  sender: SENDER,
});

/** A published conference in Santiago from 2 to 5 April 2027 (across Chile's clock change), open at `now`. */
export async function openEvent(
  db: Firestore,
  id: string,
  places: number,
  now: Date,
  fields: Partial<Event> = {},
  settings: Partial<RegistrationSettings> = {},
) {
  await db
    .collection("events")
    .withConverter(converterFor("events"))
    .doc(id)
    .set({
      id,
      kind: "conference",
      title: { es: `Conferencia ${id}`, en: `Conference ${id}`, fr: `Conférence ${id}`, pt: `Conferência ${id}` },
      status: "planned",
      start: "2027-04-02",
      end: "2027-04-05",
      timeZone: "America/Santiago",
      hostCountries: ["CL"],
      organizerIds: [],
      attendingCountries: [],
      sessions: [],
      source: "Written by test/support/registration-mail.ts",
      publication: "published",
      ...fields,
    });
  await registrationSettings(db)
    .doc(id)
    .set({
      eventId: id,
      opensAtMs: now.getTime() - 24 * HOUR,
      closesAtMs: now.getTime() + 24 * HOUR,
      places,
      sessionRooms: [],
      categories: ["delegate", "observer", "speaker", "press"],
      privateSessions: [],
      approvalCategories: [],
      offerWindowHours: 48,
      startTime: "09:00",
      endTime: "18:00",
      ...settings,
    });
}

/** Person `i` asks to register (then "pending"); returns the registration's id and confirmation token. */
export async function askToRegister(
  db: Firestore,
  clock: () => Date,
  eventId: string,
  i: string,
  fields: Record<string, unknown> = {},
) {
  const answer = await requestRegistration({ db, clock, key: KEY }, eventId, {
    name: `Persona ${i}`,
    address: `persona-${i}@example.org`,
    institution: "Dirección de Compras",
    country: "CL",
    category: "observer",
    lang: "es",
    ...fields,
  });
  if (answer.outcome !== "pending") throw new Error(`request refused: ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * The record of person `who` as a test writes it straight into Firestore, in `status`, for a
 * deployed trigger or job to find (a request through the code would need the emulated functions' key).
 */
export const registrationRecord = (
  eventId: string,
  who: string | number,
  address: string,
  status: unknown,
  fields: Record<string, unknown> = {},
) => ({
  eventId,
  name: `Persona ${who}`,
  address,
  institution: "Dirección de Compras",
  country: "CL",
  category: "observer",
  lang: "es",
  sessions: [],
  publicListConsent: false,
  requestedAtMs: Date.now(),
  status,
  ...fields,
});

/** Registers and confirms person `i` (then "confirming"), returning the registration's id. */
export async function confirmed(
  db: Firestore,
  clock: () => Date,
  eventId: string,
  i: string,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const asked = await askToRegister(db, clock, eventId, i, fields);
  const outcome = await confirmRegistration({ db, clock }, eventId, asked.id, asked.token);
  if (outcome.outcome !== "confirming") throw new Error(`confirmation refused: ${JSON.stringify(outcome)}`);
  return asked.id;
}

/**
 * The outbox's messages to registration `id` in the order they were queued (their commit times:
 * the tests' clocks stand still), with their sealed links opened.
 */
export async function mailsTo(db: Firestore, id: string): Promise<(OutboxMessage & { id: string })[]> {
  const snap = await db.collection("outbox").where("key.recipient", "==", `registration:${id}`).get();
  return [...snap.docs]
    .sort(
      (a, b) =>
        a.createTime.toMillis() - b.createTime.toMillis() || a.createTime.nanoseconds - b.createTime.nanoseconds,
    )
    .map((doc) => {
      const message = doc.data() as OutboxMessage;
      const texts = { subject: message.subject ?? "", text: message.text ?? "", html: message.html ?? "" };
      return { ...message, ...openTokens(SEAL_KEY, doc.id, texts, message.sealed ?? []), id: doc.id };
    });
}

export const purposesOf = (mails: { key: { purpose: string } }[]) => mails.map((m) => m.key.purpose);

/** Confirmation order as Firestore stamped it, ties broken by id: the order the allocator follows. */
export function byConfirmation(a: Registration & { id: string }, b: Registration & { id: string }): number {
  const stamp = (r: Registration) => {
    const t = r.confirmedAt as { seconds?: unknown; nanoseconds?: unknown } | undefined;
    if (typeof t?.seconds !== "number" || typeof t.nanoseconds !== "number")
      throw new Error("a decided registration has its confirmation stamp");
    return BigInt(t.seconds) * 1_000_000_000n + BigInt(t.nanoseconds);
  };
  const d = stamp(a) - stamp(b);
  return d !== 0n ? (d < 0n ? -1 : 1) : a.id < b.id ? -1 : 1;
}
