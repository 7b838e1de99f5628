import { z } from "zod";
import { CountryCodeSchema, IdSchema, LocalizedSummarySchema, PartialDateSchema, SourceSchema } from "./common.js";

/** A country's commitment to host and maintain the network site for a term. */
export const HostingCommitmentSchema = z
  .object({
    id: IdSchema,
    hostCountryId: CountryCodeSchema,
    hostInstitutionId: IdSchema.optional(),
    scope: LocalizedSummarySchema,
    /** The event at which the commitment was offered. */
    offeredAtEventId: IdSchema,
    termMonths: z.number().int().min(1),
    termStart: PartialDateSchema.optional(),
    termEnd: PartialDateSchema.optional(),
    status: z.enum(["offered", "active", "renewed", "expired"]),
    source: SourceSchema,
  })
  .strict()
  .refine((c) => c.status === "offered" || c.termStart !== undefined, {
    message: "an active, renewed or expired term needs its start date",
    path: ["termStart"],
  });
export type HostingCommitment = z.infer<typeof HostingCommitmentSchema>;
