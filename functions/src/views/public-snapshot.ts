import type { Firestore, Timestamp } from "firebase-admin/firestore";
import { z } from "zod";
import {
  COLLECTIONS,
  CommitteeSeatSchema,
  CountrySchema,
  converterFor,
  DocumentSchema,
  EventSchema,
  HostingCommitmentSchema,
  InitiativeSchema,
  InstitutionSchema,
  MemberSchema,
  NetworkSchema,
  TopicSchema,
} from "../model/index.js";

/**
 * Everything the public site shows, in one value. Private data (contacts, unpublished documents,
 * members who did not agree to be listed) never enters it.
 */
export const PublicSnapshotSchema = z.object({
  network: NetworkSchema.nullable(),
  countries: z.array(CountrySchema),
  institutions: z.array(InstitutionSchema),
  members: z.array(MemberSchema),
  topics: z.array(TopicSchema),
  events: z.array(EventSchema),
  documents: z.array(DocumentSchema),
  initiatives: z.array(InitiativeSchema),
  committee: z.array(CommitteeSeatSchema),
  commitments: z.array(HostingCommitmentSchema),
});
export type PublicSnapshot = z.infer<typeof PublicSnapshotSchema>;

/** The public snapshot and the moment of the database it shows. */
export interface PublicSnapshotRead {
  snapshot: PublicSnapshot;
  /** Every collection is read as of this one time, so the snapshot never mixes two states. */
  readTime: Timestamp;
}

/**
 * Reads every public collection in one read-only transaction (a consistent point in time, no
 * locks) and keeps only what may be shown publicly.
 */
export async function buildPublicSnapshot(db: Firestore): Promise<PublicSnapshotRead> {
  return db.runTransaction(
    async (tx) => {
      const all = async <C extends keyof typeof COLLECTIONS>(name: C) =>
        tx.get(db.collection(COLLECTIONS[name].path).withConverter(converterFor(name)));
      const reads = await Promise.all([
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
      ]);
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
      ] = reads;
      const data = <T>(query: { docs: { data(): T }[] }) => query.docs.map((d) => d.data());
      const byId = <T extends { id: string }>(list: T[]) =>
        list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const snapshot: PublicSnapshot = {
        network: data(network)[0] ?? null,
        countries: byId(data(countries)),
        institutions: byId(data(institutions)),
        members: byId(data(members).filter((m) => m.public)),
        topics: data(topics).sort((a, b) => a.order - b.order),
        events: byId(data(events)),
        documents: byId(data(documents).filter((d) => d.status === "published")),
        initiatives: byId(data(initiatives)),
        committee: byId(data(committee)),
        // Who recorded a change (an Auth uid) is for the console, not the public.
        commitments: byId(data(commitments).map(({ changes: _, ...commitment }) => commitment)),
      };
      // One transaction reads at one time; the latest of them is taken should a backend differ.
      const readTime = reads.map((r) => r.readTime).reduce((a, b) => (b.valueOf() > a.valueOf() ? b : a));
      return { snapshot, readTime };
    },
    { readOnly: true },
  );
}
