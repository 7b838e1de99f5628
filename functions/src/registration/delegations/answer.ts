import { FieldValue } from "firebase-admin/firestore";
import {
  converterFor,
  type Delegate,
  type Delegation,
  REGISTRATION_COLLECTIONS,
  type Registration,
  RegistrationSchema,
  stripUndefined,
} from "../../model/index.js";
import { eventRefusal } from "../eligibility.js";
import type { RegistrationDeps } from "../requests.js";
import { pendingRooms, takeSeats } from "../seats.js";
import { RUSH_RETRIES, registrationCounters, registrationSettings, registrations } from "../store.js";
import { ANSWER_TOKEN, DELEGATION_ID, isAnswerToken, PERSON_ID } from "./answer-links.js";
import { delegations } from "./store.js";

/** What the answer link names: a delegation, a person in it, and the link's token. */
export interface AnswerLink {
  d: string;
  p: string;
  t: string;
}

export type AnswerView =
  | { outcome: "invalid" }
  | { outcome: "open"; delegation: Delegation; person: Delegate }
  | { outcome: "answered"; delegation: Delegation; person: Delegate };

/**
 * The person and delegation a link names, if the link is theirs. A link for a person no longer
 * named, or named again since (a new invitation), or with another person's token, is invalid.
 */
export async function answerView(deps: Pick<RegistrationDeps, "db" | "key">, link: AnswerLink): Promise<AnswerView> {
  if (!DELEGATION_ID.test(link.d) || !PERSON_ID.test(link.p) || !ANSWER_TOKEN.test(link.t))
    return { outcome: "invalid" };
  const delegation = (await delegations(deps.db).doc(link.d).get()).data();
  const person = personOf(deps.key, delegation, link);
  if (!delegation || !person) return { outcome: "invalid" };
  return { outcome: person.state === "invited" ? "open" : "answered", delegation, person };
}

function personOf(key: string, delegation: Delegation | undefined, link: AnswerLink): Delegate | undefined {
  const person = delegation?.people.find((p) => p.id === link.p);
  if (!person || !isAnswerToken(key, link.d, person.id, person.invitedAtMs, link.t)) return undefined;
  return person;
}

export type AnswerOutcome =
  | { outcome: "invalid" }
  | { outcome: "closed"; delegation: Delegation }
  | { outcome: "already"; delegation: Delegation; person: Delegate }
  | { outcome: "accepted" | "declined"; delegation: Delegation; person: Delegate };

/**
 * The person's answer, once: an invitation already answered (either way) stays as answered.
 * Accepting makes them a delegate of the event in the same transaction: their registration
 * (keyed by their address like everyone's, so one they made on the form is reused) becomes
 * category delegate of their country, accredited if the delegation already is (and the secretariat
 * accredited them, for someone named after it); one that held
 * nothing becomes `confirming` with a server timestamp, so the allocator gives it a place (or a
 * waiting-list number) in the order of confirmation like anyone's, and places never oversell.
 */
export async function answerInvitation(
  deps: RegistrationDeps,
  link: AnswerLink,
  answer: "accept" | "decline",
): Promise<AnswerOutcome> {
  if (!DELEGATION_ID.test(link.d) || !PERSON_ID.test(link.p) || !ANSWER_TOKEN.test(link.t))
    return { outcome: "invalid" };
  const { db, clock, key } = deps;
  const now = clock();
  const ref = delegations(db).doc(link.d);
  const first = (await ref.get()).data();
  if (!first) return { outcome: "invalid" };
  const [event, settings] = await Promise.all([
    db.collection("events").withConverter(converterFor("events")).doc(first.eventId).get(),
    registrationSettings(db).doc(first.eventId).get(),
  ]);
  return db.runTransaction(async (tx): Promise<AnswerOutcome> => {
    const delegation = (await tx.get(ref)).data();
    const person = personOf(key, delegation, link);
    if (!delegation || !person) return { outcome: "invalid" };
    if (person.state !== "invited") return { outcome: "already", delegation, person };
    if (answer === "accept" && eventRefusal(event.data(), settings.data(), now))
      return { outcome: "closed", delegation };
    const registrationRef = registrations(db).doc(person.id);
    const registration = answer === "accept" ? (await tx.get(registrationRef)).data() : undefined;
    // Someone holding a place (or an offer) who now comes to every session takes the seats of the
    // rooms they had not asked for, on the counter, like anyone given a place.
    const holdsPlace = registration?.status.state === "confirmed" || registration?.status.state === "offered";
    const [counter, seatSettings] = holdsPlace
      ? await Promise.all([
          tx.get(registrationCounters(db).doc(first.eventId)).then((snap) => snap.data()),
          tx.get(registrationSettings(db).doc(first.eventId)).then((snap) => snap.data()),
        ])
      : [undefined, undefined];
    const answered: Delegate = {
      ...person,
      state: answer === "accept" ? "accepted" : "declined",
      answeredAtMs: now.getTime(),
    };
    const after: Delegation = {
      ...delegation,
      people: delegation.people.map((p) => (p.id === person.id ? answered : p)),
    };
    tx.set(ref, after);
    if (answer === "accept") {
      const sessions = (event.data()?.sessions ?? []).map((_, index) => index);
      const delegate = {
        category: "delegate" as const,
        delegationOf: delegation.country,
        ...(delegation.state === "accredited" && !person.awaitingAccreditation ? { accredited: true as const } : {}),
      };
      const holds =
        registration && registration.status.state !== "pending" && registration.status.state !== "cancelled";
      if (holds) {
        // Their place or number stays; they now come as their country's delegate, to every session.
        const union = [...new Set([...registration.sessions, ...sessions])].sort((a, b) => a - b);
        const seatsHeld = { ...counter?.seatsHeld };
        const seats =
          counter && seatSettings
            ? takeSeats(
                { ...registration, ...delegate, sessions: union },
                seatSettings,
                seatsHeld,
                pendingRooms(counter),
              )
            : undefined;
        tx.update(registrationRef, { ...delegate, sessions: union, ...seats });
        if (counter && seats) tx.set(registrationCounters(db).doc(first.eventId), { ...counter, seatsHeld });
      } else {
        const record: Registration = RegistrationSchema.parse({
          eventId: delegation.eventId,
          name: person.name,
          address: person.address,
          institution: person.institution,
          country: delegation.country,
          lang: person.lang,
          sessions,
          publicListConsent: registration?.publicListConsent ?? false,
          requestedAtMs: now.getTime(),
          status: { state: "confirming" },
          ...delegate,
        });
        // Written without the converter: the stamp is Firestore's own, at commit (see requests.ts).
        tx.set(db.collection(REGISTRATION_COLLECTIONS.registrations.path).doc(person.id), {
          ...stripUndefined(record),
          confirmedAt: FieldValue.serverTimestamp(),
        });
      }
    }
    return { outcome: answer === "accept" ? "accepted" : "declined", delegation: after, person: answered };
  }, RUSH_RETRIES);
}
