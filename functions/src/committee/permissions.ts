import type { MessageKey } from "../i18n/index.js";
// Only the model's pure schemas: the console's bundle imports this table for its menu and buttons.
import {
  type AuditAction,
  RECORD_ACTIONS,
  RECORD_TYPES,
  type RecordAction,
  type RecordAuditAction,
  type RecordType,
} from "../model/audit.js";
import type { AccountClaims, Role } from "../model/roles.js";

/** The signed-in person acting, from their account and its country's seat. */
export type Actor = AccountClaims & { uid: string };

/**
 * Every action a console callable performs (the audited ones, the hosting commitment's and the
 * outbox review's), and the screens whose content only some roles may read (as the rules say).
 */
export type ConsoleAction =
  | AuditAction
  | "commitment.activate"
  | "commitment.renew"
  | "commitment.handOver"
  | "commitment.setHandoverItem"
  | "outbox.resolveReview"
  | "record.checkId"
  | "audit.read"
  | "seat.read"
  | "commitment.read"
  | "directory.status"
  | "registration.read"
  | "delegation.read"
  // At the door and after (registration/door/).
  | "door.checkIn"
  | "figures.count"
  | "figures.publish";

const EVERYONE = ["secretariat", "committee", "member"] as const;
const PUBLISHERS = ["secretariat", "committee"] as const;
const SECRETARIAT = ["secretariat"] as const;
const DELEGATION_NAMERS = ["committee", "member"] as const;

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
export const ROLES_FOR: Record<ConsoleAction, readonly Role[]> = {
  ...(Object.fromEntries(
    RECORD_TYPES.flatMap((type) => RECORD_ACTIONS.map((action) => [`${type}.${action}`, RECORD_ROLES[type][action]])),
  ) as Record<RecordAuditAction, readonly Role[]>),
  "seat.rule": [],
  "seat.set": SECRETARIAT,
  "invitation.create": PUBLISHERS,
  "invitation.accept": EVERYONE,
  "account.changeRole": SECRETARIAT,
  // The secretariat alone records hosting terms and decides on flagged emails.
  "commitment.activate": SECRETARIAT,
  "commitment.renew": SECRETARIAT,
  "commitment.handOver": SECRETARIAT,
  "commitment.setHandoverItem": SECRETARIAT,
  "outbox.resolveReview": SECRETARIAT,
  // Whether a new record's id is free: whoever drafts some kind asks before saving (the kind's
  // own saveDraft is then asked too), since a member cannot read other countries' drafts.
  "record.checkId": EVERYONE,
  // The audit log, the seats and the hosting commitment are read by those who review and publish.
  "audit.read": PUBLISHERS,
  "seat.read": PUBLISHERS,
  "commitment.read": PUBLISHERS,
  // Every representative keeps their own directory entry (the callables take no person: it is
  // always the caller's); who has not confirmed theirs, and each country's completeness, is for
  // those who keep the directory yearly.
  "directory.update": EVERYONE,
  "directory.confirm": EVERYONE,
  "directory.status": PUBLISHERS,
  // Registration follows the events it belongs to: the committee's work (and the secretariat's),
  // who open it and read who registered; approving a category is the secretariat's alone.
  "registration.open": PUBLISHERS,
  "registration.read": PUBLISHERS,
  "registration.approve": SECRETARIAT,
  "registration.decline": SECRETARIAT,
  // Delegations: the representatives of a country name and submit its own (the target's
  // country must be theirs, whatever their role); the secretariat accredits or returns; everyone
  // lists what they may read (every country's for the committee and the secretariat).
  "delegation.save": DELEGATION_NAMERS,
  "delegation.submit": DELEGATION_NAMERS,
  "delegation.accredit": SECRETARIAT,
  "delegation.return": SECRETARIAT,
  "delegation.read": EVERYONE,
  // Withdrawing a person is the naming undone: the same representatives, of the same country.
  "delegation.withdraw": DELEGATION_NAMERS,
  // At the door: the committee and the secretariat staff it (registrations stay closed to
  // clients); the figures counted from attendance are published as any record is, by a second
  // person (the ".publish" rule in decide).
  "door.checkIn": PUBLISHERS,
  "figures.count": PUBLISHERS,
  "figures.publish": PUBLISHERS,
};

