import { createHash, randomBytes } from "node:crypto";
import type { Transaction } from "firebase-admin/firestore";
import { z } from "zod";
import { DAY_MS } from "../../calendar/days.js";
import { INVITATION_TTL_DAYS } from "../../config.js";
import {
  ACCOUNTS_COLLECTION,
  AccountSchema,
  COLLECTIONS,
  CountryCodeSchema,
  IdSchema,
  INVITATIONS_COLLECTION,
  type Invitation,
  InvitationSchema,
  LangSchema,
  MemberSchema,
  ReasonSchema,
  RoleSchema,
  stripUndefined,
} from "../../model/index.js";
import { queueInvitationMail } from "../../notify/invitation-mail.js";
import { appendAudit } from "../audit/audit-log.js";
import type { SignedIn } from "../callable.js";
import type { CommitteeDeps } from "../deps.js";
import { assertAllowed, CommitteeError } from "../errors.js";
import type { Actor } from "../permissions.js";

export const InvitePayloadSchema = z
  .object({
    lang: LangSchema.optional(),
    email: z.email("must be an email address").max(254),
    role: RoleSchema,
    countryId: CountryCodeSchema.optional(),
    memberId: IdSchema,
    name: z.string().trim().min(1).max(200),
    /** The language the invited person reads (their console, their email). */
    inviteeLang: LangSchema.default("es"),
    /**
     * Why the secretariat links this address to a person who already has an account (the new
     * account replaces the earlier one on acceptance); required then, and kept in the audit log.
     */
    reason: ReasonSchema.optional(),
  })
  .strict()
  .refine((i) => i.role === "secretariat" || i.countryId !== undefined, {
    message: "a country's representative needs the country",
    path: ["countryId"],
  });

export const AcceptPayloadSchema = z
  .object({
    lang: LangSchema.optional(),
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be the invitation code from the link"),
  })
  .strict();

/**
 * The link an invited person opens: the console's page at the root of its own origin, with the
 * token in the fragment, which browsers send to no server (no access log
 * or Referer ever carries it).
 *
 * @example invitationUrl("https://console.compraspublicas.org", token) // "https://console.compraspublicas.org/#invitation=<token>"
 */
export function invitationUrl(consoleOrigin: string, token: string): string {
  return `${new URL(consoleOrigin).origin}/#invitation=${encodeURIComponent(token)}`;
}

/** The invitation's document id: the token's SHA-256, so the stored record cannot be replayed. */
export const invitationId = (token: string) => createHash("sha256").update(token).digest("hex");

/** The accounts linked to a person now: one at most, but earlier data may hold more. */
const accountsOf = (deps: CommitteeDeps, tx: Transaction, memberId: string) =>
  tx.get(deps.db.collection(ACCOUNTS_COLLECTION).where("memberId", "==", memberId));

/**
 * Creates a single-use, expiring invitation and returns its token, which exists nowhere else,
 * and its link on the console's origin: the invite callable mails it to the invited address and
 * the console shows it once, to copy. The audit entry (without the token) is what notifications
 * react to.
 *
 * One person, one account: the committee invites a new person, or a person of its own country
 * who has no account, and only as member (the permission table); linking another account to a
 * person who has one is the secretariat's act, with a reason.
 */
export async function invite(
  deps: CommitteeDeps & { consoleOrigin: string },
  actor: Actor,
  input: z.infer<typeof InvitePayloadSchema>,
) {
  const { db, clock } = deps;
  assertAllowed(actor, "invitation.create", {
    countries: input.countryId ? [input.countryId] : [],
    grantedRole: input.role,
  });
  if (input.reason && actor.role !== "secretariat") {
    throw new CommitteeError("permission-denied", "console.error.personHasAccount");
  }
  const token = randomBytes(32).toString("base64url");
  const now = clock();
  const invitation: Invitation = InvitationSchema.parse({
    email: input.email.toLowerCase(),
    role: input.role,
    countryId: input.countryId,
    memberId: input.memberId,
    name: input.name,
    lang: input.inviteeLang,
    invitedBy: actor.memberId,
    linkReason: input.reason,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS).toISOString(),
  });
  const id = invitationId(token);
  await db.runTransaction(async (tx) => {
    if (input.countryId && !(await tx.get(db.collection(COLLECTIONS.countries.path).doc(input.countryId))).exists) {
      throw new CommitteeError("not-found", "console.error.countryNotFound", { country: input.countryId });
    }
    const [person, linked] = await Promise.all([
      tx.get(db.collection(COLLECTIONS.members.path).doc(input.memberId)),
      accountsOf(deps, tx, input.memberId),
    ]);
    if (actor.role !== "secretariat" && person.exists && person.get("countryId") !== actor.countryId) {
      throw new CommitteeError("permission-denied", "console.error.personOtherCountry", {
        country: actor.countryId ?? "",
      });
    }
    if (!linked.empty && !input.reason) {
      throw new CommitteeError(
        actor.role === "secretariat" ? "failed-precondition" : "permission-denied",
        "console.error.personHasAccount",
      );
    }
    tx.create(db.collection(INVITATIONS_COLLECTION).doc(id), stripUndefined(invitation));
    appendAudit(db, tx, {
      at: now.toISOString(),
      actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
      action: "invitation.create",
      target: { collection: INVITATIONS_COLLECTION, id },
      countryIds: input.countryId ? [input.countryId] : [],
      before: null,
      after: stripUndefined(invitation),
      reason: input.reason,
    });
  });
  if (deps.notices) {
    try {
      await queueInvitationMail({ db, clock, ...deps.notices }, { id, token, record: invitation });
    } catch (error) {
      // The invitation stands: the console shows its link to copy, and the log says why no email.
      deps.notices.log({
        severity: "ERROR",
        message: "invitation.mail: not queued",
        id,
        error: error instanceof Error ? error.name : "unknown",
      });
    }
  }
  return { invitationId: id, token, link: invitationUrl(deps.consoleOrigin, token), expiresAt: invitation.expiresAt };
}

