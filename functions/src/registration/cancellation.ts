import type { Transaction } from "firebase-admin/firestore";
import type { Lang, Registration, RegistrationStatus } from "../model/index.js";
import { stageMessages } from "../notify/outbox.js";
import { type Decision, type DecisionDeps, decisionFields, offerFreedPlaces } from "./allocator.js";
import { REGISTRATION_ID } from "./keys.js";
import { type RegistrationMessage, type RegistrationRecord, registrationMessage } from "./mail.js";
import { giveFreedSeats, pendingRooms, releaseSeats } from "./seats.js";
import {
  eventRecords,
  placesState,
  RUSH_RETRIES,
  registrationCounters,
  registrationSettings,
  registrations,
} from "./store.js";

export type CancelOutcome = { outcome: "cancelled"; offers: Decision[] } | { outcome: "none" };

/**
 * Why a registration ends, and so what its owner is told: they cancelled, the offer made to them
 * lapsed, or their country withdrew them from its delegation (`country`: its name in a language).
 */
export type Ending = { by: "person" | "offerLapsed" } | { by: "country"; country: (lang: Lang) => string };

/**
 * Ends a registration if `applies` to it at `nowMs`, in one transaction with the event's counter:
 * a place (or an offer) it held goes at once to the first person on the waiting list, as an
 * offer, so nobody confirming later can take it first. Leaving the waiting list moves everyone
 * behind up without a write (a position is counted from the numbers still waiting). The person
 * who left is told (a cancellation, an offer that lapsed, or their country's withdrawal:
 * releaseIn), and so is the one offered the place, in the same transaction. The room seats it
 * held go first to the people holding a place who wait for those rooms (each told their seat),
 * then with the place to the person offered it.
 */
async function release(
  deps: DecisionDeps,
  eventId: string,
  id: string,
  by: "person" | "offerLapsed",
  applies: (current: Registration, nowMs: number) => boolean,
): Promise<CancelOutcome> {
  if (!REGISTRATION_ID.test(id)) return { outcome: "none" };
  const { db, clock } = deps;
  const ref = registrations(db).doc(id);
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (current === undefined || current.eventId !== eventId) return { outcome: "none" } as const;
    if (!applies(current, clock().getTime())) return { outcome: "none" } as const;
    return releaseIn(tx, deps, { ...current, id }, { by });
  }, RUSH_RETRIES);
}

/**
 * The release itself, inside a transaction that has read `current` and written nothing yet (the
 * country's withdrawal runs it in its own, next to the delegation's change). It reads, then writes;
 * the caller may write after it, never read.
 */
export async function releaseIn(
  tx: Transaction,
  deps: DecisionDeps,
  current: RegistrationRecord,
  ending: Ending,
): Promise<CancelOutcome> {
  const { db, clock } = deps;
  const { id, eventId } = current;
  const ref = registrations(db).doc(id);
  const counterRef = registrationCounters(db).doc(eventId);
  const now = clock();
  const nowMs = now.getTime();
  if (current.status.state === "cancelled") return { outcome: "none" } as const;
  const previous = current.status;
  const from = previous.state;
  const status: RegistrationStatus = { state: "cancelled", from, by: ending.by, atMs: nowMs };
  const { counter, settings, event } = await placesState(tx, db, eventId);
  const holds = from === "confirmed" || from === "offered";
  const seatsHeld = { ...counter?.seatsHeld };
  const released = releaseSeats(current, seatsHeld);
  const grants =
    holds && counter !== undefined && settings !== undefined && released.freed.length > 0
      ? await giveFreedSeats(tx, db, eventId, settings, seatsHeld, pendingRooms(counter), id)
      : [];
  const freed =
    holds && counter !== undefined && settings !== undefined
      ? await offerFreedPlaces(
          tx,
          db,
          eventId,
          settings,
          { ...counter, placesHeld: counter.placesHeld - 1, seatsHeld, updatedAtMs: nowMs },
          nowMs,
        )
      : undefined;
  // Without the event or its settings there is nothing to say the time of; the registration
  // still ends.
  const context = event && settings ? { event, settings, now, roomsPending: pendingRooms(counter) } : undefined;
  const self = context
    ? registrationMessage(
        deps,
        context,
        current,
        ending.by === "country"
          ? { kind: "withdrawn", country: ending.country(current.lang), from }
          : ending.by === "offerLapsed" && previous.state === "offered"
            ? { kind: "lapsed", untilMs: previous.untilMs }
            : { kind: "cancelled", from },
      )
    : undefined;
  const offers = freed?.offers ?? [];
  const offerMails = context
    ? offers.map((offer, i) => {
        const record = freed?.records[i];
        if (!record || offer.status.state !== "offered") throw new Error("an offer without its record");
        return registrationMessage(deps, context, record, {
          kind: "offered",
          untilMs: offer.status.untilMs,
          atMs: offer.status.atMs,
        });
      })
    : [];
  const seatMails = context
    ? grants.map(
        (grant) =>
          registrationMessage(deps, context, grant.record, { kind: "seatGiven", sessions: grant.given, atMs: nowMs })
            .message,
      )
    : [];
  const staged = await stageMessages(tx, db, clock, [
    ...(self ? [self.message] : []),
    ...offerMails.map((m) => m.message),
    ...seatMails,
  ]);
  tx.update(ref, { status, ...sequenceOf(self), ...released.fields });
  for (const offer of offers) tx.update(registrations(db).doc(offer.id), decisionFields(offer));
  for (const grant of grants) tx.update(registrations(db).doc(grant.record.id), grant.seats);
  if (freed) tx.set(counterRef, freed.counter);
  staged.write();
  return { outcome: "cancelled", offers } as const;
}

