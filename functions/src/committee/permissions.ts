import {
  type AccountClaims,
  type AuditAction,
  RECORD_ACTIONS,
  RECORD_TYPES,
  type RecordAction,
  type RecordAuditAction,
  type RecordType,
  type Role,
} from "../model/index.js";
import { CommitteeError } from "./errors.js";

/** The signed-in person acting, from the claims the accounts trigger set on their token. */
export type Actor = AccountClaims & { uid: string };

const EVERYONE = ["secretariat", "committee", "member"] as const;
const PUBLISHERS = ["secretariat", "committee"] as const;

/**
 * Who may attempt each action on each kind of record. Members draft and submit their own
 * country's documents and institution (the country check narrows it to their own); events,
 * initiatives and topics are the committee's work. Publishing, at once or scheduled, is for
 * those who review.
 */
const RECORD_ROLES: Record<RecordType, Record<RecordAction, readonly Role[]>> = Object.fromEntries(
  RECORD_TYPES.map((type) => {
    const drafters = type === "document" || type === "institution" ? EVERYONE : PUBLISHERS;
    const byAction: Record<RecordAction, readonly Role[]> = {
      saveDraft: drafters,
      submit: drafters,
      publish: PUBLISHERS,
      unpublish: PUBLISHERS,
      archive: PUBLISHERS,
      restoreVersion: drafters,
      // A member's soft delete was a document's only (their own draft); an institution is not theirs to remove.
      softDelete: type === "document" ? EVERYONE : PUBLISHERS,
      undelete: type === "document" ? EVERYONE : PUBLISHERS,
      schedulePublish: PUBLISHERS,
      cancelSchedule: PUBLISHERS,
    };
    return [type, byAction];
  }),
) as Record<RecordType, Record<RecordAction, readonly Role[]>>;

/** Who may attempt each action at all; the target then narrows it (country, own edit). */
export const ROLES_FOR: Record<AuditAction, readonly Role[]> = {
  ...(Object.fromEntries(
    RECORD_TYPES.flatMap((type) => RECORD_ACTIONS.map((action) => [`${type}.${action}`, RECORD_ROLES[type][action]])),
  ) as Record<RecordAuditAction, readonly Role[]>),
  "seat.rule": [],
  "seat.set": ["secretariat"],
  "invitation.create": ["secretariat", "committee"],
  "invitation.accept": ["secretariat", "committee", "member"],
  "account.changeRole": ["secretariat"],
};

/** What an action touches, as far as permissions care. */
export interface Target {
  /** Every country the record concerns, before and after the change. */
  countries: readonly string[];
  /** Who last changed the record's content, if known. */
  lastEditorUid?: string;
  /** The reason given with the request, if any. */
  reason?: string;
  /** The role an invitation or a role change would give. */
  grantedRole?: Role;
}

export type Decision = { allowed: true } | { allowed: false; error: CommitteeError };

const deny = (error: CommitteeError): Decision => ({ allowed: false, error });

/**
 * The one place a console permission is decided. Without a target it answers "may this role
 * attempt the action at all" (the callables' first guard); with one, the country scope and the
 * two-person rule for publication.
 */
export function decide(actor: Actor, action: AuditAction, target?: Target): Decision {
  const roles = ROLES_FOR[action];
  if (!roles.includes(actor.role)) {
    return deny(
      new CommitteeError("permission-denied", "console.error.role", {
        roles: { keys: roles.map((r) => `console.role.${r}` as const) },
        role: { key: `console.role.${actor.role}` },
      }),
    );
  }
  if (!target) return { allowed: true };
  // A member works on their own country's records only: every country the record names,
  // before and after, must be theirs, and a record naming no country is not theirs.
  if (
    actor.role === "member" &&
    (target.countries.length === 0 || target.countries.some((country) => country !== actor.countryId))
  ) {
    return deny(new CommitteeError("permission-denied", "console.error.country", { country: actor.countryId ?? "" }));
  }
  // The committee invites representatives of its own country only, and never to the secretariat.
  if (
    action === "invitation.create" &&
    actor.role === "committee" &&
    (target.grantedRole === "secretariat" || target.countries.some((country) => country !== actor.countryId))
  ) {
    return deny(
      new CommitteeError("permission-denied", "console.error.inviteScope", { country: actor.countryId ?? "" }),
    );
  }
  // Publishing now or on a schedule: nobody publishes their own edit.
  if ((action.endsWith(".publish") || action.endsWith(".schedulePublish")) && target.lastEditorUid === actor.uid) {
    if (actor.role !== "secretariat") return deny(new CommitteeError("permission-denied", "console.error.ownEdit"));
    if (!target.reason) return deny(new CommitteeError("failed-precondition", "console.error.reasonRequired"));
  }
  return { allowed: true };
}

/** `decide`, throwing its error when the action is not allowed. */
export function assertAllowed(actor: Actor, action: AuditAction, target?: Target): void {
  const decision = decide(actor, action, target);
  if (!decision.allowed) throw decision.error;
}
