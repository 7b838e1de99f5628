import { z } from "zod";
import { appendAudit } from "../../committee/audit/audit-log.js";
import type { CommitteeDeps } from "../../committee/deps.js";
import { assertAllowed, CommitteeError } from "../../committee/errors.js";
import type { Actor } from "../../committee/permissions.js";
import { kindNoun, RECORD_KINDS, stateOf, versionOf } from "../../committee/records/kinds.js";
import { authorOf, readRecord } from "../../committee/records/record-store.js";
import {
  COLLECTIONS,
  type Event,
  IdSchema,
  LangSchema,
  ReasonSchema,
  type Registration,
  type RegistrationFigures,
  stripUndefined,
  VERSIONS_SUBCOLLECTION,
} from "../../model/index.js";
import { registrationFigures, registrations } from "../store.js";

const lang = LangSchema.optional();
export const CountFiguresPayloadSchema = z.object({ lang, eventId: IdSchema }).strict();
export const PublishFiguresPayloadSchema = z
  .object({ lang, eventId: IdSchema, reason: ReasonSchema.optional() })
  .strict();

/** An institution's name as typed by different people: case, accents and spacing do not make two. */
const sameInstitution = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase("und")
    .replace(/[\s.,;:'"«»“”-]+/g, " ")
    .trim();

/**
 * The participation of an event, counted from who was marked present. Officials are the
 * people present in the category "delegate": the issue defines a delegate as an official of a
 * member country's agency, and observers, speakers and press come on their own account, as the
 * 2005 report's "38 officials" counts only officials. Countries are those officials' countries
 * ("38 officials from 18 countries"); institutions are everyone's present, distinct.
 */
export function countAttendance(people: readonly Registration[]) {
  const present = people.filter((r) => r.attendedAtMs !== undefined);
  const officials = present.filter((r) => r.category === "delegate");
  return {
    officials: officials.length,
    countries: new Set(officials.map((r) => r.country)).size,
    institutions: new Set(present.map((r) => sameInstitution(r.institution))).size,
    attended: present.length,
  };
}

/**
 * Counts the event's participation from its attendance and keeps it for the committee's
 * confirmation: nothing public changes yet. Counting again replaces the figures (and a published
 * count is published again only when someone confirms the new one).
 */
export async function countFigures(
  deps: CommitteeDeps,
  actor: Actor,
  input: z.infer<typeof CountFiguresPayloadSchema>,
): Promise<RegistrationFigures> {
  const { db, clock } = deps;
  const event = await db.collection(COLLECTIONS.events.path).doc(input.eventId).get();
  if (!event.exists)
    throw new CommitteeError("not-found", "console.error.notFound", {
      id: input.eventId,
      what: kindNoun(RECORD_KINDS.events),
    });
  const people = await registrations(db).where("eventId", "==", input.eventId).get();
  const counted = countAttendance(people.docs.map((doc) => doc.data()));
  if (counted.attended === 0) throw new CommitteeError("failed-precondition", "door.error.noAttendance");
  const figures: RegistrationFigures = {
    eventId: input.eventId,
    ...counted,
    countedAtMs: clock().getTime(),
    countedBy: authorOf(actor),
  };
  await registrationFigures(db).doc(input.eventId).set(figures);
  return figures;
}

/** The figures as stored, for the screen to show what waits for confirmation. */
export async function readFigures(
  deps: CommitteeDeps,
  _actor: Actor,
  input: z.infer<typeof CountFiguresPayloadSchema>,
): Promise<{ figures: RegistrationFigures | null }> {
  const snap = await registrationFigures(deps.db).doc(input.eventId).get();
  return { figures: snap.data() ?? null };
}

/**
 * The committee's confirmation: the counted figures go into the event's `participation`, marked
 * as counted from attendance, through the records' own history: a new version of the event (its
 * content by the person who counted, published by the one who confirms) and an `event.publish`
 * audit entry, in one transaction. The event stays published (the figures are the only change,
 * and two persons checked them), so the public page, the open data and the history follow at
 * once. The two-person rule is the publication's own (`decide`): the person who counted does not
 * confirm, save the secretariat with a reason.
 */
export async function publishFigures(
  deps: CommitteeDeps,
  actor: Actor,
  input: z.infer<typeof PublishFiguresPayloadSchema>,
): Promise<RegistrationFigures> {
  const { db, clock } = deps;
  const kind = RECORD_KINDS.events;
  const figuresRef = registrationFigures(db).doc(input.eventId);
  return db.runTransaction(async (tx) => {
    const figures = (await tx.get(figuresRef)).data();
    const read = await readRecord(deps, tx, kind, input.eventId);
    if (!figures) throw new CommitteeError("failed-precondition", "door.error.notCounted");
    const { ref, current, latest } = read;
    if (!current)
      throw new CommitteeError("not-found", "console.error.notFound", { id: input.eventId, what: kindNoun(kind) });
    assertAllowed(actor, "figures.publish", {
      countries: kind.countriesOf(current),
      lastEditor: figures.countedBy.memberId,
      reason: input.reason,
    });
    if (figures.publishedAtMs !== undefined) return figures;
    if (stateOf(kind, current) !== "published")
      throw new CommitteeError("failed-precondition", "door.error.eventNotPublished");

    const now = clock();
    const event = current as Event;
    const next = kind.schema.parse(
      stripUndefined({
        ...event,
        participation: {
          ...event.participation,
          officials: figures.officials,
          countries: figures.countries,
          institutions: figures.institutions,
          countedFrom: "attendance",
        },
        version: versionOf(current) + 1,
      }),
    ) as Event;
    const versions = ref.collection(VERSIONS_SUBCOLLECTION);
    // A record from before the console (the seed) gets its version kept the first time it changes.
    if (!latest) {
      tx.create(versions.doc(String(versionOf(current))), {
        ...stripUndefined({ version: versionOf(current), at: null, action: null, by: null, contentBy: null }),
        record: stripUndefined(current),
      });
    }
    tx.set(ref, stripUndefined(next));
    tx.create(
      versions.doc(String(next.version)),
      stripUndefined(
        kind.version.parse({
          version: next.version,
          at: now.toISOString(),
          action: "event.publish",
          by: authorOf(actor),
          contentBy: figures.countedBy,
          submittedBy: null,
          record: next,
        }),
      ),
    );
    appendAudit(db, tx, {
      at: now.toISOString(),
      actor: { uid: actor.uid, ...authorOf(actor) },
      action: "event.publish",
      target: { collection: COLLECTIONS.events.path, id: input.eventId },
      countryIds: kind.countriesOf(next),
      before: stripUndefined(current),
      after: stripUndefined(next),
      reason: input.reason,
    });
    const published = { ...figures, publishedAtMs: now.getTime(), publishedBy: actor.memberId };
    tx.set(figuresRef, published);
    return published;
  });
}
