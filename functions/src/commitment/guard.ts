import { HttpsError } from "firebase-functions/v2/https";

/**
 * The secretariat alone records hosting terms. The role is the `role` custom claim the console's
 * accounts carry; this is the one place that decides it for the commitment callables.
 */
export function requireSecretariat(auth: { uid: string; token: Record<string, unknown> } | undefined): { uid: string } {
  if (!auth) throw new HttpsError("unauthenticated", "Sign in to the console first.");
  if (auth.token.role !== "secretariat") {
    throw new HttpsError("permission-denied", "Only the secretariat can record hosting commitments.");
  }
  return { uid: auth.uid };
}
