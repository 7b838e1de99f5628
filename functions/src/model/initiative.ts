import { z } from "zod";
import { DaySchema, EditableFieldsSchema, IdSchema, LocalizedTitleSchema, SourceSchema, UrlSchema } from "./common.js";

/** The last weekly check of an initiative's website (functions/src/links). */
export const LinkCheckSchema = z
  .object({
    checkedOn: DaySchema,
    /** links: the page links to the network's site; missing: it does not; unreachable: no usable answer. */
    result: z.enum(["links", "missing", "unreachable"]),
    detail: z.string().max(300).optional(),
  })
  .strict();
export type LinkCheck = z.infer<typeof LinkCheckSchema>;

/** A multinational initiative merged into the single network, and its cross-link with the network site. */
export const InitiativeSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTitleSchema,
    coordinatorIds: z.array(IdSchema).min(1, "needs at least one coordinating institution").max(40),
    website: UrlSchema.optional(),
    /** The agreement asks every initiative to link to the network site and be linked from it. */
    crossLink: z.enum(["pending", "linked", "broken"]),
    linkCheck: LinkCheckSchema.optional(),
    source: SourceSchema,
    ...EditableFieldsSchema.shape,
  })
  .strict();
export type Initiative = z.infer<typeof InitiativeSchema>;
