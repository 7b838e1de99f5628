import { z } from "zod";
import {
  CountryCodeSchema,
  DaySchema,
  IdSchema,
  LocalizedSummarySchema,
  PartialDateSchema,
  SourceSchema,
} from "./common.js";

/** What a handover must transfer, item by item, before the new host fully holds the site. */
export const HANDOVER_ITEMS = [
  "domain-dns",
  "firebase-project-billing",
  "smtp-sender-domain",
  "data-export",
  "admin-accounts",
] as const;
export const HandoverItemSchema = z.enum(HANDOVER_ITEMS);
export type HandoverItem = z.infer<typeof HandoverItemSchema>;

/** A change the secretariat recorded in the console: who (the person's member id) and when. */
export const CommitmentChangeSchema = z
  .object({
    action: z.enum(["activated", "renewed", "handed-over", "checklist"]),
    by: z.string().min(1),
    atMs: z.number(),
    note: z.string().optional(),
  })
  .strict();
export type CommitmentChange = z.infer<typeof CommitmentChangeSchema>;

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
    status: z.enum(["offered", "active", "renewed", "handed-over", "expired"]),
    /** The day the term was activated, renewed into or handed over to (reminders start from it). */
    activatedOn: DaySchema.optional(),
    /** The term this one renews or takes over from, so the history of hosts is a chain. */
    predecessorId: IdSchema.optional(),
    /** A term taken over from another host: what the handover still has to transfer. */
    handover: z
      .object({
        fromCommitmentId: IdSchema,
        checklist: z.record(
          HandoverItemSchema,
          z.object({ done: z.boolean(), doneAtMs: z.number().optional() }).strict(),
        ),
      })
      .strict()
      .optional(),
    changes: z.array(CommitmentChangeSchema).optional(),
    source: SourceSchema,
  })
  .strict()
  .refine((c) => c.status === "offered" || c.termStart !== undefined, {
    message: "an active, renewed or expired term needs its start date",
    path: ["termStart"],
  });
export type HostingCommitment = z.infer<typeof HostingCommitmentSchema>;
