import type { Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { currentClaims } from "../committee/accounts/claims.js";

/**
 * The secretariat alone records hosting terms and decides on flagged emails. The role is read
 * from the caller's account on every call, as the console's other callables do, not from the
 * token's `role` claim: a token keeps its claims for up to an hour, and a person removed from
 * the secretariat must be refused from the next call.
 */
export async function requireSecretariat(
  db: Firestore,
  auth: { uid: string; token: Record<string, unknown> } | undefined,
): Promise<{ uid: string }> {
  if (!auth) throw new HttpsError("unauthenticated", "Sign in to the console first.");
  const { claims } = await currentClaims(db, auth.uid);
  if (claims?.role !== "secretariat") {
    throw new HttpsError("permission-denied", "Only the secretariat can do this.");
  }
  return { uid: auth.uid };
}
