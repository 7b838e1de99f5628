import type { Firestore } from "firebase-admin/firestore";
import type { Registration, RegistrationStatus } from "../model/index.js";
import { type Decision, offerFreedPlaces } from "./allocator.js";
import { REGISTRATION_ID } from "./keys.js";
import { registrationCounters, registrationSettings, registrations } from "./store.js";

export type CancelOutcome = { outcome: "cancelled"; offers: Decision[] } | { outcome: "none" };

type Deps = { db: Firestore; clock: () => Date };

/**
 * Ends a registration if `applies` to it at `nowMs`, in one transaction with the event's counter:
 * a place (or an offer) it held goes at once to the first person on the waiting list, as an
 * offer, so nobody confirming later can take it first. Leaving the waiting list moves everyone
 * behind up without a write (a position is counted from the numbers still waiting).
 */
async function release(
  { db, clock }: Deps,
  eventId: string,
  id: string,
  by: "person" | "offerLapsed",
  applies: (current: Registration, nowMs: number) => boolean,
): Promise<CancelOutcome> {
  if (!REGISTRATION_ID.test(id)) return { outcome: "none" };
  const ref = registrations(db).doc(id);
  const counterRef = registrationCounters(db).doc(eventId);
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    const nowMs = clock().getTime();
    if (current === undefined || current.eventId !== eventId || current.status.state === "cancelled")
      return { outcome: "none" } as const;
    if (!applies(current, nowMs)) return { outcome: "none" } as const;
    const from = current.status.state;
    const status: RegistrationStatus = { state: "cancelled", from, by, atMs: nowMs };
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

/**
 * A person leaves: whatever they held is given up, and a freed place is offered to the first on
 * the waiting list. Whoever calls this has checked the cancellation link (keys.ts).
 */
export async function cancelRegistration(deps: Deps, eventId: string, id: string): Promise<CancelOutcome> {
  return release(deps, eventId, id, "person", () => true);
}

/**
 * An offer not taken within its window passes to the next person on the list. The person it
 * lapsed for leaves the list (they were told the window when it was offered); a claim made
 * meanwhile wins, since this acts only on an offer still open and over.
 */
export async function lapseOffer(deps: Deps, eventId: string, id: string): Promise<CancelOutcome> {
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
export async function lapseOffers(deps: Deps): Promise<Decision[]> {
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
 * even before the job passes it on.
 */
export async function claimOffer(deps: Deps, eventId: string, id: string): Promise<ClaimOutcome> {
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
