import type { Firestore, Transaction } from "firebase-admin/firestore";
import {
  type RegistrationCounter,
  RegistrationSchema,
  type RegistrationSettings,
  type RegistrationStatus,
  type RoomSeats,
} from "../model/index.js";
import { stageMessages } from "../notify/outbox.js";
import { cancelledForGood } from "./eligibility.js";
import { type RegistrationMailDeps, type RegistrationRecord, registrationMessage } from "./mail.js";
import { pendingRooms, takeSeats } from "./seats.js";
import { placesState, RUSH_RETRIES, registrationCounters, registrations } from "./store.js";

/**
 * Confirmations decided per transaction. Each writes one record and queues one email per
 * person, plus the counter once: 2 × 200 + 1 writes, under Firestore's 500 per transaction, and
 * small enough that a batch commits in well under a second.
 */
export const ALLOCATION_BATCH = 200;

/** What the allocator decided for one person. */
export interface Decision {
  id: string;
  status: RegistrationStatus;
  /** The room seats that came with a place (or an offer), for a person who asked for a room. */
  seats?: RoomSeats;
}

/** The fields a decision writes on the registration: its state, and its seats if it has any. */
export const decisionFields = (decision: Decision) => ({ status: decision.status, ...decision.seats });

/** What a step that decides needs: Firestore, the clock, and what its emails need (mail.ts). */
export type DecisionDeps = { db: Firestore; clock: () => Date } & RegistrationMailDeps;

/** The counter of an event that has decided nothing yet. */
const emptyCounter = (eventId: string, nowMs: number): RegistrationCounter => ({
  eventId,
  placesHeld: 0,
  lastSeq: 0,
  decided: 0,
  updatedAtMs: nowMs,
  seatsHeld: {},
});

/** The people still waiting on an event's list: a waiting-list position counts those ahead. */
const stillWaiting = (db: Firestore, eventId: string) =>
  registrations(db).where("eventId", "==", eventId).where("status.state", "==", "waitlisted");

/**
 * Decides the oldest confirmations of an event (up to `batchSize`) in ONE transaction over the
 * event's counter: while places remain (places held, offers included, below the settings'
 * places) each gets a place, in the order Firestore stamped their confirmations; the rest get the
 * next waiting-list numbers. The counter is written once per batch, so a rush of thousands costs
 * it a few writes, and the transaction makes any interleaving of allocators safe: two that read
 * the same counter cannot both commit, and a record already decided is no longer "confirming".
 * Each person's email (a place with its calendar file, or their position on the list) is queued
 * in the same transaction: it exists exactly when the decision does.
 *
 * Order holds across batches too: a confirmation the query does not see committed after the
 * query's read time, so its stamp is later than every stamp in the batch.
 */
export async function allocateBatch(
  deps: DecisionDeps,
  eventId: string,
  batchSize = ALLOCATION_BATCH,
): Promise<Decision[]> {
  const { db, clock } = deps;
  const counterRef = registrationCounters(db).doc(eventId);
  const waiting = registrations(db)
    .where("eventId", "==", eventId)
    .where("status.state", "==", "confirming")
    // Ties on the stamp follow the document id: Firestore orders by name after the last field.
    .orderBy("confirmedAt", "asc")
    .limit(Math.min(batchSize, ALLOCATION_BATCH));
  return db.runTransaction(
    async (tx) => {
      const batch = await tx.get(waiting);
      if (batch.empty) return [];
      const { counter: stored, settings, event } = await placesState(tx, db, eventId);
      // Without settings nobody could have confirmed; an event whose registration (or record)
      // was removed meanwhile keeps its confirmations waiting rather than deciding them against
      // nothing.
      if (settings === undefined || event === undefined) return [];
      const now = clock();
      const nowMs = now.getTime();
      const read = stored ?? emptyCounter(eventId, nowMs);
      const counter = { ...read, seatsHeld: { ...read.seatsHeld } };
      // Cancelled after these people confirmed: they hold nothing, and are told so (changes.ts
      // ended everyone registered when the event was cancelled; these confirmed in between).
      const cancelled = cancelledForGood(event);
      const decisions = batch.docs.map((doc) => {
        const status: RegistrationStatus = cancelled
          ? { state: "cancelled", from: "confirming", by: "eventCancelled", atMs: nowMs }
          : counter.placesHeld < settings.places
            ? { state: "confirmed", via: "confirmation", atMs: nowMs }
            : { state: "waitlisted", seq: counter.lastSeq + 1, atMs: nowMs };
        if (status.state === "confirmed") counter.placesHeld += 1;
        else if (status.state === "waitlisted") counter.lastSeq += 1;
        if (!cancelled) counter.decided += 1;
        // A place brings the seats of the rooms asked for, in the same order as the places.
        const seats =
          status.state === "confirmed"
            ? takeSeats(doc.data(), settings, counter.seatsHeld, pendingRooms(counter))
            : undefined;
        return { ref: doc.ref, record: { ...doc.data(), ...seats, id: doc.id }, status, seats };
      });
      // Everyone still waiting holds a lower number than this batch's, so a new number's position
      // is those waiting plus its rank among the new ones.
      const ahead = decisions.some((d) => d.status.state === "waitlisted")
        ? (await tx.get(stillWaiting(db, eventId).count())).data().count
        : 0;
      let rank = 0;
      const mails = decisions.map(({ record, status }) =>
        registrationMessage(
          deps,
          { event, settings, now, roomsPending: pendingRooms(counter) },
          record,
          status.state === "confirmed"
            ? { kind: "confirmed" }
            : status.state === "waitlisted"
              ? { kind: "waitlisted", position: ahead + ++rank }
              : { kind: "eventCancelled", held: false },
        ),
      );
      const staged = await stageMessages(
        tx,
        db,
        clock,
        mails.map((m) => m.message),
      );
      decisions.forEach(({ ref, status, seats }, i) => {
        const calendarSequence = mails[i]?.calendarSequence;
        tx.update(ref, {
          status,
          decidedAtMs: nowMs,
          ...seats,
          ...(calendarSequence !== undefined ? { calendarSequence } : {}),
        });
      });
      staged.write();
      tx.set(counterRef, { ...counter, updatedAtMs: nowMs });
      return decisions.map(({ record, status, seats }) => ({ id: record.id, status, ...(seats ? { seats } : {}) }));
    },
    // A rush runs several allocators at once; a losing one retries and finds less to do.
    RUSH_RETRIES,
  );
}

