import type { Firestore } from "firebase-admin/firestore";
import {
  type AuditActor,
  COLLECTIONS,
  type CommitteeSeat,
  CommitteeSeatSchema,
  converterFor,
  type Event,
  EventSchema,
  SEAT_OVERRIDES_COLLECTION,
  type SeatOverride,
  SeatOverrideSchema,
  stripUndefined,
} from "../../model/index.js";
import { appendAudit } from "../audit/audit-log.js";
import { computeSeatChanges, type SeatChange } from "./santiago-rule.js";

/** Whether `countryId` holds an Executive Committee seat now (its seat record exists). */
export async function countryHoldsSeat(db: Firestore, countryId: string): Promise<boolean> {
  return (await db.collection(COLLECTIONS.committee.path).doc(countryId).get()).exists;
}

// One bad record must not freeze the committee: it is skipped here and reported by its own
// validation wherever it was written.
function parsedAll<T>(docs: { data(): unknown }[], schema: { safeParse(v: unknown): { success: boolean; data?: T } }) {
  return docs.flatMap((d) => {
    const result = schema.safeParse(d.data());
    return result.success ? [result.data as T] : [];
  });
}

/**
 * Applies the Santiago rule and the secretariat's overrides to the `committee` collection, in
 * one transaction with an audit entry per seat that changed. Returns the changes, so the caller
 * can bring the claims of those countries' representatives up to date.
 */
export async function recomputeSeats(
  db: Firestore,
  clock: () => Date,
  actor: AuditActor = { system: "santiago-rule" },
  reason?: string,
): Promise<SeatChange[]> {
  const seats = db.collection(COLLECTIONS.committee.path);
  return db.runTransaction(async (tx) => {
    const [events, overrides, current] = await Promise.all([
      tx.get(db.collection(COLLECTIONS.events.path)),
      tx.get(db.collection(SEAT_OVERRIDES_COLLECTION)),
      tx.get(seats),
    ]);
    const now = clock();
    const changes = computeSeatChanges({
      events: parsedAll<Event>(events.docs, EventSchema),
      overrides: parsedAll<SeatOverride>(overrides.docs, SeatOverrideSchema),
      current: parsedAll<CommitteeSeat>(current.docs, CommitteeSeatSchema),
      today: now.toISOString().slice(0, 10),
    });
    for (const change of changes) {
      const ref = seats.withConverter(converterFor("committee")).doc(change.countryId);
      if (change.after) tx.set(ref, change.after);
      else tx.delete(ref);
      appendAudit(db, tx, {
        at: now.toISOString(),
        actor,
        action: "system" in actor ? "seat.rule" : "seat.set",
        target: { collection: COLLECTIONS.committee.path, id: change.countryId },
        countryIds: [change.countryId],
        before: change.before ? stripUndefined(change.before) : null,
        after: change.after ? stripUndefined(change.after) : null,
        reason,
      });
    }
    return changes;
  });
}
