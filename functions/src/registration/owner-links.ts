import type { Firestore } from "firebase-admin/firestore";
import type { Registration } from "../model/index.js";
import { CONFIRMATION_TOKEN, confirmationTokenHash } from "../subscriptions/keys.js";
import { isCancellationToken, REGISTRATION_ID } from "./keys.js";
import { registrations } from "./store.js";

/** Shape of the keyed token of the status, cancel and claim links (22 base64url characters: 16 bytes). */
const OWNER_TOKEN = /^[A-Za-z0-9_-]{22}$/;

/**
 * The registration a status, cancel or claim link names, if its token was made with this key for
 * this id and the registration is for this event: a token of one event opens nothing of another.
 */
export async function ownerRegistration(
  deps: { db: Firestore; key: string },
  eventId: string,
  id: string,
  token: string,
): Promise<Registration | undefined> {
  if (!REGISTRATION_ID.test(id) || !OWNER_TOKEN.test(token) || !isCancellationToken(deps.key, id, token)) return;
  const registration = (await registrations(deps.db).doc(id).get()).data();
  return registration?.eventId === eventId ? registration : undefined;
}

/** Whether a confirmation link still confirms, without spending it (the page behind the link). */
export async function confirmationLinkState(
  deps: { db: Firestore; clock: () => Date },
  eventId: string,
  id: string,
  token: string,
): Promise<"valid" | "expired" | "invalid"> {
  if (!REGISTRATION_ID.test(id) || !CONFIRMATION_TOKEN.test(token)) return "invalid";
  const registration = (await registrations(deps.db).doc(id).get()).data();
  const status = registration?.status;
  if (registration?.eventId !== eventId || status?.state !== "pending") return "invalid";
  if (status.tokenHash !== confirmationTokenHash(token)) return "invalid";
  return deps.clock().getTime() < status.expiresAtMs ? "valid" : "expired";
}
