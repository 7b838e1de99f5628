import { z } from "zod";
import { isCalendarDate } from "../calendar/partial-date.js";

/** Languages the interface speaks; content is written in Spanish or English first. */
export const LANGS = ["es", "en", "pt", "fr"] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;

/**
 * Text in one or more languages. Spanish or English is required, because the network's
 * working languages are those two; Portuguese and French are added where content exists.
 * Each language's text is limited to `max` characters, so a pasted book cannot become a title.
 */
export function localized(max: number) {
  const text = z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
  return z
    .object({ es: text.optional(), en: text.optional(), pt: text.optional(), fr: text.optional() })
    .strict()
    .refine((value) => value.es !== undefined || value.en !== undefined, {
      message: "needs a Spanish (es) or English (en) text",
    });
}

/**
 * Firestore's limit on one stored document (1 MiB), and the most a record the console edits may
 * take: its audit entry holds it twice (before and after) beside a few kilobytes of its own, so
 * 2 × 400,000 bytes leaves a fifth of the limit as margin. Each kind's limits are chosen to stay
 * under it in the worst case (model/sizes.test.ts builds that record and measures it): zod counts
 * UTF-16 code units, and a code unit costs at most 3 bytes in UTF-8 (a character from U+0800 to
 * U+FFFF; an astral one is 4 bytes for 2 units).
 */
export const FIRESTORE_DOCUMENT_MAX_BYTES = 1_048_576;
export const RECORD_MAX_BYTES = 400_000;

const utf8 = new TextEncoder();

/**
 * The bytes Firestore counts for a value (firebase.google.com/docs/firestore/storage-size): a
 * string is its UTF-8 bytes plus one, a number or timestamp 8, a boolean or null 1, an array the
 * sum of its values, a map each key's bytes plus one and its value. Undefined fields are not stored.
 */
export function storedSize(value: unknown): number {
  if (value === undefined) return 0;
  if (value === null || typeof value === "boolean") return 1;
  if (typeof value === "number" || value instanceof Date) return 8;
  if (typeof value === "string") return utf8.encode(value).length + 1;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + storedSize(item), 0);
  if (typeof value === "object") {
    return Object.entries(value).reduce(
      (sum, [key, item]) => sum + (item === undefined ? 0 : utf8.encode(key).length + 1 + storedSize(item)),
      0,
    );
  }
  return 0;
}

/**
 * Long text, such as a document's Markdown body: 30,000 characters a language (some twelve
 * pages), so four languages at 3 bytes a unit (360,000 bytes) and the document's other fields
 * (about 40,000 at most) stay under RECORD_MAX_BYTES.
 */
export const LocalizedSchema = localized(30_000);
/** Names and titles. */
export const LocalizedTitleSchema = localized(300);
/** Summaries, purposes and other short paragraphs. */
export const LocalizedSummarySchema = localized(2_000);
export type Localized = z.infer<typeof LocalizedSchema>;

/** Where a record comes from, so every fact on the site can be traced to its source. */
export const SourceSchema = z
  .string()
  .trim()
  .min(1, "must say where the record comes from")
  .max(1_000, "must be at most 1000 characters");

/** A slug used as a document id: lowercase letters, digits and hyphens. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and hyphens (a slug)")
  .max(120);

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as CL");

/**
 * A date known to the year, the month or the day ("2004", "2004-09", "2005-06-20"), optionally
 * with a local time ("2005-06-20T09:00"). The report often gives only a month; we keep exactly
 * the precision the source gives instead of inventing a day.
 */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?$/, {
    message: "must be YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:mm",
    abort: true,
  })
  // Aborting keeps checks that compare dates from also reporting a date that is not one.
  .refine(isCalendarDate, { message: "is not a real calendar date", abort: true });
export type PartialDate = z.infer<typeof PartialDateSchema>;

/** A calendar day, YYYY-MM-DD. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a day, YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, { message: "is not a real calendar date" });

/** An IANA time zone name that this runtime knows, such as America/Santiago. */
export const TimeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}, "must be an IANA time zone such as America/Santiago");

export const UrlSchema = z
  .url({ protocol: /^https?$/, error: "must be an http(s) address" })
  .max(2_000, "must be at most 2000 characters");

/**
 * Where an event, initiative, institution or topic is on its way to the public site, as a
 * document's `status` is. Records from before the console (the seed) carry none: published.
 */
export const PUBLICATION_STATES = ["draft", "in-review", "published", "archived", "deleted"] as const;
export const PublicationSchema = z.enum(PUBLICATION_STATES);
export type Publication = z.infer<typeof PublicationSchema>;

/**
 * Where each language's text of a record stands: the language it was written in ("original"), a
 * translation done ("translated"), under way, missing, or done once but behind an original that
 * changed since ("outdated", set by the store when the original's text changes, never by hand).
 */
export const TRANSLATION_STATUSES = ["original", "translated", "in-progress", "missing", "outdated"] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];
export const TranslationsSchema = z.partialRecord(LangSchema, z.enum(TRANSLATION_STATUSES));
export type Translations = z.infer<typeof TranslationsSchema>;

/** The fields the store keeps beside translations: when the original language's text last changed. */
export const OriginalChangedSchema = {
  /** Set by the store on each save that changes the original's text; the public page shows its date. */
  originalChangedAt: z.iso.datetime().optional(),
};

/** The console's fields on a record that is not a document: its publication state, version and translations. */
export const EditableFieldsSchema = z.object({
  publication: PublicationSchema.optional(),
  /** Counts changes made in the console; an edit based on an older one is refused. */
  version: z.number().int().min(1).optional(),
  /** Absent on records from before translations were tracked: none of their languages is flagged. */
  translations: TranslationsSchema.optional(),
  ...OriginalChangedSchema,
});

/** Whether the public site shows the record. */
export const isPublished = (record: { publication?: Publication }): boolean =>
  (record.publication ?? "published") === "published";

/**
 * An instant Firestore stores as a timestamp: written as a Date (the one type every copy of the
 * client library takes), read back as a Timestamp (the model stays free of firebase-admin, which
 * the console's bundle must not pull in). Fields of this kind drive Firestore TTL policies.
 */
export const TimestampSchema = z.union([
  z.date(),
  z.custom<{ toMillis(): number }>(
    (value) =>
      typeof value === "object" && value !== null && typeof (value as { toMillis?: unknown }).toMillis === "function",
  ),
]);
