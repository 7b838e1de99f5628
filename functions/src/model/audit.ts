import { z } from "zod";
import { CountryCodeSchema, IdSchema } from "./common.js";
import { RoleSchema, UidSchema } from "./roles.js";

/** Every action the console's callables and the Santiago rule record. */
export const AUDIT_ACTIONS = [
  "document.saveDraft",
  "document.submit",
  "document.publish",
  "document.unpublish",
  "document.archive",
  "document.restoreVersion",
  "document.softDelete",
  "document.undelete",
  "seat.rule",
  "seat.set",
  "invitation.create",
  "invitation.accept",
  "account.changeRole",
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** Who did it: a signed-in person, or the system applying a rule. */
export const AuditActorSchema = z.union([
  z.object({ uid: UidSchema, memberId: IdSchema.optional(), role: RoleSchema }).strict(),
  z.object({ system: z.enum(["santiago-rule"]) }).strict(),
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
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AUDIT_COLLECTION = "audit";
