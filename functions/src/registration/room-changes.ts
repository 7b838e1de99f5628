import type { RegistrationSettings } from "../model/index.js";
import { stageMessages } from "../notify/outbox.js";
import type { DecisionDeps } from "./allocator.js";
import { registrationMessage } from "./mail.js";
import { giveFreedSeats, roomPlaces, SEAT_GRANTS } from "./seats.js";
import { eventRecords, registrationCounters, registrationSettings, registrations } from "./store.js";

/**
 * The committee gave a room more places: its new seats go to the people holding the event's
 * place who wait for that room, the earliest confirmation first, each told by email in the same
 * transaction, a batch at a time. Fewer places take nobody's seat: while a room holds more than it
 * now has, no freed seat is given (release counts against the new number), as for the event's
 * places. Returns how many people were given a seat.
 */
export async function giveSeatsOfRaisedRooms(
  deps: DecisionDeps,
  eventId: string,
  before: RegistrationSettings,
  after: RegistrationSettings,
): Promise<number> {
  const previous = roomPlaces(before);
  if (!after.sessionRooms.some((room) => room.places > (previous.get(room.session) ?? 0))) return 0;
  const { db, clock } = deps;
  const counterRef = registrationCounters(db).doc(eventId);
  let given = 0;
  for (;;) {
    const batch = await db.runTransaction(async (tx) => {
      const [counterSnap, settingsSnap, eventSnap] = await Promise.all([
        tx.get(counterRef),
        tx.get(registrationSettings(db).doc(eventId)),
        tx.get(eventRecords(db).doc(eventId)),
      ]);
      const counter = counterSnap.data();
      const settings = settingsSnap.data();
      const event = eventSnap.data();
      if (!counter || !settings || !event || event.status === "cancelled") return 0;
      const seatsHeld = { ...counter.seatsHeld };
      const grants = await giveFreedSeats(tx, db, eventId, settings, seatsHeld);
      if (grants.length === 0) return 0;
      const now = clock();
      const staged = await stageMessages(
        tx,
        db,
        clock,
        grants.map(
          (grant) =>
            registrationMessage(deps, { event, settings, now }, grant.record, {
              kind: "seatGiven",
              sessions: grant.given,
              atMs: now.getTime(),
            }).message,
        ),
      );
      for (const grant of grants) tx.update(registrations(db).doc(grant.record.id), grant.seats);
      tx.set(counterRef, { ...counter, seatsHeld, updatedAtMs: now.getTime() });
      staged.write();
      return grants.length;
    });
    given += batch;
    if (batch < SEAT_GRANTS) return given;
  }
}