/**
 * Accepts an invitation: the signed-in account must carry the invited email, proved (verified by
 * a link sent to it, or signed in with one): whoever holds the link, the inviter or a reader of
 * the outbox, cannot register the address with a password and take it. The account is linked to
 * the person (created if new) and the invitation is used up, in one transaction; a person keeps
 * one account, so an earlier one is unlinked only when the secretariat's invitation said why. The
 * accounts trigger then gives the claims (and ends the unlinked account's sessions).
 */
export async function acceptInvitation(
  deps: CommitteeDeps,
  caller: SignedIn,
  input: z.infer<typeof AcceptPayloadSchema>,
) {
  const { db, clock } = deps;
  const ref = db.collection(INVITATIONS_COLLECTION).doc(invitationId(input.token));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw new CommitteeError("not-found", "console.error.invitationNotFound");
    const invitation = InvitationSchema.parse(snap.data());
    const now = clock();
    if (invitation.acceptedBy) throw new CommitteeError("failed-precondition", "console.error.invitationUsed");
    if (Date.parse(invitation.expiresAt) <= now.getTime()) {
      throw new CommitteeError("failed-precondition", "console.error.invitationExpired", {
        date: invitation.expiresAt.slice(0, 10),
      });
    }
    if (caller.email?.toLowerCase() !== invitation.email) {
      throw new CommitteeError("permission-denied", "console.error.invitationEmail", { email: invitation.email });
    }
    if (!caller.emailVerified) {
      throw new CommitteeError("failed-precondition", "console.error.emailUnverified", { email: invitation.email });
    }
    const accountRef = db.collection(ACCOUNTS_COLLECTION).doc(caller.uid);
    const personRef = db.collection(COLLECTIONS.members.path).doc(invitation.memberId);
    const [account, person, earlier] = await Promise.all([
      tx.get(accountRef),
      tx.get(personRef),
      accountsOf(deps, tx, invitation.memberId),
    ]);
    if (account.exists) throw new CommitteeError("failed-precondition", "console.error.alreadyLinked");
    if (!earlier.empty && !invitation.linkReason) {
      throw new CommitteeError("failed-precondition", "console.error.personHasAccount");
    }

    const linked = AccountSchema.parse({
      id: caller.uid,
      memberId: invitation.memberId,
      role: invitation.role,
      countryId: invitation.countryId,
      lang: invitation.lang,
    });
    if (!person.exists) {
      tx.create(
        personRef,
        stripUndefined(
          MemberSchema.parse({
            id: invitation.memberId,
            name: invitation.name,
            countryId: invitation.countryId,
            preferredLanguage: invitation.lang,
            timeZone: "UTC",
            // Nobody appears publicly until they choose to.
            public: false,
            source: `Invitation accepted in the console on ${now.toISOString().slice(0, 10)}`,
          }),
        ),
      );
    }
    tx.create(accountRef, stripUndefined(linked));
    for (const replaced of earlier.docs) {
      tx.delete(replaced.ref);
      appendAudit(db, tx, {
        at: now.toISOString(),
        actor: { memberId: invitation.invitedBy, role: "secretariat" },
        action: "account.changeRole",
        target: { collection: ACCOUNTS_COLLECTION, id: replaced.id },
        countryIds: [replaced.get("countryId")].filter((c): c is string => typeof c === "string"),
        before: replaced.data(),
        after: null,
        reason: invitation.linkReason,
      });
    }
    const used = { ...invitation, acceptedBy: invitation.memberId, acceptedAt: now.toISOString() };
    tx.set(ref, stripUndefined(InvitationSchema.parse(used)));
    appendAudit(db, tx, {
      at: now.toISOString(),
      actor: { uid: caller.uid, memberId: invitation.memberId, role: invitation.role },
      action: "invitation.accept",
      target: { collection: INVITATIONS_COLLECTION, id: ref.id },
      countryIds: invitation.countryId ? [invitation.countryId] : [],
      before: stripUndefined(invitation),
      after: stripUndefined(used),
      reason: invitation.linkReason,
    });
    return { memberId: linked.memberId, role: linked.role, countryId: linked.countryId ?? null };
  });
}