/** Whether a role may attempt an action at all (the console's menu and buttons ask this). */
export const mayAttempt = (role: Role, action: ConsoleAction): boolean => ROLES_FOR[action].includes(role);

/** What an action touches, as far as permissions care. */
export interface Target {
  /** Every country the record concerns, before and after the change. */
  countries: readonly string[];
  /**
   * The person (member id, whichever of their accounts they used) who last changed the record's
   * content, and the person who sent it for review, if known: neither may publish it.
   */
  lastEditor?: string;
  submitter?: string;
  /** The reason given with the request, if any. */
  reason?: string;
  /** The role an invitation or a role change would give. */
  grantedRole?: Role;
}

export type RefusalCode =
  | "unauthenticated"
  | "permission-denied"
  | "invalid-argument"
  | "failed-precondition"
  | "not-found"
  | "already-exists";

/** A message parameter: literal text, or a catalogue key (or keys) translated in the caller's language. */
export type MessageParam =
  | string
  | number
  | { key: MessageKey }
  | { keys: MessageKey[] }
  /** An instant (ISO 8601), written in the reader's language and time zone. */
  | { moment: string };

/** Why an action is refused, as data: a code and a catalogue message, translated where it is shown. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly key: MessageKey;
  readonly params: Record<string, MessageParam>;
  /** Machine-readable details for the console (field paths, the conflicting version). */
  readonly details?: Record<string, unknown>;
}

export type Decision = { allowed: true } | { allowed: false; error: Refusal };

const deny = (code: RefusalCode, key: MessageKey, params: Record<string, MessageParam> = {}): Decision => ({
  allowed: false,
  error: { code, key, params },
});

/**
 * The one place a console permission is decided. Without a target it answers "may this role
 * attempt the action at all" (the callables' first guard, the console's menu); with one, the
 * country scope and the two-person rule for publication.
 */
export function decide(actor: Actor, action: ConsoleAction, target?: Target): Decision {
  const roles = ROLES_FOR[action];
  if (!roles.includes(actor.role)) {
    return deny("permission-denied", "console.error.role", {
      roles: { keys: roles.map((r) => `console.role.${r}` as const) },
      role: { key: `console.role.${actor.role}` },
    });
  }
  if (!target) return { allowed: true };
  // A member works on their own country's records only: every country the record names,
  // before and after, must be theirs, and a record naming no country is not theirs.
  if (
    actor.role === "member" &&
    (target.countries.length === 0 || target.countries.some((country) => country !== actor.countryId))
  ) {
    return deny("permission-denied", "console.error.country", { country: actor.countryId ?? "" });
  }
  // The committee invites members of its own country only: a role that reviews and publishes is
  // the secretariat's to give, or one committee member could make themselves a second publisher.
  if (
    action === "invitation.create" &&
    actor.role === "committee" &&
    (target.grantedRole !== "member" ||
      target.countries.length === 0 ||
      target.countries.some((country) => country !== actor.countryId))
  ) {
    return deny("permission-denied", "console.error.inviteScope", { country: actor.countryId ?? "" });
  }
  // A delegation is named by its own country's representatives only, committee ones included:
  // a seat on the committee gives no say over another country's delegates.
  if (
    (action === "delegation.save" || action === "delegation.submit" || action === "delegation.withdraw") &&
    (target.countries.length === 0 || target.countries.some((country) => country !== actor.countryId))
  ) {
    return deny("permission-denied", "console.delegation.country", { country: actor.countryId ?? "" });
  }
  // Publishing now or on a schedule takes two persons: neither the person who last changed the
  // content nor the one who submitted it publishes it, from whichever of their accounts.
  if (action.endsWith(".publish") || action.endsWith(".schedulePublish")) {
    const own =
      target.lastEditor === actor.memberId ? "ownEdit" : target.submitter === actor.memberId ? "ownSubmission" : null;
    if (own && actor.role !== "secretariat") return deny("permission-denied", `console.error.${own}`);
    if (own && !target.reason) return deny("failed-precondition", "console.error.reasonRequired");
  }
  return { allowed: true };
}
