import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import type { Registration, RegistrationCounter, RegistrationSettings, RoomSeats } from "../model/index.js";
import { privateSessionsOf } from "./eligibility.js";
import { registrations } from "./store.js";

// Rooms: a session with a room of its own (`sessionRooms`) has places of its own, called seats
// here so they are never mistaken for the event's places. A person holding the event's place (or
// an offer of it) holds a seat of each room they asked for while the room has one; the counter's
// `seatsHeld` counts them per room, in the same transactions as `placesHeld`.
//
// A room given to a session after registration opened is pending (the counter's `roomsPending`,
// set in the settings' own transaction) until the room-added seating has seated, in the order of
// confirmation, the people who held a place before it existed: meanwhile nobody takes one of its
// seats, and whoever gets a place waits for it like anyone finding a room full.

/** Seats held per room, keyed by the session's index, as the counter keeps them. */
export type SeatsHeld = Record<string, number>;

type Rooms = Pick<RegistrationSettings, "sessionRooms">;
type RoomsAndPrivacy = Pick<RegistrationSettings, "sessionRooms" | "privateSessions">;

/** The places of each session's own room, by session index. */
export const roomPlaces = (settings: Rooms) =>
  new Map(settings.sessionRooms.map((room) => [room.session, room.places]));

/** The sessions of `sessions` that have a room of their own, in the event's order. */
export const roomSessionsOf = (sessions: readonly number[], settings: Rooms) => {
  const rooms = roomPlaces(settings);
  return sessions.filter((session) => rooms.has(session)).sort((a, b) => a - b);
};

/** The rooms of a counter whose seats are not given yet (none on a counter never written). */
export const pendingRooms = (counter: Pick<RegistrationCounter, "roomsPending"> | undefined): readonly number[] =>
  counter?.roomsPending ?? [];

/** The counter with these rooms pending: the field is left out when none is, as counters were. */
export function withPendingRooms(counter: RegistrationCounter, pending: readonly number[]): RegistrationCounter {
  const { roomsPending: _, ...rest } = counter;
  return pending.length > 0 ? { ...rest, roomsPending: [...pending].sort((a, b) => a - b) } : rest;
}

/**
 * The rooms pending once the settings change from `before` to `after`: those still pending that
 * the settings keep, and each room given to a session that had none. Registration opening for the
 * first time has nobody holding a place, so its rooms are never pending.
 */
export function roomsPendingAfter(before: Rooms, after: Rooms, pending: readonly number[]): number[] {
  const previous = roomPlaces(before);
  const rooms = after.sessionRooms.map((room) => room.session);
  const added = rooms.filter((session) => !previous.has(session));
  return rooms.filter((session) => pending.includes(session) || added.includes(session)).sort((a, b) => a - b);
}

/** Seats left in each room, given those held. */
export function seatsLeft(settings: Rooms, held: SeatsHeld): Map<number, number> {
  return new Map(
    settings.sessionRooms.map((room) => [room.session, Math.max(0, room.places - (held[String(room.session)] ?? 0))]),
  );
}

/**
 * A person getting a place (or an offer of one) takes a seat of each room they asked for that
 * has one left; a full room is recorded as waited for. `held` is the counter's copy, changed as
 * seats are taken, so the people of one batch take them in the batch's order. Seats or waits
 * already recorded stay as they are (a delegate given more sessions keeps what they had).
 * A private session's room is taken (or waited for) only by those `privateSessionsOf` says hold
 * it, accredited delegates: a delegation may never be accredited, and a seat taken before would
 * keep someone else out. Accreditation takes them later (`decideDelegation`).
 * A `pending` room (see above) is waited for, never taken: its seats go first to those who held a
 * place before it existed.
 * Undefined for a person who asked for no room: their record gets no seat fields at all.
 */
