// Types from the Firestore client library firebase-admin is built on (one copy, pinned to its version).
import type { DocumentData, FirestoreDataConverter, QueryDocumentSnapshot } from "@google-cloud/firestore";
import type { z } from "zod";
import { HostingCommitmentSchema } from "./commitment.js";
import { CommitteeSeatSchema } from "./committee.js";
import { CountrySchema } from "./country.js";
import { DelegationSchema } from "./delegation.js";
import { DocumentSchema } from "./document.js";
import { EventSchema } from "./event.js";
import { InitiativeSchema } from "./initiative.js";
import { InstitutionSchema } from "./institution.js";
import { MemberContactSchema, MemberSchema } from "./member.js";
import { NetworkSchema } from "./network.js";
import {
  RegistrationCounterSchema,
  RegistrationFiguresSchema,
  RegistrationSchema,
  RegistrationSettingsSchema,
} from "./registration.js";
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
      return withoutUndefined(schema.parse(record)) as DocumentData;
    },
    fromFirestore(snapshot: QueryDocumentSnapshot): RecordOf<C> {
      return schema.parse(snapshot.data());
    },
  };
}

/**
 * The collections of event registration (functions/src/registration): written by Cloud Functions
 * only, and read by no client, since a registration holds a person's address (firestore.rules).
 * - `registrations/{id}`: one per address per event, the id a keyed hash of both
 *   (registration/keys.ts), so a second registration of an address cannot exist;
 * - `registrationSettings/{eventId}`: how the event takes registrations, set by the committee;
 * - `registrationCounters/{eventId}`: places held, the last waiting-list number and each room's
 *   seats held, written by the allocator a few times per batch of confirmations, never once per
 *   person.
 */
export const REGISTRATION_COLLECTIONS = {
  registrations: { path: "registrations", schema: RegistrationSchema },
  registrationSettings: { path: "registrationSettings", schema: RegistrationSettingsSchema },
  registrationCounters: { path: "registrationCounters", schema: RegistrationCounterSchema },
  /** Participation counted from attendance, until the committee publishes it into the event. */
  registrationFigures: { path: "registrationFigures", schema: RegistrationFiguresSchema },
} as const;

/**
 * Country delegations (functions/src/registration/delegations): `delegations/{eventId}__{country}`,
 * written by the delegation callables only; the committee and the secretariat read every one, a
 * member their own country's (firestore.rules).
 */
export const DELEGATION_COLLECTIONS = {
  delegations: { path: "delegations", schema: DelegationSchema },
} as const;

/** A converter that validates every read and write against `schema` (for collections outside COLLECTIONS). */
export function schemaConverter<T>(schema: z.ZodType<T>): FirestoreDataConverter<T> {
  return {
    toFirestore(record: T): DocumentData {
      return withoutUndefined(schema.parse(record)) as DocumentData;
    },
    fromFirestore(snapshot: QueryDocumentSnapshot): T {
      return schema.parse(snapshot.data());
    },
  };
}

/**
 * What a converter writes: the record without its `undefined` fields (Firestore rejects them),
 * with dates, timestamps and server values (FieldValue) left as they are, unlike stripUndefined.
 */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => [key, withoutUndefined(field)]),
  );
}

/**
 * Firestore rejects `undefined`; optional fields are simply left out. A copy as JSON: for
 * snapshots of a record (audit entries, versions), where a timestamp is kept as its JSON.
 */
export function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
