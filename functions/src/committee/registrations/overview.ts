import type { Firestore } from "firebase-admin/firestore";
import type { z } from "zod";
import type { Localized, Registration, RegistrationSettings, RegistrationState } from "../../model/index.js";
import { seatsLeft } from "../../registration/seats.js";
import { eventRecords, registrationCounters, registrationSettings, registrations } from "../../registration/store.js";
import type { CommitteeDeps } from "../deps.js";
import type { Actor } from "../permissions.js";
import type { EventRegistrationPayloadSchema } from "./settings.js";

/** Every registration of an event, with its id, waiting-list positions worked out from the numbers. */
export async function eventRegistrations(db: Firestore, eventId: string) {
  const snapshot = await registrations(db).where("eventId", "==", eventId).get();
  const records = snapshot.docs.map((doc) => ({ id: doc.id, ...doc.data() }));
  // A position is one more than the numbers still waiting below (positions.ts); with the whole
  // list at hand, it is the rank among the waiting numbers.
  const waiting = records.flatMap((r) => (r.status.state === "waitlisted" ? [r.status.seq] : [])).sort((a, b) => a - b);
  const positions = new Map(waiting.map((seq, index) => [seq, index + 1]));
  return records.map((record) => ({
    record,
    position: record.status.state === "waitlisted" ? positions.get(record.status.seq) : undefined,
  }));
}

/** What the registrations screen shows of one person: no address, no token, nothing else. */
function row({ record, position }: { record: Registration & { id: string }; position: number | undefined }) {
  const { status } = record;
  return {
    id: record.id,
    name: record.name,
    institution: record.institution,
    country: record.country,
    category: record.category,
    state: status.state as RegistrationState,
    /** The waiting-list or offer number, and the current position on the list. */
    seq: status.state === "waitlisted" || status.state === "offered" ? status.seq : undefined,
    position,
    /** Until when an offered place waits for its answer. */
    untilMs: status.state === "offered" ? status.untilMs : undefined,
    /** Why a cancelled registration ended: the person, a lapsed offer or the secretariat's refusal. */
    cancelledBy: status.state === "cancelled" ? status.by : undefined,
    requestedAtMs: record.requestedAtMs,
    /** Rooms (by session index): the seats this person holds, and the full rooms they wait for. */
    seats: status.state === "cancelled" ? undefined : record.seats,
    seatsWaiting: status.state === "cancelled" ? undefined : record.seatsWaiting,
  };
}
export type RegistrationRow = ReturnType<typeof row>;

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/**
 * The registrations of an event as the committee and the secretariat read them: counts by
 * state, category and country, the places held against the places, and one row per person with
 * what the list shows and searches (names, never addresses).
 */
export async function registrationOverview(
  deps: CommitteeDeps,
  _actor: Actor,
  input: z.infer<typeof EventRegistrationPayloadSchema>,
) {
  const { db } = deps;
  const [settings, counter, all, event] = await Promise.all([
    registrationSettings(db).doc(input.eventId).get(),
    registrationCounters(db).doc(input.eventId).get(),
    eventRegistrations(db, input.eventId),
    eventRecords(db).doc(input.eventId).get(),
  ]);
  const rows = all.map(row).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  // Who is still in (everyone but the cancelled) counts in the categories and countries.
  const active = rows.filter((r) => r.state !== "cancelled");
  return {
    eventId: input.eventId,
    places: settings.data()?.places ?? null,
    placesHeld: counter.data()?.placesHeld ?? 0,
    approvalCategories: settings.data()?.approvalCategories ?? [],
    rooms: roomsOf(settings.data(), counter.data()?.seatsHeld ?? {}, event.data()?.sessions ?? []),
    counts: {
      state: countBy(rows, (r) => r.state),
      category: countBy(active, (r) => r.category),
      country: countBy(active, (r) => r.country),
    },
    rows,
  };
}

/** Each session with a room of its own: its title (every language: the console picks), seats held of its places. */
function roomsOf(
  settings: RegistrationSettings | undefined,
  seatsHeld: Record<string, number>,
  sessions: readonly { title: Localized }[],
) {
  if (!settings) return [];
  const left = seatsLeft(settings, seatsHeld);
  return settings.sessionRooms
    .map((room) => ({
      session: room.session,
      title: sessions[room.session]?.title ?? null,
      places: room.places,
      held: seatsHeld[String(room.session)] ?? 0,
      left: left.get(room.session) ?? 0,
    }))
    .sort((a, b) => a.session - b.session);
}
