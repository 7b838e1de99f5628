import { FieldValue, type Transaction } from "firebase-admin/firestore";
import type { Log } from "../log.js";
import type { Event, RegistrationSettings } from "../model/index.js";
import { enqueueAll, stageMessages } from "../notify/outbox.js";
import type { DecisionDeps } from "./allocator.js";
import { cancelledForGood } from "./eligibility.js";
import { registrationMessage } from "./mail.js";
import {
  giveFreedSeats,
  pendingRooms,
  roomPlaces,
  roomSessionsOf,
  SEAT_GRANTS,
  type SeatGrant,
  type SeatsHeld,
  takeSeats,
  withPendingRooms,
} from "./seats.js";
import { eventRecords, placesState, RUSH_RETRIES, registrationCounters, registrations } from "./store.js";

/**
 * The seats given in a room change (`giveFreedSeats`), inside the caller's transaction: queues each
 * person's `seatGiven` email (reading the outbox first) and writes their seats. The caller writes
 * the counter, then the returned emails, and reads nothing more.
 */
async function stageSeatGrants(
  tx: Transaction,
  deps: DecisionDeps,
  context: { event: Event; settings: RegistrationSettings; now: Date },
  grants: readonly SeatGrant[],
) {
  const { db, clock } = deps;
  const atMs = context.now.getTime();
  const staged = await stageMessages(
    tx,
    db,
    clock,
    grants.map(
      (grant) =>
        registrationMessage(deps, context, grant.record, { kind: "seatGiven", sessions: grant.given, atMs }).message,
    ),
  );
  for (const grant of grants) tx.update(registrations(db).doc(grant.record.id), grant.seats);
  return staged;
}

/**
 * The committee changed the places of sessions' rooms (`change` names that change, the trigger's
 * event id). More places: the new seats go to the people waiting for the room (below). Fewer
 * places than the room's seats held: nobody loses a seat, and no freed seat is given while the
 * room holds more than it now has (release counts against the new number), as for the event's
 * places; the people holding its seats and those waiting for it are told so, once each. A room
 * given to a session that had none: those already holding a place who asked for it are seated
 * (below). A room taken away: its seats and waits are forgotten (below). Returns how many people
 * were told, seated or had a room's seat or wait forgotten.
 */
export async function onRoomsChanged(
  deps: DecisionDeps & { log: Log },
  eventId: string,
  change: string,
  before: RegistrationSettings,
  after: RegistrationSettings,
): Promise<number> {
  return (
    (await forgetRoomsRemoved(deps, eventId, change, before, after)) +
    (await seatRoomsAdded(deps, eventId, change, before, after)) +
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
      const { counter, settings, event } = await placesState(tx, db, eventId);
      if (!counter || !settings || !event || cancelledForGood(event)) return 0;
      const seatsHeld = { ...counter.seatsHeld };
      const grants = await giveFreedSeats(tx, db, eventId, settings, seatsHeld, pendingRooms(counter));
      if (grants.length === 0) return 0;
      const now = clock();
      const staged = await stageSeatGrants(tx, deps, { event, settings, now }, grants);
      tx.set(counterRef, { ...counter, seatsHeld, updatedAtMs: now.getTime() });
      staged.write();
      return grants.length;
    }, RUSH_RETRIES);
    given += batch;
    if (batch < SEAT_GRANTS) return given;
  }
}

/** At most this many people seated (or told to wait) per transaction: each is a record and maybe an email. */
const ROOM_ADDED_BATCH = 200;

/**
 * The committee took rooms away from sessions (the settings saved without them): each session is
 * now open to everyone holding the event's place, like a session that never had a room, so its
 * seats and the waits for them mean nothing. Those who held or waited for one of its seats have
 * that session taken off `seats` / `seatsWaiting` (both fields go when no room of theirs is left,
 * as for a person who asked for none); those who waited, holding a place or an offer, are told
 * once that the session comes with their place (`roomRemoved`, keyed by the change); the seated
 * are not, nothing changes for them. The last batch takes the rooms off the counter (`seatsHeld`,
 * `roomsPending`), so a room given again later counts only the seats taken then. Each batch, in
 * one transaction with the counter, re-reads its people and the settings: a trigger delivered
 * twice finds nothing left to change, and a room given back meanwhile is left as it stands (its
 * count can then only be above its holders, never below: nobody is overbooked). Returns how many
 * registrations changed.
 */
