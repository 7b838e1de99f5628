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
import { registrationSettings } from "../../registration/store.js";
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
 * places means for the people registered is decided where registrations are decided.
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
  const opened = await db.runTransaction(async (tx) => {
    const [eventSnap, current] = await Promise.all([tx.get(eventRef), tx.get(ref)]);
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
  });
  return { eventId: settings.eventId, opened };
}
