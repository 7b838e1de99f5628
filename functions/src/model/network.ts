import { z } from "zod";
import { LocalizedSchema, PartialDateSchema, SourceSchema } from "./common.js";

/** The network itself: its name, its website and the site's history. */
export const NetworkSchema = z
  .object({
    id: z.literal("network"),
    name: LocalizedSchema,
    purpose: LocalizedSchema,
    website: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a host name such as www.compraspublicas.org"),
    formerSiteName: LocalizedSchema,
    renamedOn: PartialDateSchema,
    source: SourceSchema,
  })
  .strict();
export type Network = z.infer<typeof NetworkSchema>;
