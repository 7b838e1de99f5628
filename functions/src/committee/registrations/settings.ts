import type { Transaction } from "firebase-admin/firestore";
import { z } from "zod";
import {
  COLLECTIONS,
  converterFor,
  IdSchema,
  isPublished,
  LangSchema,
  REGISTRATION_COLLECTIONS,
  RegistrationSettingsSchema,
  stripUndefined,
} from "../../model/index.js";
import { pendingRooms, roomsPendingAfter, withPendingRooms } from "../../registration/seats.js";
import { RUSH_RETRIES, registrationCounters, registrationSettings } from "../../registration/store.js";
import { appendAudit } from "../audit/audit-log.js";
import type { CommitteeDeps } from "../deps.js";
import { CommitteeError } from "../errors.js";
import type { Actor } from "../permissions.js";

/** One event's registration, named by the event. */
export const EventRegistrationPayloadSchema = z.object({ lang: LangSchema.optional(), eventId: IdSchema }).strict();

export const OpenRegistrationPayloadSchema = z
  .object({ lang: LangSchema.optional(), settings: RegistrationSettingsSchema })
  .strict();

/** The event's registration settings, or null while registration was never opened. */
export async function readSettings(
  deps: CommitteeDeps,
  _actor: Actor,
  input: z.infer<typeof EventRegistrationPayloadSchema>,
) {
  const settings = (await registrationSettings(deps.db).doc(input.eventId).get()).data();
  return { settings: settings ?? null };
}

/**
 * Opens registration for an event, or changes its settings: the settings and their audit entry in
 * one transaction. Only a published event that is still planned takes registration; every session
 * the settings name must be one of the event's. It writes the settings only: what a change of
 * places means for the people registered is decided where registrations are decided. A room given
 * to a session that had none is marked pending on the event's counter in the same transaction, so
 * from the instant the room exists nobody is seated in it ahead of those who held a place before
 * it (registration/seats.ts); the room-added seating opens it.
 */
export async function openRegistration(
  deps: CommitteeDeps,
  actor: Actor,
  input: z.infer<typeof OpenRegistrationPayloadSchema>,
) {
  const { db, clock } = deps;
  const { settings } = input;
  const eventRef = db.collection(COLLECTIONS.events.path).withConverter(converterFor("events")).doc(settings.eventId);
  const ref = registrationSettings(db).doc(settings.eventId);
  const counterRef = registrationCounters(db).doc(settings.eventId);
  const change = async (tx: Transaction) => {
    const [eventSnap, current, counterSnap] = await Promise.all([tx.get(eventRef), tx.get(ref), tx.get(counterRef)]);
    const event = eventSnap.data();
    if (!event) throw new CommitteeError("not-found", "console.registration.noEvent", { event: settings.eventId });
    if (!isPublished(event) || event.status !== "planned")
      throw new CommitteeError("failed-precondition", "console.registration.notOpenable");
    const named = [
      ...settings.sessionRooms.map((room, i) => ({
        session: room.session,
        path: `settings.sessionRooms.${i}.session`,
      })),
      ...settings.privateSessions.map((session, i) => ({ session, path: `settings.privateSessions.${i}` })),
    ];
    const unknown = named.find(({ session }) => session >= event.sessions.length);
    if (unknown)
      throw new CommitteeError(
        "invalid-argument",
        "console.registration.noSession",
        { session: unknown.session + 1 },
        { fields: [{ path: unknown.path, message: "must be a session of the event" }] },
      );
    tx.set(ref, settings);
    // Without a counter nobody holds a place yet, so a new room has nobody to seat first.
    const counter = counterSnap.data();
    const previous = current.data();
    if (counter && previous) {
      const pending = roomsPendingAfter(previous, settings, pendingRooms(counter));
      if (pending.join() !== pendingRooms(counter).join())
        tx.set(counterRef, withPendingRooms({ ...counter, updatedAtMs: clock().getTime() }, pending));
    }
    appendAudit(db, tx, {
      at: clock().toISOString(),
      actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
      action: "registration.open",
      target: { collection: REGISTRATION_COLLECTIONS.registrationSettings.path, id: settings.eventId },
      countryIds: event.hostCountries,
      before: current.exists ? stripUndefined(current.data()) : null,
      after: stripUndefined(settings),
    });
    return !current.exists;
  };
  // The counter is the one a rush's allocators write: this transaction waits its turn like theirs.
  const opened = await db.runTransaction(change, RUSH_RETRIES);
  return { eventId: settings.eventId, opened };
}
