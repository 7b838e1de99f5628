import { z } from "zod";
import { RECORD_TYPES } from "./audit.js";
import { CountryCodeSchema, IdSchema } from "./common.js";
import { AuthorSchema } from "./versions.js";

/**
 * A publication scheduled for a date and time (`publicationSchedules/{type}_{id}`): the record and
 * the version its publisher approved. The job publishes it when due, as that person with the role
 * they have then, and only if the record is still that version; there is at most one per record
 * (scheduling again replaces it).
 */
export const PublicationScheduleSchema = z
  .object({
    type: z.enum(RECORD_TYPES),
    id: IdSchema,
    /** When to publish, in UTC (ISO 8601), so the due query compares strings in time order. */
    at: z.iso.datetime(),
    /** The version approved for publication: a later change is not published by the job. */
    version: z.number().int().min(1),
    by: AuthorSchema,
    /** The publisher's country when scheduling; the job acts with their account as it is when it runs. */
    countryId: CountryCodeSchema.optional(),
    scheduledAt: z.iso.datetime(),
    reason: z.string().optional(),
  })
  .strict();
export type PublicationSchedule = z.infer<typeof PublicationScheduleSchema>;
export const SCHEDULES_COLLECTION = "publicationSchedules";
export const scheduleId = (type: string, id: string) => `${type}_${id}`;
