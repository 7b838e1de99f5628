import type { Firestore } from "firebase-admin/firestore";
import type { RegistrationStatus } from "../model/index.js";
import { type Decision, offerFreedPlaces } from "./allocator.js";
import { REGISTRATION_ID } from "./keys.js";
import { registrationCounters, registrationSettings, registrations } from "./store.js";

export type CancelOutcome = { outcome: "cancelled"; offers: Decision[] } | { outcome: "none" };

/**
 * A person leaves: whatever they held is given up, in one transaction with the event's counter.
 * A place (or an offer) they held goes at once to the first person on the waiting list, as an
 * offer; nobody confirming later can take it first. Leaving the waiting list moves everyone
 * behind up without a write (a position is counted from the numbers still waiting). Whoever
 * calls this has checked the cancellation link (keys.ts).
 */
export async function cancelRegistration(
  deps: { db: Firestore; clock: () => Date },
  eventId: string,
  id: string,
): Promise<CancelOutcome> {
  if (!REGISTRATION_ID.test(id)) return { outcome: "none" };
  const { db, clock } = deps;
  const ref = registrations(db).doc(id);
  const counterRef = registrationCounters(db).doc(eventId);
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (current === undefined || current.eventId !== eventId || current.status.state === "cancelled")
      return { outcome: "none" } as const;
    const nowMs = clock().getTime();
    const from = current.status.state;
    const status: RegistrationStatus = { state: "cancelled", from, atMs: nowMs };
    if (from !== "confirmed" && from !== "offered") {
      tx.update(ref, { status });
      return { outcome: "cancelled", offers: [] } as const;
    }
    const [counterSnap, settingsSnap] = await Promise.all([
      tx.get(counterRef),
      tx.get(registrationSettings(db).doc(eventId)),
    ]);
    const counter = counterSnap.data();
    const settings = settingsSnap.data();
    if (counter === undefined || settings === undefined) {
      tx.update(ref, { status });
      return { outcome: "cancelled", offers: [] } as const;
    }
    const freed = { ...counter, placesHeld: counter.placesHeld - 1, updatedAtMs: nowMs };
    const { offers, counter: after } = await offerFreedPlaces(tx, db, eventId, settings, freed, nowMs);
    tx.update(ref, { status });
    for (const offer of offers) tx.update(registrations(db).doc(offer.id), { status: offer.status });
    tx.set(counterRef, after);
    return { outcome: "cancelled", offers } as const;
  });
}

export type ClaimOutcome = { outcome: "confirmed" } | { outcome: "expired" } | { outcome: "none" };

/**
 * The person offered a freed place takes it within the window. The place is already counted as
 * held since the offer, so the counter does not change; after the window the offer is void here
 * even before the job passes it on.
 */
export async function claimOffer(
  deps: { db: Firestore; clock: () => Date },
  eventId: string,
  id: string,
): Promise<ClaimOutcome> {
  if (!REGISTRATION_ID.test(id)) return { outcome: "none" };
  const { db, clock } = deps;
  const ref = registrations(db).doc(id);
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (current === undefined || current.eventId !== eventId || current.status.state !== "offered")
      return { outcome: "none" } as const;
    const nowMs = clock().getTime();
    if (nowMs >= current.status.untilMs) return { outcome: "expired" } as const;
    const status: RegistrationStatus = { state: "confirmed", via: "offer", atMs: nowMs };
    tx.update(ref, { status });
    return { outcome: "confirmed" } as const;
  });
}
