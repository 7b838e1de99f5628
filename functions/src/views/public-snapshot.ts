import type { Firestore, QuerySnapshot, Timestamp } from "firebase-admin/firestore";
import { z } from "zod";
import { cloudLog, type Log } from "../log.js";
import {
  COLLECTIONS,
  type PublicCollection,
  PublicCommitteeSeatSchema,
  PublicCountrySchema,
  PublicDocumentSchema,
  PublicEventSchema,
  PublicHostingCommitmentSchema,
  PublicInitiativeSchema,
  PublicInstitutionSchema,
  PublicMemberSchema,
  PublicNetworkSchema,
  PublicParticipantSchema,
  PublicTopicSchema,
  publicRecords,
  REGISTRATION_COLLECTIONS,
  type RecordOf,
  type Registration,
  RegistrationSchema,
  recordSchema,
} from "../model/index.js";
import { publicParticipantsOf } from "../registration/door/participants.js";

/**
 * Everything the public site shows, in one value: the public projection of each shown record
 * (see model/public.ts). Private data (contacts, unpublished documents, members who did not agree
 * to be listed, the fields no page shows) never enters it.
 */
export const PublicSnapshotSchema = z.object({
  network: PublicNetworkSchema.nullable(),
  countries: z.array(PublicCountrySchema),
  institutions: z.array(PublicInstitutionSchema),
  members: z.array(PublicMemberSchema),
  topics: z.array(PublicTopicSchema),
  events: z.array(PublicEventSchema),
  documents: z.array(PublicDocumentSchema),
  initiatives: z.array(PublicInitiativeSchema),
  committee: z.array(PublicCommitteeSeatSchema),
  commitments: z.array(PublicHostingCommitmentSchema),
  /** Events' public participant lists: people who consented (registration/door/participants.ts). */
  participants: z.array(PublicParticipantSchema).optional(),
});
export type PublicSnapshot = z.infer<typeof PublicSnapshotSchema>;

/** Every record of every public collection, valid, as read from Firestore or from the seed. */
export type PublicSourceRecords = { [C in PublicCollection]: readonly RecordOf<C>[] };

const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The public snapshot of a set of records: only the records the site shows, each cut to its
 * public projection, in a stable order. Pure, so the view trigger and every test build the
 * snapshot the same way.
 */
export function publicSnapshotOf(
  records: PublicSourceRecords,
  registrations: readonly Registration[] = [],
): PublicSnapshot {
  const institutions = byId(publicRecords("institutions", records.institutions));
  const topics = publicRecords("topics", records.topics).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const events = byId(publicRecords("events", records.events));
  // A shown record that names one not shown (a draft event, an unpublished topic or institution)
  // keeps its own page but loses the link, which would lead to a missing page.
  const shown = (list: { id: string }[]) => {
    const ids = new Set(list.map((r) => r.id));
    return (id: string) => ids.has(id);
  };
  const [institutionShown, topicShown, eventShown] = [shown(institutions), shown(topics), shown(events)];
  return {
    network: publicRecords("network", records.network)[0] ?? null,
    countries: byId(publicRecords("countries", records.countries)),
    institutions,
    members: byId(publicRecords("members", records.members)),
    topics,
    events: events.map((event) => ({
      ...event,
      organizerIds: event.organizerIds.filter(institutionShown),
      sessions: event.sessions.map((session) => ({ ...session, topicIds: session.topicIds.filter(topicShown) })),
    })),
    documents: byId(publicRecords("documents", records.documents)).map(({ eventId, ...document }) => ({
      ...document,
      ...(eventId !== undefined && eventShown(eventId) ? { eventId } : {}),
      topics: document.topics.filter(topicShown),
    })),
    initiatives: byId(publicRecords("initiatives", records.initiatives)),
    committee: byId(publicRecords("committee", records.committee)),
    commitments: byId(publicRecords("commitments", records.commitments)),
    participants: publicParticipantsOf(registrations, events),
  };
}

/** A stored document that does not match its collection's schema, left out of the view. */
export interface SkippedRecord {
  collection: PublicCollection | "registrations";
  id: string;
  issues: { field: string; message: string }[];
}

/** The public snapshot and the moment of the database it shows. */
export interface PublicSnapshotRead {
  snapshot: PublicSnapshot;
  /** Every collection is read as of this one time, so the snapshot never mixes two states. */
  readTime: Timestamp;
  /** Invalid documents the snapshot does without (each also logged). */
  skipped: SkippedRecord[];
}

/**
 * Reads every public collection in one read-only transaction (a consistent point in time, no
 * locks) and keeps only what may be shown publicly. A document that fails its schema (written
 * around the validation, or by an older version of the code) is logged and left out: one bad
 * draft must not stop every later change, an unpublish included, from reaching the site.
 */
export async function buildPublicSnapshot(db: Firestore, log: Log = cloudLog): Promise<PublicSnapshotRead> {
  const read = await db.runTransaction(
    async (tx) => {
      const skipped: SkippedRecord[] = [];
      const readTimes: Timestamp[] = [];
      /** The documents that pass `schema`; each other one is listed in `skipped`, with why. */
      const valid = <T>(collection: SkippedRecord["collection"], schema: z.ZodType<T>, query: QuerySnapshot): T[] => {
        readTimes.push(query.readTime);
        return query.docs.flatMap((doc) => {
          const parsed = schema.safeParse(doc.data());
          if (parsed.success) return [parsed.data];
          const issues = parsed.error.issues.map((i) => ({
            field: i.path.join(".") || "(record)",
            message: i.message,
          }));
          skipped.push({ collection, id: doc.id, issues });
          return [];
        });
      };
      const all = async <C extends PublicCollection>(name: C): Promise<RecordOf<C>[]> =>
        valid(name, recordSchema(name), await tx.get(db.collection(COLLECTIONS[name].path)));
      // Only the registrations whose person agreed to be listed are read at all.
      const consenting = async (): Promise<Registration[]> =>
        valid(
          "registrations",
          RegistrationSchema,
          await tx.get(
            db.collection(REGISTRATION_COLLECTIONS.registrations.path).where("publicListConsent", "==", true),
          ),
        );
      const [
        network,
        countries,
        institutions,
        members,
        topics,
        events,
        documents,
        initiatives,
        committee,
        commitments,
        registrations,
      ] = await Promise.all([
        all("network"),
        all("countries"),
        all("institutions"),
        all("members"),
        all("topics"),
        all("events"),
        all("documents"),
        all("initiatives"),
        all("committee"),
        all("commitments"),
        consenting(),
      ]);
      const snapshot = publicSnapshotOf(
        {
          network,
          countries,
          institutions,
          members,
          topics,
          events,
          documents,
          initiatives,
          committee,
          commitments,
        },
        registrations,
      );
      // One transaction reads at one time; the latest of them is taken should a backend differ.
      const readTime = readTimes.reduce((a, b) => (b.valueOf() > a.valueOf() ? b : a));
      return { snapshot, readTime, skipped };
    },
    { readOnly: true },
  );
  // Logged once the transaction is over, so a retried attempt does not log twice.
  for (const record of read.skipped) {
    log({
      severity: "WARNING",
      message: "view.record_skipped: an invalid record was left out of the public view",
      ...record,
    });
  }
  return read;
}