export async function forgetRoomsRemoved(
  deps: DecisionDeps,
  eventId: string,
  change: string,
  before: RegistrationSettings,
  after: RegistrationSettings,
): Promise<number> {
  const kept = roomPlaces(after);
  const removed = before.sessionRooms.map((room) => room.session).filter((session) => !kept.has(session));
  if (removed.length === 0) return 0;
  const { db, clock } = deps;
  // A committee's change, rare: the event's registrations are read once, whatever their number.
  const all = await registrations(db).where("eventId", "==", eventId).get();
  const concerned = all.docs
    .filter((doc) => {
      const record = doc.data();
      return removed.some((s) => record.seats?.includes(s) || record.seatsWaiting?.includes(s));
    })
    .map((doc) => doc.id);
  const counterRef = registrationCounters(db).doc(eventId);
  let done = 0;
  for (let start = 0; ; start += ROOM_ADDED_BATCH) {
    const ids = concerned.slice(start, start + ROOM_ADDED_BATCH);
    const last = start + ROOM_ADDED_BATCH >= concerned.length;
    // The counter is the one a rush's allocators write: this waits its turn as theirs do.
    done += await db.runTransaction(async (tx) => {
      const [{ counter, settings, event }, people] = await Promise.all([
        placesState(tx, db, eventId),
        Promise.all(ids.map((id) => tx.get(registrations(db).doc(id)))),
      ]);
      if (!counter || !settings || !event || cancelledForGood(event)) return 0;
      const rooms = roomPlaces(settings);
      const gone = removed.filter((session) => !rooms.has(session));
      if (gone.length === 0) return 0;
      const now = clock();
      const changed = people.flatMap((snap) => {
        const record = snap.data();
        if (!record) return [];
        const seats = (record.seats ?? []).filter((s) => !gone.includes(s));
        const seatsWaiting = (record.seatsWaiting ?? []).filter((s) => !gone.includes(s));
        const waited = (record.seatsWaiting ?? []).filter((s) => gone.includes(s));
        if (seats.length === (record.seats ?? []).length && waited.length === 0) return [];
        const noRoomLeft =
          seats.length === 0 && seatsWaiting.length === 0 && roomSessionsOf(record.sessions, settings).length === 0;
        const fields = noRoomLeft
          ? { seats: FieldValue.delete(), seatsWaiting: FieldValue.delete() }
          : { seats, seatsWaiting };
        const holds = record.status.state === "confirmed" || record.status.state === "offered";
        return [
          { ref: snap.ref, record: { ...record, seats, seatsWaiting, id: snap.id }, fields, told: holds ? waited : [] },
        ];
      });
      const staged = await stageMessages(
        tx,
        db,
        clock,
        changed.flatMap(({ record, told }) =>
          told.map(
            (session) =>
              registrationMessage(deps, { event, settings, now }, record, { kind: "roomRemoved", session, change })
                .message,
          ),
        ),
      );
      for (const { ref, fields } of changed) tx.update(ref, fields);
      const counted = gone.filter(
        (s) => counter.seatsHeld[String(s)] !== undefined || pendingRooms(counter).includes(s),
      );
      if (last && counted.length > 0) {
        const seatsHeld: SeatsHeld = Object.fromEntries(
          Object.entries(counter.seatsHeld).filter(([session]) => !gone.includes(Number(session))),
        );
        const pending = pendingRooms(counter).filter((s) => !gone.includes(s));
        tx.set(counterRef, withPendingRooms({ ...counter, seatsHeld, updatedAtMs: now.getTime() }, pending));
      }
      staged.write();
      return changed.length;
    }, RUSH_RETRIES);
    if (last) return done;
  }
}

const confirmedMs = (at: Date | { toMillis(): number } | undefined) =>
  at === undefined ? 0 : at instanceof Date ? at.getTime() : at.toMillis();

/**
 * The committee gave sessions rooms they did not have. Those already holding the event's place
 * (or an offer of it) who asked for such a session take its seats in the order of confirmation
 * (then id) up to its places; the rest wait for it, and only they are emailed (`roomAdded`): the
 * seated already had the session. Each batch, in one transaction with the counter, re-reads its
 * people and skips anyone already seated or waiting, so a trigger delivered twice changes
 * nothing. Until the room opens (`openRoomsAdded`), it is pending on the counter and those getting
 * a place meanwhile wait for it: they are seated last. Returns how many people were seated or
 * told to wait, or given a seat as the room opened.
 */
