// Types from the Firestore client library firebase-admin is built on (one copy, pinned to its version).
import type { DocumentData, FirestoreDataConverter, QueryDocumentSnapshot } from "@google-cloud/firestore";
import type { z } from "zod";
import { HostingCommitmentSchema } from "./commitment.js";
import { CommitteeSeatSchema } from "./committee.js";
import { CountrySchema } from "./country.js";
import { DocumentSchema } from "./document.js";
import { EventSchema } from "./event.js";
import { InitiativeSchema } from "./initiative.js";
import { InstitutionSchema } from "./institution.js";
import { MemberContactSchema, MemberSchema } from "./member.js";
import { NetworkSchema } from "./network.js";
import { TopicSchema } from "./topic.js";

/**
 * Every content collection: its Firestore path and the schema its documents follow.
 * The document id is stored inside each record as `id` too, so a record read on its own
 * still says what it is.
 */
export const COLLECTIONS = {
  network: { path: "network", schema: NetworkSchema },
  countries: { path: "countries", schema: CountrySchema },
  institutions: { path: "institutions", schema: InstitutionSchema },
  members: { path: "members", schema: MemberSchema },
  memberContacts: { path: "memberContacts", schema: MemberContactSchema },
  topics: { path: "topics", schema: TopicSchema },
  events: { path: "events", schema: EventSchema },
  documents: { path: "documents", schema: DocumentSchema },
  initiatives: { path: "initiatives", schema: InitiativeSchema },
  committee: { path: "committee", schema: CommitteeSeatSchema },
  commitments: { path: "commitments", schema: HostingCommitmentSchema },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export type RecordOf<C extends CollectionName> = z.infer<(typeof COLLECTIONS)[C]["schema"]>;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** Collections that feed the public site (private contact details never do). */
export const PUBLIC_COLLECTIONS = COLLECTION_NAMES.filter((name) => name !== "memberContacts");

/** Precomputed views of public data, rebuilt by triggers (see src/views). */
export const VIEWS_COLLECTION = "views";

/** The schema of one collection's records, typed by the collection (TypeScript cannot narrow the table by C). */
export function recordSchema<C extends CollectionName>(name: C): z.ZodType<RecordOf<C>> {
  return COLLECTIONS[name].schema as unknown as z.ZodType<RecordOf<C>>;
}

/** A converter that validates every read and write against the collection's schema. */
export function converterFor<C extends CollectionName>(name: C): FirestoreDataConverter<RecordOf<C>> {
  const schema = recordSchema(name);
  return {
    toFirestore(record: RecordOf<C>): DocumentData {
      return stripUndefined(schema.parse(record)) as DocumentData;
    },
    fromFirestore(snapshot: QueryDocumentSnapshot): RecordOf<C> {
      return schema.parse(snapshot.data());
    },
  };
}

/** Firestore rejects `undefined`; optional fields are simply left out. */
export function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