/** Decides every confirmation of the event that is waiting, batch after batch. */
export async function allocateConfirmations(
  deps: DecisionDeps,
  eventId: string,
  batchSize = ALLOCATION_BATCH,
): Promise<Decision[]> {
  const size = Math.min(batchSize, ALLOCATION_BATCH);
  const decided: Decision[] = [];
  for (;;) {
    const batch = await allocateBatch(deps, eventId, size);
    decided.push(...batch);
    if (batch.length < size) return decided;
  }
}

/**
 * The allocator trigger's handler: a registration written as "confirming" has its event's
 * waiting confirmations decided. Deployed one instance at a time (index.ts), so in a rush one run
 * decides hundreds per transaction and the runs queued behind it find nothing left: a query and
 * no write each. Any other write (a decision, a cancellation) is ignored.
 */
export async function onRegistrationWritten(deps: DecisionDeps, after: unknown): Promise<Decision[]> {
  const parsed = RegistrationSchema.safeParse(after);
  if (!parsed.success || parsed.data.status.state !== "confirming") return [];
  return allocateConfirmations(deps, parsed.data.eventId);
}

/**
 * Offers freed places to the first people on the waiting list, inside the caller's transaction
 * (after its reads are done: this reads, the caller writes after). Each offer holds the place
 * for `offerWindowHours`, and the seats of the rooms the person asked for that have one left
 * (an offer counts as a place held); taking it is claimOffer, letting it lapse passes it on (a
 * job). Returns the writes to make (`decisionFields`), the records they change (as read, with
 * their seats, for their emails) and the counter after them. At most `max` offers, so a caller's
 * transaction stays within its writes.
 */
export async function offerFreedPlaces(
  tx: Transaction,
  db: Firestore,
  eventId: string,
  settings: RegistrationSettings,
  counter: RegistrationCounter,
  nowMs: number,
  max = ALLOCATION_BATCH,
): Promise<{ offers: Decision[]; records: RegistrationRecord[]; counter: RegistrationCounter }> {
  const free = Math.min(settings.places - counter.placesHeld, max);
  if (free <= 0) return { offers: [], records: [], counter };
  const first = await tx.get(
    registrations(db)
      .where("eventId", "==", eventId)
      .where("status.state", "==", "waitlisted")
      .orderBy("status.seq", "asc")
      .limit(free),
  );
  const records: RegistrationRecord[] = [];
  const seatsHeld = { ...counter.seatsHeld };
  const offers = first.docs.flatMap((doc): Decision[] => {
    const current = doc.data().status;
    if (current.state !== "waitlisted") return [];
    const seats = takeSeats(doc.data(), settings, seatsHeld, pendingRooms(counter));
    records.push({ ...doc.data(), ...seats, id: doc.id });
    const status: RegistrationStatus = {
      state: "offered",
      seq: current.seq,
      untilMs: nowMs + settings.offerWindowHours * 3_600_000,
      atMs: nowMs,
    };
    return [{ id: doc.id, status, ...(seats ? { seats } : {}) }];
  });
  return { offers, records, counter: { ...counter, placesHeld: counter.placesHeld + offers.length, seatsHeld } };
}