/** The calendar SEQUENCE a message sent, as the registration's field to write (none if it sent no new one). */
const sequenceOf = (mail: RegistrationMessage | undefined) =>
  mail?.calendarSequence !== undefined ? { calendarSequence: mail.calendarSequence } : {};

/**
 * A person leaves: whatever they held is given up, and a freed place is offered to the first on
 * the waiting list. Whoever calls this has checked the cancellation link (keys.ts).
 */
export async function cancelRegistration(deps: DecisionDeps, eventId: string, id: string): Promise<CancelOutcome> {
  return release(deps, eventId, id, "person", () => true);
}

/**
 * An offer not taken within its window passes to the next person on the list. The person it
 * lapsed for leaves the list (they were told the window when it was offered); a claim made
 * meanwhile wins, since this acts only on an offer still open and over.
 */
export async function lapseOffer(deps: DecisionDeps, eventId: string, id: string): Promise<CancelOutcome> {
  return release(
    deps,
    eventId,
    id,
    "offerLapsed",
    (current, nowMs) => current.status.state === "offered" && nowMs >= current.status.untilMs,
  );
}

/** Offers lapsed per run of the job: each is a transaction of its own. */
const LAPSE_BATCH = 100;

/** The job: every offer whose window is over, in every event, passes to the next person. */
export async function lapseOffers(deps: DecisionDeps): Promise<Decision[]> {
  const nowMs = deps.clock().getTime();
  const due = await registrations(deps.db)
    .where("status.state", "==", "offered")
    .where("status.untilMs", "<=", nowMs)
    .limit(LAPSE_BATCH)
    .get();
  const passed: Decision[] = [];
  for (const doc of due.docs) {
    const outcome = await lapseOffer(deps, doc.data().eventId, doc.id);
    if (outcome.outcome === "cancelled") passed.push(...outcome.offers);
  }
  return passed;
}

export type ClaimOutcome = { outcome: "confirmed" } | { outcome: "expired" } | { outcome: "none" };

/**
 * The person offered a freed place takes it within the window. The place is already counted as
 * held since the offer, so the counter does not change; after the window the offer is void here
 * even before the job passes it on. The "place confirmed" email, with its calendar file, is
 * queued in the same transaction.
 */
export async function claimOffer(deps: DecisionDeps, eventId: string, id: string): Promise<ClaimOutcome> {
  if (!REGISTRATION_ID.test(id)) return { outcome: "none" };
  const { db, clock } = deps;
  const ref = registrations(db).doc(id);
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (current === undefined || current.eventId !== eventId || current.status.state !== "offered")
      return { outcome: "none" } as const;
    const now = clock();
    const nowMs = now.getTime();
    if (nowMs >= current.status.untilMs) return { outcome: "expired" } as const;
    const [settingsSnap, eventSnap] = await Promise.all([
      tx.get(registrationSettings(db).doc(eventId)),
      tx.get(eventRecords(db).doc(eventId)),
    ]);
    const settings = settingsSnap.data();
    const event = eventSnap.data();
    const mail =
      settings && event
        ? registrationMessage(deps, { event, settings, now }, { ...current, id }, { kind: "claimed" })
        : undefined;
    const staged = await stageMessages(tx, db, clock, mail ? [mail.message] : []);
    const status: RegistrationStatus = { state: "confirmed", via: "offer", atMs: nowMs };
    tx.update(ref, { status, ...sequenceOf(mail) });
    staged.write();
    return { outcome: "confirmed" } as const;
  });
}