export async function seatRoomsAdded(
  deps: DecisionDeps,
  eventId: string,
  change: string,
  before: RegistrationSettings,
  after: RegistrationSettings,
): Promise<number> {
  const previous = roomPlaces(before);
  const added = after.sessionRooms.filter((room) => !previous.has(room.session)).map((room) => room.session);
  if (added.length === 0) return 0;
  const { db, clock } = deps;
  // A committee's change, rare: the event's registrations are read once, whatever their number.
  const all = await registrations(db).where("eventId", "==", eventId).get();
  const concerned = all.docs
    .filter((doc) => {
      const record = doc.data();
      const state = record.status.state;
      return (
        (state === "confirmed" || state === "offered") &&
        added.some(
          (s) => record.sessions.includes(s) && !record.seats?.includes(s) && !record.seatsWaiting?.includes(s),
        )
      );
    })
    .sort((a, b) => confirmedMs(a.data().confirmedAt) - confirmedMs(b.data().confirmedAt) || a.id.localeCompare(b.id))
    .map((doc) => doc.id);
  const counterRef = registrationCounters(db).doc(eventId);
  let done = 0;
  for (let start = 0; start < concerned.length; start += ROOM_ADDED_BATCH) {
    const ids = concerned.slice(start, start + ROOM_ADDED_BATCH);
    // The counter is the one a rush's allocators write: this waits its turn as theirs do.
    done += await db.runTransaction(async (tx) => {
      const [{ counter, settings, event }, people] = await Promise.all([
        placesState(tx, db, eventId),
        Promise.all(ids.map((id) => tx.get(registrations(db).doc(id)))),
      ]);
      if (!counter || !settings || !event || cancelledForGood(event)) return 0;
      const seatsHeld = { ...counter.seatsHeld };
      const now = clock();
      // The rooms this change added are seated here; any other room still pending stays so.
      const otherPending = pendingRooms(counter).filter((session) => !added.includes(session));
      const decided = people.flatMap((snap) => {
        const record = snap.data();
        if (!record || (record.status.state !== "confirmed" && record.status.state !== "offered")) return [];
        const seats = takeSeats(record, settings, seatsHeld, otherPending);
        if (!seats) return [];
        const waitsNow = (seats.seatsWaiting ?? []).filter((s) => !record.seatsWaiting?.includes(s));
        const seatedNow = (seats.seats ?? []).filter((s) => !record.seats?.includes(s));
        if (waitsNow.length === 0 && seatedNow.length === 0) return [];
        return [{ ref: snap.ref, record: { ...record, ...seats, id: snap.id }, seats, waitsNow }];
      });
      const staged = await stageMessages(
        tx,
        db,
        clock,
        decided.flatMap(({ record, waitsNow }) =>
          waitsNow
            .filter((session) => added.includes(session))
            .map(
              (session) =>
                registrationMessage(deps, { event, settings, now }, record, { kind: "roomAdded", session, change })
                  .message,
            ),
        ),
      );
      for (const { ref, seats } of decided) tx.update(ref, seats);
      if (decided.length > 0) tx.set(counterRef, { ...counter, seatsHeld, updatedAtMs: now.getTime() });
      staged.write();
      return decided.length;
    }, RUSH_RETRIES);
  }
  return done + (await openRoomsAdded(deps, eventId, added));
}

/**
 * The rooms added, their earlier holders seated, open to everyone: the people who got a place
 * while they were pending wait for them, and the seats still free go to them, the earliest
 * confirmation first (`giveFreedSeats`, each told `seatGiven`, as for any freed seat); the
 * transaction that gives the last of them takes the rooms off the counter's pending ones. The
 * allocator, offers and cancellations write that counter too, so Firestore serialises each of
 * them wholly before or after this: before, their people are among those waiting here; after,
 * they take what seats are left, behind everyone seated here. Returns how many were given a seat.
 */
async function openRoomsAdded(deps: DecisionDeps, eventId: string, added: readonly number[]): Promise<number> {
  const { db, clock } = deps;
  const counterRef = registrationCounters(db).doc(eventId);
  let given = 0;
  for (;;) {
    const step = await db.runTransaction(async (tx) => {
      const { counter, settings, event } = await placesState(tx, db, eventId);
      if (!counter || !settings || !event || cancelledForGood(event)) return { given: 0, open: true };
      const opening = pendingRooms(counter).filter((session) => added.includes(session));
      if (opening.length === 0) return { given: 0, open: true };
      const seatsHeld = { ...counter.seatsHeld };
      const others = settings.sessionRooms.map((room) => room.session).filter((s) => !opening.includes(s));
      const grants = await giveFreedSeats(tx, db, eventId, settings, seatsHeld, others);
      const open = grants.length < SEAT_GRANTS;
      const now = clock();
      const staged = await stageSeatGrants(tx, deps, { event, settings, now }, grants);
      const pending = open ? pendingRooms(counter).filter((s) => !opening.includes(s)) : pendingRooms(counter);
      tx.set(counterRef, withPendingRooms({ ...counter, seatsHeld, updatedAtMs: now.getTime() }, pending));
      staged.write();
      return { given: grants.length, open };
    }, RUSH_RETRIES);
    given += step.given;
    if (step.open) return given;
  }
}
