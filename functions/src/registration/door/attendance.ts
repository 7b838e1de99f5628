import { FieldValue } from "firebase-admin/firestore";
import { z } from "zod";
import type { CommitteeDeps } from "../../committee/deps.js";
import { CommitteeError } from "../../committee/errors.js";
import type { Actor } from "../../committee/permissions.js";
import { kindNoun, RECORD_KINDS } from "../../committee/records/kinds.js";
import { converterFor, type Event, IdSchema, LangSchema, type Registration } from "../../model/index.js";
import { REGISTRATION_ID } from "../keys.js";
import { registrations } from "../store.js";
import { registrationExpiry } from "./retention.js";

const lang = LangSchema.optional();

export const DoorListPayloadSchema = z.object({ lang, eventId: IdSchema }).strict();
export const CheckInPayloadSchema = z
  .object({
    lang,
    eventId: IdSchema,
    id: z.string().regex(REGISTRATION_ID, "must be a registration's id"),
    /** true marks the person present; false undoes a mistaken check-in. */
    present: z.boolean(),
  })
  .strict();

/**
 * One person at the door, as the check-in screen shows them: what finds and names them, never
 * their address (the door has no use for it).
 */
export interface DoorEntry {
  id: string;
  name: string;
  institution: string;
  country: string;
  category: Registration["category"];
  attendedAtMs?: number;
  /** The person (member id) who marked them present. */
  attendedBy?: string;
}

const entryOf = (id: string, r: Registration): DoorEntry => ({
  id,
  name: r.name,
  institution: r.institution,
  country: r.country,
  category: r.category,
  ...(r.attendedAtMs !== undefined ? { attendedAtMs: r.attendedAtMs } : {}),
  ...(r.attendedBy !== undefined ? { attendedBy: r.attendedBy } : {}),
});

/** Who is expected at the door: a place held, or already marked present (a later cancellation keeps it). */
const atTheDoor = (r: Registration) => r.status.state === "confirmed" || r.attendedAtMs !== undefined;

async function eventOf(deps: CommitteeDeps, eventId: string): Promise<Event> {
  const snap = await deps.db.collection("events").withConverter(converterFor("events")).doc(eventId).get();
  const event = snap.data();
  if (!event)
    throw new CommitteeError("not-found", "console.error.notFound", {
      id: eventId,
      what: kindNoun(RECORD_KINDS.events),
    });
  return event;
}

/**
 * The people of an event who hold a place, for the check-in screen to search by name. An
 * event's registrations are a few hundred at most, so the screen filters them as the person types.
 */
export async function doorList(
  deps: CommitteeDeps,
  _actor: Actor,
  input: z.infer<typeof DoorListPayloadSchema>,
): Promise<{ entries: DoorEntry[] }> {
  await eventOf(deps, input.eventId);
  const snap = await registrations(deps.db).where("eventId", "==", input.eventId).get();
  const entries = snap.docs.filter((doc) => atTheDoor(doc.data())).map((doc) => entryOf(doc.id, doc.data()));
  return { entries: entries.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)) };
}

/**
 * Marks a person present, or takes it back. Only a place held can be checked in; marking twice
 * keeps the first time and who did it. The person who checks in is recorded (a person, never an
 * account), and the record's expiry follows the event's dates as they are now.
 */
export async function checkIn(
  deps: CommitteeDeps,
  actor: Actor,
  input: z.infer<typeof CheckInPayloadSchema>,
): Promise<DoorEntry> {
  const event = await eventOf(deps, input.eventId);
  const ref = registrations(deps.db).doc(input.id);
  return deps.db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (!current || current.eventId !== input.eventId)
      throw new CommitteeError("not-found", "door.error.unknownPerson");
    const now = deps.clock();
    const expireAt = registrationExpiry(event, now);
    if (!input.present) {
      tx.update(ref, { attendedAtMs: FieldValue.delete(), attendedBy: FieldValue.delete(), expireAt });
      const { attendedAtMs: _at, attendedBy: _by, ...rest } = current;
      return entryOf(ref.id, rest);
    }
    if (current.attendedAtMs !== undefined) return entryOf(ref.id, current);
    if (current.status.state !== "confirmed") throw new CommitteeError("failed-precondition", "door.error.noPlace");
    const attended = { attendedAtMs: now.getTime(), attendedBy: actor.memberId };
    tx.update(ref, { ...attended, expireAt });
    return entryOf(ref.id, { ...current, ...attended });
  });
}
