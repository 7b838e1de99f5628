import { z } from "zod";
import { IdSchema, LocalizedTitleSchema, SourceSchema, UrlSchema } from "./common.js";

/** A multinational initiative merged into the single network, and its cross-link with the network site. */
export const InitiativeSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTitleSchema,
    coordinatorIds: z.array(IdSchema).min(1, "needs at least one coordinating institution"),
    website: UrlSchema.optional(),
    /** The agreement asks every initiative to link to the network site and be linked from it. */
    crossLink: z.enum(["pending", "linked", "broken"]),
    source: SourceSchema,
  })
  .strict();
export type Initiative = z.infer<typeof InitiativeSchema>;
