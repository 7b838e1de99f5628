import { signal } from "@preact/signals";
import { onIdTokenChanged, type User } from "firebase/auth";
import { doc, getDoc } from "firebase/firestore/lite";
import { type AccountClaims, AccountClaimsSchema } from "../../functions/src/model/roles.js";
import type { Services } from "./firebase.js";

/** The Firebase services, once connected. */
export const services = signal<Services | undefined>(undefined);
/** undefined while Auth has not answered yet, null when nobody is signed in. */
export const user = signal<User | null | undefined>(undefined);
/** The claims the accounts trigger set; null for an account that no person claims. */
export const claims = signal<AccountClaims | null>(null);

/** Follows the signed-in account and its claims. */
export function watchSession(s: Services) {
  services.value = s;
  // The documented custom-claims pattern: the claims trigger moves metadata/{uid}.refreshTime
  // whenever the account's role, country or seat changes, and the console then takes a new
  // token instead of acting on stale claims for up to an hour. The console reads Firestore with
  // the lite SDK (the full one would double its JavaScript), so it looks at that time when the
  // tab comes back into view and every half minute, rather than listening.
  let seenRefresh: number | undefined;
  const checkClaims = async () => {
    const current = s.auth.currentUser;
    if (!current || document.visibilityState !== "visible") return;
    const snap = await getDoc(doc(s.db, "metadata", current.uid)).catch(() => undefined);
    const refreshTime = snap?.get("refreshTime") as number | undefined;
    if (seenRefresh !== undefined && refreshTime !== seenRefresh) await current.getIdToken(true);
    seenRefresh = refreshTime;
  };
  document.addEventListener("visibilitychange", () => void checkClaims());
  setInterval(() => void checkClaims(), 30_000);
  onIdTokenChanged(s.auth, async (next) => {
    if (!next) {
      seenRefresh = undefined;
      claims.value = null;
      user.value = null;
      return;
    }
    if (seenRefresh === undefined) void checkClaims();
    const token = await next.getIdTokenResult();
    const parsed = AccountClaimsSchema.safeParse({
      role: token.claims.role,
      memberId: token.claims.memberId,
      countryId: token.claims.countryId,
      seat: token.claims.seat,
    });
    claims.value = parsed.success ? parsed.data : null;
    user.value = next;
  });
}
