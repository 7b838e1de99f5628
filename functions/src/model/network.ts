import { z } from "zod";
import { LocalizedSummarySchema, LocalizedTitleSchema, PartialDateSchema, SourceSchema } from "./common.js";

/** The network itself: its name, its website and the site's history. */
export const NetworkSchema = z
  .object({
    id: z.literal("network"),
    name: LocalizedTitleSchema,
    purpose: LocalizedSummarySchema,
    website: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a host name such as www.compraspublicas.org"),
    formerSiteName: LocalizedTitleSchema,
    renamedOn: PartialDateSchema,
    source: SourceSchema,
  })
  .strict();
export type Network = z.infer<typeof NetworkSchema>;
