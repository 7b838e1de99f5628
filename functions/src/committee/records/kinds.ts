import { z } from "zod";
import {
  type CollectionName,
  type Document,
  DocumentContentSchema,
  DocumentSchema,
  EventSchema,
  InitiativeSchema,
  InstitutionSchema,
  type Publication,
  type RecordType,
  TopicSchema,
  versionSchemaOf,
} from "../../model/index.js";

/** The fields the workflow owns: an author's content never carries them. */
const WORKFLOW_FIELDS = { id: true, publication: true, version: true } as const;

/**
 * A record schema's fields as content: the same fields without the workflow's, unknown keys
 * refused. The record's cross-field checks (an end after its start) run on the whole record.
 */
const contentOf = <S extends z.ZodObject>(schema: S) => z.object(schema.shape).omit(WORKFLOW_FIELDS).strict();

/** A stored record of any kind, as the store handles it: its id, state and version are read through the kind. */
export type AnyRecord = { id: string } & Record<string, unknown>;

/**
 * What the one record workflow needs to know about each kind: where it lives, its schemas,
 * which field holds its state (`status` for documents, which had one before the other kinds,
 * `publication` for the rest) and which countries it concerns (a member works on their own).
 */
export interface RecordKind {
  type: RecordType;
  collection: CollectionName;
  schema: z.ZodType;
  content: z.ZodType;
  version: z.ZodType;
  state: "status" | "publication";
  countriesOf(record: AnyRecord): string[];
  /** Fields the kind adds when a record changes state (a document's publication date). */
  stamp?(record: AnyRecord, to: Publication, now: Date): Partial<AnyRecord>;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);

export const RECORD_KINDS = {
  documents: {
    type: "document",
    collection: "documents",
    schema: DocumentSchema,
    content: DocumentContentSchema,
    version: versionSchemaOf(DocumentSchema),
    state: "status",
    countriesOf: (record) => list(record.countries),
    stamp: (record, to, now) => ({
      publishedOn:
        to === "published" ? ((record as Document).publishedOn ?? now.toISOString().slice(0, 10)) : record.publishedOn,
    }),
  },
  events: {
    type: "event",
    collection: "events",
    schema: EventSchema,
    content: contentOf(EventSchema),
    version: versionSchemaOf(EventSchema),
    state: "publication",
    countriesOf: (record) => list(record.hostCountries),
  },
  // Initiatives are the committee's work and concern no single country: their coordinators
  // are institutions of several.
  initiatives: {
    type: "initiative",
    collection: "initiatives",
    schema: InitiativeSchema,
    content: contentOf(InitiativeSchema),
    version: versionSchemaOf(InitiativeSchema),
    state: "publication",
    countriesOf: () => [],
  },
  institutions: {
    type: "institution",
    collection: "institutions",
    schema: InstitutionSchema,
    content: contentOf(InstitutionSchema),
    version: versionSchemaOf(InstitutionSchema),
    state: "publication",
    countriesOf: (record) => (typeof record.countryId === "string" ? [record.countryId] : []),
  },
  topics: {
    type: "topic",
    collection: "topics",
    schema: TopicSchema,
    content: contentOf(TopicSchema),
    version: versionSchemaOf(TopicSchema),
    state: "publication",
    countriesOf: () => [],
  },
} as const satisfies Record<string, RecordKind>;

export type KindName = keyof typeof RECORD_KINDS;
const KIND_NAMES = Object.keys(RECORD_KINDS) as KindName[];
/** The kinds other than documents, which keep their own callables' payloads (committee-saveDraft, ...). */
export const OTHER_KINDS = ["events", "initiatives", "institutions", "topics"] as const satisfies KindName[];
export const KindSchema = z.enum(KIND_NAMES as [KindName, ...KindName[]]);

/** A record's state; records from before the console (the seed) carry none: published. */
export const stateOf = (kind: RecordKind, record: AnyRecord): Publication =>
  (record[kind.state] as Publication | undefined) ?? "published";

/** A record's version; a record from before the console is its first. */
export const versionOf = (record: AnyRecord): number => (typeof record.version === "number" ? record.version : 1);

/** The kind's name in messages ("There is no event …"), translated in the caller's language. */
export const kindNoun = (kind: RecordKind) => ({ key: `console.kind.${kind.type}` as const });
