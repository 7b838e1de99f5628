import { z } from "zod";
import {
  CountryCodeSchema,
  IdSchema,
  LocalizedSchema,
  LocalizedSummarySchema,
  LocalizedTitleSchema,
  OriginalChangedSchema,
  PartialDateSchema,
  SourceSchema,
  TranslationsSchema,
} from "./common.js";

export const DOCUMENT_KINDS = [
  "executive-report",
  "agreement",
  "country-profile",
  "presentation",
  "minutes",
  "news",
] as const;
export const DOCUMENT_STATUSES = ["draft", "in-review", "published", "archived", "deleted"] as const;
export { TRANSLATION_STATUSES } from "./common.js";

/** What an author writes: the document without its workflow state (the console's drafts send this). */
export const DocumentContentSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    title: LocalizedTitleSchema,
    summary: LocalizedSummarySchema,
    /** Markdown, per language. Raw HTML in it is never rendered. */
    body: LocalizedSchema,
    translations: TranslationsSchema,
    eventId: IdSchema.optional(),
    countries: z.array(CountryCodeSchema).max(40).default([]),
    topics: z.array(IdSchema).max(40).default([]),
    source: SourceSchema,
  })
  .strict();
export type DocumentContent = z.infer<typeof DocumentContentSchema>;

export const DocumentSchema = DocumentContentSchema.extend({
  id: IdSchema,
  ...OriginalChangedSchema,
  /** "deleted" is a soft delete: the record stays, out of every list, until undeleted. */
  status: z.enum(DOCUMENT_STATUSES),
  publishedOn: PartialDateSchema.optional(),
  version: z.number().int().min(1),
})
  .strict()
  .refine((d) => d.status !== "published" || d.publishedOn !== undefined, {
    message: "a published document needs a publish date",
    path: ["publishedOn"],
  });
export type Document = z.infer<typeof DocumentSchema>;