export function takeSeats(
  registration: Pick<Registration, "sessions" | "category" | "accredited"> & RoomSeats,
  settings: RoomsAndPrivacy,
  held: SeatsHeld,
  pending: readonly number[] = [],
): RoomSeats | undefined {
  const privateHeld = privateSessionsOf(registration, settings);
  const asked = roomSessionsOf(registration.sessions, settings).filter(
    (session) => !settings.privateSessions.includes(session) || privateHeld.includes(session),
  );
  if (asked.length === 0 && registration.seats === undefined) return undefined;
  const places = roomPlaces(settings);
  const seats = [...(registration.seats ?? [])];
  const waiting = [...(registration.seatsWaiting ?? [])];
  for (const session of asked) {
    if (seats.includes(session) || waiting.includes(session)) continue;
    const key = String(session);
    const taken = held[key] ?? 0;
    if (!pending.includes(session) && taken < (places.get(session) ?? 0)) {
      held[key] = taken + 1;
      seats.push(session);
    } else waiting.push(session);
  }
  return { seats: seats.sort((a, b) => a - b), seatsWaiting: waiting.sort((a, b) => a - b) };
}

/**
 * The seats a registration gives back when it stops holding a place, taken off `held`; and the
 * fields to write on it (none for a person who never asked for a room).
 */
export function releaseSeats(registration: RoomSeats, held: SeatsHeld) {
  const freed = registration.seats ?? [];
  for (const session of freed) {
    const key = String(session);
    held[key] = Math.max(0, (held[key] ?? 0) - 1);
  }
  const fields =
    registration.seats !== undefined || registration.seatsWaiting !== undefined
      ? { seats: FieldValue.delete(), seatsWaiting: FieldValue.delete() }
      : {};
  return { freed, fields };
}

/** A seat freed in a room, given to a person holding a place who waited for it. */
export interface SeatGrant {
  /** The registration as the transaction read it, with its seats after the grant. */
  record: Registration & { id: string };
  seats: RoomSeats;
  /** The sessions whose seat they were just given. */
  given: number[];
}

/** At most this many seats given per transaction: each is a record and an email. */
export const SEAT_GRANTS = 100;

/**
 * Seats free in rooms (held below places) go to the people who hold the event's place (or an
 * offer of it) and wait for that room, the earliest confirmation first, inside the caller's
 * transaction: this only reads, the caller writes each grant's `seats`, its email and `held`.
 * The people waiting were all given their place before anyone confirming now, so the order of
 * confirmation holds for seats as it does for places. The `pending` rooms' seats are not given:
 * the room-added seating gives them, in order.
 */
export async function giveFreedSeats(
  tx: Transaction,
  db: Firestore,
  eventId: string,
  settings: Rooms,
  held: SeatsHeld,
  pending: readonly number[],
  /** A registration ending in the caller's transaction: it is given nothing. */
  ending?: string,
  max = SEAT_GRANTS,
): Promise<SeatGrant[]> {
  const grants = new Map<string, SeatGrant>();
  let left = max;
  for (const [session, free] of seatsLeft(settings, held)) {
    if (free <= 0 || left <= 0 || pending.includes(session)) continue;
    const first = await tx.get(
      registrations(db)
        .where("eventId", "==", eventId)
        .where("seatsWaiting", "array-contains", session)
        .orderBy("confirmedAt", "asc")
        .limit(Math.min(free, left)),
    );
    for (const doc of first.docs) {
      const state = doc.data().status.state;
      // An event cancelled ends registrations without touching their seats; they hold nothing.
      if ((state !== "confirmed" && state !== "offered") || doc.id === ending) continue;
      const before = grants.get(doc.id) ?? {
        record: { ...doc.data(), id: doc.id },
        seats: { seats: doc.data().seats ?? [], seatsWaiting: doc.data().seatsWaiting ?? [] },
        given: [],
      };
      const seats: RoomSeats = {
        seats: [...(before.seats.seats ?? []), session].sort((a, b) => a - b),
        seatsWaiting: (before.seats.seatsWaiting ?? []).filter((s) => s !== session),
      };
      grants.set(doc.id, { record: { ...before.record, ...seats }, seats, given: [...before.given, session] });
      held[String(session)] = (held[String(session)] ?? 0) + 1;
      left -= 1;
    }
  }
  return [...grants.values()];
}
