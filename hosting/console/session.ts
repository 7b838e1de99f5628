import { signal } from "@preact/signals";
import { onIdTokenChanged, type User } from "firebase/auth";
import { doc, getDoc } from "firebase/firestore/lite";
import { httpsCallable } from "firebase/functions";
import { type AccountClaims, AccountClaimsSchema } from "../../functions/src/model/roles.js";
import type { Services } from "./firebase.js";
import { lang } from "./i18n/index.js";

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

/** What a refused call says: the message (already in the person's language) and the bad fields. */
export interface CallFailure {
  code: string;
  message: string;
  /** Field path (as in the form, without the payload's wrapper) → message. */
  fields: Record<string, string>;
  details: Record<string, unknown>;
}

export class CallError extends Error {
  constructor(readonly failure: CallFailure) {
    super(failure.message);
  }
}

/**
 * Calls the console callable `committee-<name>` with the interface language, so its errors come
 * back translated; a refusal becomes a CallError naming each bad field.
 */
export function call<R>(name: string, payload: Record<string, unknown>): Promise<R> {
  return callFunction<R>(`committee-${name}`, { ...payload, lang: lang.value });
}

/**
 * Calls any deployed callable by its full name with the payload as given (the commitment and
 * outbox callables take no `lang`); a refusal becomes a CallError as with `call`.
 */
export async function callFunction<R>(name: string, payload: Record<string, unknown>): Promise<R> {
  const s = services.value;
  if (!s) throw new Error("Firebase is not connected");
  try {
    const result = await httpsCallable<unknown, R>(s.functions, name)(payload);
    return result.data;
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: Record<string, unknown> };
    const details = e.details ?? {};
    const list = Array.isArray(details.fields) ? (details.fields as { path: string; message: string }[]) : [];
    const fields = Object.fromEntries(list.map((f) => [f.path.replace(/^document\./, ""), f.message]));
    throw new CallError({
      code: String(e.code ?? "unknown").replace(/^functions\//, ""),
      // The SDK appends the HTTP status ("… [403]"); the person needs only the sentence.
      message: (e.message ?? String(error)).replace(/ \[\d{3}\]$/, ""),
      fields,
      details,
    });
  }
}
