import type { Auth } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import {
  ACCOUNTS_COLLECTION,
  type Account,
  type AccountClaims,
  AccountSchema,
  claimsFor,
  METADATA_COLLECTION,
  ROLES,
  type Role,
} from "../../model/index.js";
import { countryHoldsSeat } from "../seats/seats-store.js";

export interface ClaimsDeps {
  db: Firestore;
  auth: Auth;
  clock: () => Date;
}

export type ClaimsOutcome = "updated" | "unchanged" | "revoked" | "no-user";

// ROLES lists the roles from most to least powerful.
const rank = (role: Role) => ROLES.length - ROLES.indexOf(role);

/**
 * Whether an account change takes rights away, in which case the account's sessions end: an ID
 * token lives for an hour, and revoking the refresh tokens stops it from being renewed with the
 * old claims' standing.
 */
function losesRights(before: Account | undefined, after: Account | undefined): boolean {
  if (!before) return false;
  if (!after) return true;
  return rank(after.role) < rank(before.role) || after.countryId !== before.countryId;
}

/**
 * Whether the claims the token carries now give more than the account's claims as stored: a
 * committee representative whose country lost its seat drops to member with no one touching the
 * account, and loses the committee's reads as a demoted person does.
 */
function tokenLosesRights(current: Record<string, unknown> | undefined, next: AccountClaims | null): boolean {
  const role = ROLES.find((r) => r === current?.role);
  if (!role) return false;
  return !next || rank(next.role) < rank(role);
}

const sameClaims = (current: Record<string, unknown> | undefined, next: AccountClaims | null) =>
  JSON.stringify(current ?? null) === JSON.stringify(next);

/**
 * The account behind `uid` as stored now, and the claims it carries with its country's seat as
 * stored now: what the claims trigger mirrors into the token, and what the callables act on, so
 * a role change or a lost seat counts from the next call rather than when the token expires.
 * `null` claims for an account no person claims (or one that does not parse).
 */
export async function currentClaims(
  db: Firestore,
  uid: string,
): Promise<{ account: Account | undefined; claims: AccountClaims | null }> {
  const snap = await db.collection(ACCOUNTS_COLLECTION).doc(uid).get();
  const parsed = snap.exists ? AccountSchema.safeParse(snap.data()) : undefined;
  const account = parsed?.success ? parsed.data : undefined;
  const seat = account?.countryId ? await countryHoldsSeat(db, account.countryId) : false;
  return { account, claims: account ? claimsFor(account, seat) : null };
}

/**
 * Mirrors `accounts/{uid}` and its country's seat into the account's custom claims, and moves
 * `metadata/{uid}.refreshTime` when they change so a signed-in console refreshes its token.
 * `before` is the account as it was (from the trigger), to tell when rights were removed.
 */
export async function syncAccountClaims(deps: ClaimsDeps, uid: string, before?: Account): Promise<ClaimsOutcome> {
  const { db, auth, clock } = deps;
  const { account, claims } = await currentClaims(db, uid);

  const user = await auth.getUser(uid).catch((error: { code?: string }) => {
    // An account may be written before its person first signs in (an accepted invitation is
    // the usual order, but the secretariat can prepare one); the claims follow at sign-up.
    if (error.code === "auth/user-not-found") return undefined;
    throw error;
  });
  if (!user) return "no-user";

  const revoke = losesRights(before, account) || tokenLosesRights(user.customClaims, claims);
  if (sameClaims(user.customClaims, claims) && !revoke) return "unchanged";
  await auth.setCustomUserClaims(uid, claims);
  if (revoke) await auth.revokeRefreshTokens(uid);
  await db.collection(METADATA_COLLECTION).doc(uid).set({ refreshTime: clock().getTime() });
  return revoke ? "revoked" : "updated";
}

/** Re-syncs the claims of every account representing `countryId` (after its seat changed). */
export async function syncCountryClaims(deps: ClaimsDeps, countryId: string): Promise<string[]> {
  const accounts = await deps.db.collection(ACCOUNTS_COLLECTION).where("countryId", "==", countryId).get();
  const changed: string[] = [];
  for (const doc of accounts.docs) {
    if ((await syncAccountClaims(deps, doc.id)) !== "unchanged") changed.push(doc.id);
  }
  return changed;
}

/** The accounts trigger's work: `beforeData` is the account document before the write, if any. */
export function onAccountWritten(deps: ClaimsDeps, uid: string, beforeData: unknown): Promise<ClaimsOutcome> {
  const before = AccountSchema.safeParse(beforeData);
  return syncAccountClaims(deps, uid, before.success ? before.data : undefined);
}
