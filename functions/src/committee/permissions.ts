import type { AccountClaims, AuditAction, Role } from "../model/index.js";
import { CommitteeError } from "./errors.js";

/** The signed-in person acting, from the claims the accounts trigger set on their token. */
export type Actor = AccountClaims & { uid: string };

/** Who may attempt each action at all; the target then narrows it (country, own edit). */
export const ROLES_FOR: Record<AuditAction, readonly Role[]> = {
  "document.saveDraft": ["secretariat", "committee", "member"],
  "document.submit": ["secretariat", "committee", "member"],
  "document.publish": ["secretariat", "committee"],
  "document.unpublish": ["secretariat", "committee"],
  "document.archive": ["secretariat", "committee"],
  "document.restoreVersion": ["secretariat", "committee", "member"],
  "document.softDelete": ["secretariat", "committee", "member"],
  "document.undelete": ["secretariat", "committee", "member"],
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
  if (action === "document.publish" && target.lastEditorUid === actor.uid) {
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
