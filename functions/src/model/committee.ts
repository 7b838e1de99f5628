import { z } from "zod";
import { CountryCodeSchema, IdSchema, PartialDateSchema, SourceSchema } from "./common.js";

/** A country's seat on the Executive Committee and why it holds it. */
export const CommitteeSeatSchema = z
  .object({
    id: CountryCodeSchema,
    countryId: CountryCodeSchema,
    /** Seats go to countries that hosted a past event or will host an upcoming one. */
    basis: z.enum(["hosted", "will-host"]),
    eventId: IdSchema,
    since: PartialDateSchema,
    source: SourceSchema,
  })
  .strict()
  .refine((s) => s.id === s.countryId, { message: "the seat id must be its country code", path: ["id"] });
export type CommitteeSeat = z.infer<typeof CommitteeSeatSchema>;
