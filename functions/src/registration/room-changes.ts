import type { Log } from "../log.js";
import type { RegistrationSettings } from "../model/index.js";
import { enqueueAll, stageMessages } from "../notify/outbox.js";
import type { DecisionDeps } from "./allocator.js";
import { cancelledForGood } from "./eligibility.js";
import { registrationMessage } from "./mail.js";
import { giveFreedSeats, roomPlaces, SEAT_GRANTS } from "./seats.js";
import { eventRecords, registrationCounters, registrationSettings, registrations } from "./store.js";

/**
 * The committee changed the places of sessions' rooms (`change` names that change, the trigger's
 * event id). More places: the new seats go to the people waiting for the room (below). Fewer
 * places than the room's seats held: nobody loses a seat, and no freed seat is given while the
 * room holds more than it now has (release counts against the new number), as for the event's
 * places; the people holding its seats and those waiting for it are told so, once each. Returns
 * how many people were told.
 */
export async function onRoomsChanged(
  deps: DecisionDeps & { log: Log },
  eventId: string,
  change: string,
  before: RegistrationSettings,
  after: RegistrationSettings,
): Promise<number> {
  return (
    (await giveSeatsOfRaisedRooms(deps, eventId, before, after)) +
    (await tellRoomsLowered(deps, eventId, change, before, after))
  );
}

async function tellRoomsLowered(
  deps: DecisionDeps & { log: Log },
  eventId: string,
  change: string,
  before: RegistrationSettings,
  after: RegistrationSettings,
): Promise<number> {
  const previous = roomPlaces(before);
  const lowered = after.sessionRooms.filter((room) => room.places < (previous.get(room.session) ?? 0));
  if (lowered.length === 0) return 0;
  const { db, clock } = deps;
  const [counter, event] = await Promise.all([
    registrationCounters(db).doc(eventId).get(),
    eventRecords(db).doc(eventId).get(),
  ]);
  const seatsHeld = counter.data()?.seatsHeld ?? {};
  const concerned = lowered.filter((room) => (seatsHeld[String(room.session)] ?? 0) > room.places);
  const found = event.data();
  if (concerned.length === 0 || !found) return 0;
  // A committee's change, rare: the event's registrations are read once, whatever their number.
  const all = await registrations(db).where("eventId", "==", eventId).get();
  const now = clock();
  const messages = concerned.flatMap((room) =>
    all.docs.flatMap((doc) => {
      const record = { ...doc.data(), id: doc.id };
      const state = record.status.state;
      if (state !== "confirmed" && state !== "offered") return [];
      const held = record.seats?.includes(room.session) ?? false;
      const waiting = record.seatsWaiting?.includes(room.session) ?? false;
      if (!held && !waiting) return [];
      return [
        registrationMessage(deps, { event: found, settings: after, now }, record, {
          kind: "roomLowered",
          session: room.session,
          waiting,
          change,
        }).message,
      ];
    }),
  );
  return enqueueAll(db, clock, deps.log, messages);
}

/**
 * The committee gave a room more places: its new seats go to the people holding the event's
 * place who wait for that room, the earliest confirmation first, each told by email in the same
 * transaction, a batch at a time. Returns how many people were given a seat.
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
      if (!counter || !settings || !event || cancelledForGood(event)) return 0;
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
