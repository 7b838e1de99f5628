import type { Firestore } from "firebase-admin/firestore";
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

/** Reads every public collection and keeps only what may be shown publicly. */
export async function buildPublicSnapshot(db: Firestore): Promise<PublicSnapshot> {
  const all = async <C extends keyof typeof COLLECTIONS>(name: C) =>
    (await db.collection(COLLECTIONS[name].path).withConverter(converterFor(name)).get()).docs.map((d) => d.data());
  const [network, countries, institutions, members, topics, events, documents, initiatives, committee, commitments] =
    await Promise.all([
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
  const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    network: network[0] ?? null,
    countries: byId(countries),
    institutions: byId(institutions),
    members: byId(members.filter((m) => m.public)),
    topics: topics.sort((a, b) => a.order - b.order),
    events: byId(events),
    documents: byId(documents.filter((d) => d.status === "published")),
    initiatives: byId(initiatives),
    committee: byId(committee),
    commitments: byId(commitments),
  };
}
