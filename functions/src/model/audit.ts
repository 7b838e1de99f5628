import { z } from "zod";
import { CountryCodeSchema, IdSchema } from "./common.js";
import { RoleSchema, UidSchema } from "./roles.js";
import { NotifySubscribersSchema } from "./subscription.js";

/** The kinds of record the console edits through one workflow (committee/records), as audit actions name them. */
export const RECORD_TYPES = ["document", "event", "initiative", "institution", "topic"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** What the console does to a record: the workflow's steps, and scheduling a publication. */
export const RECORD_ACTIONS = [
  "saveDraft",
  "submit",
  "publish",
  "unpublish",
  "archive",
  "restoreVersion",
  "softDelete",
  "undelete",
  "schedulePublish",
  "cancelSchedule",
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];
export type RecordAuditAction = `${RecordType}.${RecordAction}`;

/**
 * Registration in the console: the committee opens (or changes) an event's registration
 * settings; the secretariat approves or declines a registration in a category needing approval.
 */
export const REGISTRATION_AUDIT_ACTIONS = [
  "registration.open",
  "registration.approve",
  "registration.decline",
] as const;

/**
 * What the console does to a country's delegation (registration/delegations): its country names and submits it, the secretariat accredits or returns it;
 * its country withdraws a person from it, whatever their answer.
 */
export const DELEGATION_AUDIT_ACTIONS = [
  "delegation.save",
  "delegation.submit",
  "delegation.accredit",
  "delegation.return",
  "delegation.withdraw",
] as const;

/** A person's own entry in the members' directory (committee/directory): changed, or confirmed as it stands. */
export const DIRECTORY_AUDIT_ACTIONS = ["directory.update", "directory.confirm"] as const;

/** Every action the console's callables, the scheduled publication and the Santiago rule record. */
export const AUDIT_ACTIONS = [
  ...RECORD_TYPES.flatMap((type) => RECORD_ACTIONS.map((action): RecordAuditAction => `${type}.${action}`)),
  "seat.rule",
  "seat.set",
  "invitation.create",
  "invitation.accept",
  "account.changeRole",
  ...REGISTRATION_AUDIT_ACTIONS,
  ...DELEGATION_AUDIT_ACTIONS,
  ...DIRECTORY_AUDIT_ACTIONS,
] as const satisfies readonly string[];
export const AuditActionSchema = z.enum(
  AUDIT_ACTIONS as readonly AuditActionName[] as [AuditActionName, ...AuditActionName[]],
);
type AuditActionName =
  | RecordAuditAction
  | "seat.rule"
  | "seat.set"
  | "invitation.create"
  | "invitation.accept"
  | "account.changeRole"
  | (typeof REGISTRATION_AUDIT_ACTIONS)[number]
  | (typeof DELEGATION_AUDIT_ACTIONS)[number]
  | (typeof DIRECTORY_AUDIT_ACTIONS)[number];
export type AuditAction = z.infer<typeof AuditActionSchema>;

/**
 * Who did it: a signed-in person, or the system applying a rule. The account (`uid`) stays in an
 * entry only the secretariat reads; appendAudit moves it out of every other entry into
 * `auditActors/{entry id}` (AUDIT_ACTORS_COLLECTION), so no reader below the secretariat can pair
 * an account with the person it belongs to.
 */
export const AuditActorSchema = z.union([
  z.object({ uid: UidSchema.optional(), memberId: IdSchema.optional(), role: RoleSchema }).strict(),
  // The scheduler publishes on behalf of the person who scheduled, and cancels what changed since.
  z.object({ system: z.enum(["santiago-rule", "scheduler"]) }).strict(),
]);
export type AuditActor = z.infer<typeof AuditActorSchema>;

/**
 * Who may read an entry in the console, decided from its action when it is written
 * (auditAudience): what every reviewer reads, what only the secretariat reads, or what the
 * committee of one country reads. The rules compare it with the reader's claims, and a
 * committee list asks for it by name, since a list is judged by its filters.
 */
export const AuditAudienceSchema = z.union([
  z.literal("committee"),
  z.literal("secretariat"),
  z.custom<`committee:${string}`>((value) => typeof value === "string" && /^committee:[A-Z]{2}$/.test(value), {
    error: "must be committee, secretariat or committee: and a country code",
  }),
]);
export type AuditAudience = z.infer<typeof AuditAudienceSchema>;

/**
 * One entry of the audit log (collection `audit`), written in the same transaction as the change
 * it describes. It is also the event the notifications issue hangs email off: a trigger on
 * `audit/{id}` creation sees the action, the target, the country concerned and both states.
 */
export const AuditEntrySchema = z
  .object({
    at: z.iso.datetime(),
    actor: AuditActorSchema,
    action: AuditActionSchema,
    target: z.object({ collection: z.string().min(1), id: z.string().min(1) }).strict(),
    /** The country the change concerns, so notifications can reach its representatives. */
    countryIds: z.array(CountryCodeSchema),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().optional(),
    /** A document's publication that asks for its news to go to subscribers again, and why. */
    notifySubscribers: NotifySubscribersSchema.optional(),
    /** Set by appendAudit; entries written before it existed are the secretariat's alone. */
    audience: AuditAudienceSchema.optional(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AUDIT_COLLECTION = "audit";

/** The account behind an audit entry's person (`auditActors/{entry id}`): the secretariat's to read. */
export const AuditAccountSchema = z.object({ uid: UidSchema }).strict();
export const AUDIT_ACTORS_COLLECTION = "auditActors";

/**
 * Who reads an entry, by what the records themselves let each role read. An invitation names
 * a person and their address, which the committee reads for its own country only; an account's
 * change maps an account to a person, which only the secretariat reads (accounts rule).
 */
export function auditAudience(entry: Pick<AuditEntry, "action" | "countryIds">): AuditAudience {
  if (entry.action === "account.changeRole") return "secretariat";
  if (entry.action === "invitation.create" || entry.action === "invitation.accept") {
    const [country, ...others] = entry.countryIds;
    return country !== undefined && others.length === 0 ? `committee:${country}` : "secretariat";
  }
  return "committee";
}
