import { z } from "zod";
import {
  CountryCodeSchema,
  EditableFieldsSchema,
  IdSchema,
  LocalizedSummarySchema,
  LocalizedTitleSchema,
  PartialDateSchema,
  SourceSchema,
  storedSize,
  TimeZoneSchema,
} from "./common.js";

export const EVENT_KINDS = ["seminar", "conference", "workshop", "meeting"] as const;
export const SESSION_TYPES = ["workshop", "forum", "presentation"] as const;

export const SessionSchema = z
  .object({
    type: z.enum(SESSION_TYPES),
    title: LocalizedTitleSchema,
    /** The subjects the session covered, as the source words them. */
    topics: z.array(LocalizedTitleSchema).max(30, "must list at most 30 subjects").default([]),
    /** Priority areas (Topic ids) the session relates to. */
    topicIds: z.array(IdSchema).max(30, "must name at most 30 priority areas").default([]),
  })
  .strict();
export type Session = z.infer<typeof SessionSchema>;

/**
 * What an event's sessions may take in the store together. Their number and texts are counted
 * in bytes rather than each capped in characters: a hundred sessions of short titles and a few
 * with long lists of subjects both fit, and with the event's other fields (about 45,000 bytes at
 * most) the record stays under RECORD_MAX_BYTES.
 */
export const SESSIONS_MAX_BYTES = 300_000;

export const ParticipationSchema = z
  .object({
    officials: z.number().int().min(0).optional(),
    countries: z.number().int().min(0).optional(),
    multilateralInstitutions: z.number().int().min(0).optional(),
    /** Distinct institutions of the people present, when counted from attendance. */
    institutions: z.number().int().min(0).optional(),
    /**
     * "attendance": counted from the check-in at the door and confirmed by the committee
     * (registration/door/figures.ts), so the page says so; absent when typed from a report.
     */
    countedFrom: z.enum(["attendance"]).optional(),
  })
  .strict();

export const EventSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(EVENT_KINDS),
    title: LocalizedTitleSchema,
    summary: LocalizedSummarySchema.optional(),
    /** "planned" events are upcoming; "held" ones are past, whether or not their dates are known. */
    status: z.enum(["planned", "held", "cancelled"]),
    start: PartialDateSchema.optional(),
    end: PartialDateSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
    city: LocalizedTitleSchema.optional(),
    hostCountries: z.array(CountryCodeSchema).max(40).default([]),
    organizerIds: z.array(IdSchema).max(40).default([]),
    /** Countries whose officials attended, where the source lists them. */
    attendingCountries: z.array(CountryCodeSchema).max(100).default([]),
    sessions: z
      .array(SessionSchema)
      .max(100, "must list at most 100 sessions")
      .default([])
      .refine((sessions) => storedSize(sessions) <= SESSIONS_MAX_BYTES, {
        message: `are too long together: at most ${SESSIONS_MAX_BYTES} bytes of text (shorten the subjects or split the event)`,
      }),
    participation: ParticipationSchema.optional(),
    source: SourceSchema,
    ...EditableFieldsSchema.shape,
  })
  .strict()
  .refine((e) => e.end === undefined || e.start !== undefined, {
    message: "an end date needs a start date",
    path: ["end"],
  })
  .refine((e) => e.start === undefined || e.end === undefined || e.start.slice(0, e.end.length) <= e.end, {
    message: "must not be before the start",
    path: ["end"],
  })
  .refine((e) => e.start === undefined || e.start.length < 10 || e.timeZone !== undefined, {
    message: "an event with a day needs the IANA time zone it happens in",
    path: ["timeZone"],
  });
export type Event = z.infer<typeof EventSchema>;
