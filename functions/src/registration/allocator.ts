import type { Firestore, Transaction } from "firebase-admin/firestore";
import {
  type RegistrationCounter,
  RegistrationSchema,
  type RegistrationSettings,
  type RegistrationStatus,
} from "../model/index.js";
import { registrationCounters, registrationSettings, registrations } from "./store.js";

/**
 * Confirmations decided per transaction. Each writes one record per person plus the counter
 * once, well under Firestore's 500 writes per transaction, and small enough that a batch commits
 * in well under a second.
 */
export const ALLOCATION_BATCH = 200;

/** What the allocator decided for one person. */
export interface Decision {
  id: string;
  status: RegistrationStatus;
}

/** The counter of an event that has decided nothing yet. */
const emptyCounter = (eventId: string, nowMs: number): RegistrationCounter => ({
  eventId,
  placesHeld: 0,
  lastSeq: 0,
  decided: 0,
  updatedAtMs: nowMs,
});

/**
 * Decides the oldest confirmations of an event (up to `batchSize`) in ONE transaction over the
 * event's counter: while places remain (places held, offers included, below the settings'
 * places) each gets a place, in the order Firestore stamped their confirmations; the rest get the
 * next waiting-list numbers. The counter is written once per batch, so a rush of thousands costs
 * it a few writes, and the transaction makes any interleaving of allocators safe: two that read
 * the same counter cannot both commit, and a record already decided is no longer "confirming".
 *
 * Order holds across batches too: a confirmation the query does not see committed after the
 * query's read time, so its stamp is later than every stamp in the batch.
 */
export async function allocateBatch(
  db: Firestore,
  clock: () => Date,
  eventId: string,
  batchSize = ALLOCATION_BATCH,
): Promise<Decision[]> {
  const counterRef = registrationCounters(db).doc(eventId);
  const settingsRef = registrationSettings(db).doc(eventId);
  const waiting = registrations(db)
    .where("eventId", "==", eventId)
    .where("status.state", "==", "confirming")
    // Ties on the stamp follow the document id: Firestore orders by name after the last field.
    .orderBy("confirmedAt", "asc")
    .limit(batchSize);
  return db.runTransaction(
    async (tx) => {
      const batch = await tx.get(waiting);
      if (batch.empty) return [];
      const [counterSnap, settingsSnap] = await Promise.all([tx.get(counterRef), tx.get(settingsRef)]);
      const settings = settingsSnap.data();
      // Without settings nobody could have confirmed; an event whose registration was removed
      // meanwhile keeps its confirmations waiting rather than deciding them against nothing.
      if (settings === undefined) return [];
      const nowMs = clock().getTime();
      const counter = { ...(counterSnap.data() ?? emptyCounter(eventId, nowMs)) };
      const decisions = batch.docs.map((doc): Decision => {
        const status: RegistrationStatus =
          counter.placesHeld < settings.places
            ? { state: "confirmed", via: "confirmation", atMs: nowMs }
            : { state: "waitlisted", seq: counter.lastSeq + 1, atMs: nowMs };
        if (status.state === "confirmed") counter.placesHeld += 1;
        else counter.lastSeq += 1;
        counter.decided += 1;
        tx.update(doc.ref, { status, decidedAtMs: nowMs });
        return { id: doc.id, status };
      });
      tx.set(counterRef, { ...counter, updatedAtMs: nowMs });
      return decisions;
    },
    // A rush runs several allocators at once; a losing one retries and finds less to do.
    { maxAttempts: 30 },
  );
}

/** Decides every confirmation of the event that is waiting, batch after batch. */
export async function allocateConfirmations(
  db: Firestore,
  clock: () => Date,
  eventId: string,
  batchSize = ALLOCATION_BATCH,
): Promise<Decision[]> {
  const decided: Decision[] = [];
  for (;;) {
    const batch = await allocateBatch(db, clock, eventId, batchSize);
    decided.push(...batch);
    if (batch.length < batchSize) return decided;
  }
}

/**
 * The allocator trigger's handler: a registration written as "confirming" has its event's
 * waiting confirmations decided. Deployed one instance at a time (index.ts), so in a rush one run
 * decides hundreds per transaction and the runs queued behind it find nothing left: a query and
 * no write each. Any other write (a decision, a cancellation) is ignored.
 */
export async function onRegistrationWritten(db: Firestore, clock: () => Date, after: unknown): Promise<Decision[]> {
  const parsed = RegistrationSchema.safeParse(after);
  if (!parsed.success || parsed.data.status.state !== "confirming") return [];
  return allocateConfirmations(db, clock, parsed.data.eventId);
}

/**
 * Offers freed places to the first people on the waiting list, inside the caller's transaction
 * (after its reads are done: this reads, the caller writes after). Each offer holds the place
 * for `offerWindowHours`; taking it is claimOffer, letting it lapse passes it on (a job).
 * Returns the writes to make and the counter after them.
 */
export async function offerFreedPlaces(
  tx: Transaction,
  db: Firestore,
  eventId: string,
  settings: RegistrationSettings,
  counter: RegistrationCounter,
  nowMs: number,
): Promise<{ offers: Decision[]; counter: RegistrationCounter }> {
  const free = settings.places - counter.placesHeld;
  if (free <= 0) return { offers: [], counter };
  const first = await tx.get(
    registrations(db)
      .where("eventId", "==", eventId)
      .where("status.state", "==", "waitlisted")
      .orderBy("status.seq", "asc")
      .limit(free),
  );
  const offers = first.docs.flatMap((doc): Decision[] => {
    const current = doc.data().status;
    if (current.state !== "waitlisted") return [];
    const status: RegistrationStatus = {
      state: "offered",
      seq: current.seq,
      untilMs: nowMs + settings.offerWindowHours * 3_600_000,
      atMs: nowMs,
    };
    return [{ id: doc.id, status }];
  });
  return { offers, counter: { ...counter, placesHeld: counter.placesHeld + offers.length } };
}
