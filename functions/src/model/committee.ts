import { z } from "zod";
import { CountryCodeSchema, IdSchema, PartialDateSchema, SourceSchema } from "./common.js";

/** A written reason, required wherever someone overrides a rule (kept in the audit log too). */
export const ReasonSchema = z
  .string()
  .trim()
  .min(3, "must say why, in a few words")
  .max(1_000, "must be at most 1000 characters");

/**
 * A country's seat on the Executive Committee and why it holds it: the Santiago rule (it hosted
 * a past event or hosts an upcoming one, agreement 2 of the 2005 report), or the secretariat's
 * decision with its reason.
 */
export const CommitteeSeatSchema = z
  .object({
    id: CountryCodeSchema,
    countryId: CountryCodeSchema,
    basis: z.enum(["hosted", "will-host", "manual"]),
    /** The event that gives the seat; absent for a seat the secretariat gave by hand. */
    eventId: IdSchema.optional(),
    /** Why the secretariat gave the seat (manual seats only). */
    reason: ReasonSchema.optional(),
    since: PartialDateSchema,
    source: SourceSchema,
  })
  .strict()
  .refine((s) => s.id === s.countryId, { message: "the seat id must be its country code", path: ["id"] })
  .refine((s) => s.basis === "manual" || s.eventId !== undefined, {
    message: "a seat under the Santiago rule names its event",
    path: ["eventId"],
  })
  .refine((s) => s.basis !== "manual" || s.reason !== undefined, {
    message: "a seat given by hand needs the secretariat's reason",
    path: ["reason"],
  });
export type CommitteeSeat = z.infer<typeof CommitteeSeatSchema>;

/**
 * The secretariat's manual decision on a country's seat (collection `seatOverrides`, id = the
 * country code): `seat: true` gives one the rule would not, `seat: false` removes one the rule
 * would give. It stands until the secretariat hands the country back to the rule.
 */
export const SeatOverrideSchema = z
  .object({
    countryId: CountryCodeSchema,
    seat: z.boolean(),
    reason: ReasonSchema,
    /** The secretariat's person (member id): the committee reads overrides, never account ids. */
    by: IdSchema,
    at: z.iso.datetime(),
  })
  .strict();
export type SeatOverride = z.infer<typeof SeatOverrideSchema>;
export const SEAT_OVERRIDES_COLLECTION = "seatOverrides";
