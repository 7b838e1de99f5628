import { z } from "zod";
import type { CollectionName, RecordOf } from "./collections.js";
import { HostingCommitmentSchema } from "./commitment.js";
import { CommitteeSeatSchema } from "./committee.js";
import { CountryCodeSchema, IdSchema, isPublished } from "./common.js";
import { CountrySchema } from "./country.js";
import { type Document, DocumentSchema } from "./document.js";
import { EventSchema } from "./event.js";
import { InitiativeSchema } from "./initiative.js";
import { InstitutionSchema } from "./institution.js";
import { type Member, MemberSchema } from "./member.js";
import { NetworkSchema } from "./network.js";
import { TopicSchema } from "./topic.js";

// The public projections: what the site shows of each record. Pages, feeds, search and the
// open-data downloads all read the public view, which holds only these, so a field is public
// when it is listed here and not otherwise; a field added to a record stays private until it is.
//
// Each is a plain z.object (unknown keys dropped, not refused): projecting a record is parsing it,
// and a view stored before a field was withdrawn still loads, without that field. The records'
// refinements stay with the records: a record is valid before it is projected.
//
// `source` cites the report a content record comes from, and the site promises that every fact
// names its source, so it is public; a member's `source` notes how the person agreed to be
// listed, and is not.

export const PublicNetworkSchema = z.object(NetworkSchema.shape).pick({
  id: true,
  name: true,
  purpose: true,
  website: true,
  formerSiteName: true,
  renamedOn: true,
  source: true,
});
export const PublicCountrySchema = z.object(CountrySchema.shape).pick({
  id: true,
  name: true,
  oasMember: true,
  source: true,
});
export const PublicInstitutionSchema = z.object(InstitutionSchema.shape).pick({
  id: true,
  kind: true,
  name: true,
  acronym: true,
  countryId: true,
  website: true,
  source: true,
});
/** A listed member as the members and country pages show them: name, title, institution, country. */
export const PublicMemberSchema = z.object(MemberSchema.shape).pick({
  id: true,
  name: true,
  title: true,
  institutionId: true,
  countryId: true,
});
export const PublicTopicSchema = z.object(TopicSchema.shape).pick({
  id: true,
  name: true,
  priority: true,
  order: true,
  source: true,
});
export const PublicEventSchema = z.object(EventSchema.shape).pick({
  id: true,
  kind: true,
  title: true,
  summary: true,
  status: true,
  start: true,
  end: true,
  timeZone: true,
  city: true,
  hostCountries: true,
  organizerIds: true,
  attendingCountries: true,
  sessions: true,
  participation: true,
  translations: true,
  originalChangedAt: true,
  source: true,
});
/** A published document; its workflow status says nothing once it is public, so it is left out. */
export const PublicDocumentSchema = z.object(DocumentSchema.shape).pick({
  id: true,
  kind: true,
  title: true,
  summary: true,
  body: true,
  translations: true,
  originalChangedAt: true,
  eventId: true,
  countries: true,
  topics: true,
  publishedOn: true,
  version: true,
  source: true,
});
export const PublicInitiativeSchema = z.object(InitiativeSchema.shape).pick({
  id: true,
  name: true,
  coordinatorIds: true,
  website: true,
  crossLink: true,
  /** The last weekly check of whether its website links back, shown on the initiatives page. */
  linkCheck: true,
  source: true,
});
export const PublicCommitteeSeatSchema = z.object(CommitteeSeatSchema.shape).pick({
  id: true,
  countryId: true,
  basis: true,
  eventId: true,
  /** The secretariat's reason for a seat given by hand, shown with it on the committee page. */
  reason: true,
  since: true,
  source: true,
});
export const PublicHostingCommitmentSchema = z.object(HostingCommitmentSchema.shape).pick({
  id: true,
  hostCountryId: true,
  hostInstitutionId: true,
  scope: true,
  offeredAtEventId: true,
  termMonths: true,
  termStart: true,
  termEnd: true,
  status: true,
  source: true,
});

/**
 * A person on an event's public participant list: only a registration whose person ticked the
 * consent (registration/door/participants.ts decides who), and only these three fields.
 */
export const PublicParticipantSchema = z.object({
  eventId: IdSchema,
  name: z.string(),
  institution: z.string(),
  country: CountryCodeSchema,
});
export type PublicParticipant = z.infer<typeof PublicParticipantSchema>;

export type PublicMember = z.infer<typeof PublicMemberSchema>;
export type PublicDocument = z.infer<typeof PublicDocumentSchema>;
export type PublicEvent = z.infer<typeof PublicEventSchema>;

/** The collections the public view is built from: every one but the private contacts. */
export type PublicCollection = Exclude<CollectionName, "memberContacts">;

/** Each public collection's projection, and which of its records the site shows at all. */
export const PUBLIC_RECORDS = {
  network: { schema: PublicNetworkSchema },
  countries: { schema: PublicCountrySchema },
  institutions: { schema: PublicInstitutionSchema, shown: isPublished },
  members: { schema: PublicMemberSchema, shown: (member: Member) => member.public },
  topics: { schema: PublicTopicSchema, shown: isPublished },
  events: { schema: PublicEventSchema, shown: isPublished },
  documents: { schema: PublicDocumentSchema, shown: (document: Document) => document.status === "published" },
  initiatives: { schema: PublicInitiativeSchema, shown: isPublished },
  committee: { schema: PublicCommitteeSeatSchema },
  commitments: { schema: PublicHostingCommitmentSchema },
} as const satisfies { [C in PublicCollection]: { schema: z.ZodObject; shown?: (record: RecordOf<C>) => boolean } };

export type PublicRecordOf<C extends PublicCollection> = z.infer<(typeof PUBLIC_RECORDS)[C]["schema"]>;

/** The records of one collection the site shows, each cut down to its public projection. */
export function publicRecords<C extends PublicCollection>(
  name: C,
  records: readonly RecordOf<C>[],
): PublicRecordOf<C>[] {
  // One collection's entry, seen through its own record type (TypeScript cannot narrow the table by C).
  const { schema, shown } = PUBLIC_RECORDS[name] as unknown as {
    schema: z.ZodType<PublicRecordOf<C>>;
    shown?: (record: RecordOf<C>) => boolean;
  };
  return records.filter((record) => shown?.(record) ?? true).map((record) => schema.parse(record));
}
