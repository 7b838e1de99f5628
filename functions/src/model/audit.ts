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

/** Every action the console's callables, the scheduled publication and the Santiago rule record. */
export const AUDIT_ACTIONS = [
  ...RECORD_TYPES.flatMap((type) => RECORD_ACTIONS.map((action): RecordAuditAction => `${type}.${action}`)),
  "seat.rule",
  "seat.set",
  "invitation.create",
  "invitation.accept",
  "account.changeRole",
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
  | "account.changeRole";
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** Who did it: a signed-in person, or the system applying a rule. */
export const AuditActorSchema = z.union([
  z.object({ uid: UidSchema, memberId: IdSchema.optional(), role: RoleSchema }).strict(),
  // The scheduler publishes on behalf of the person who scheduled, and cancels what changed since.
  z.object({ system: z.enum(["santiago-rule", "scheduler"]) }).strict(),
]);
export type AuditActor = z.infer<typeof AuditActorSchema>;

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
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AUDIT_COLLECTION = "audit";
