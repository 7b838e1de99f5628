import type { Firestore } from "firebase-admin/firestore";
import { registrations } from "./store.js";

/**
 * A waitlisted person's position: one more than the people still waiting with a lower number.
 * Counted when asked (an aggregation, one read per 1,000 entries), so leaving the list or taking
 * an offer moves everyone behind up without rewriting their records.
 */
export async function waitlistPosition(db: Firestore, eventId: string, seq: number): Promise<number> {
  const ahead = await registrations(db)
    .where("eventId", "==", eventId)
    .where("status.state", "==", "waitlisted")
    .where("status.seq", "<", seq)
    .count()
    .get();
  return ahead.data().count + 1;
}
