import { FieldValue, type Firestore } from "firebase-admin/firestore";
import {
  converterFor,
  RegistrationRequestSchema,
  type RegistrationState,
  type RegistrationStatus,
} from "../model/index.js";
import { CONFIRMATION_TOKEN, confirmationTokenHash, newConfirmationToken } from "../subscriptions/keys.js";
import { registrationExpiry } from "./door/retention.js";
import { type EventRefusal, eventRefusal, type RequestRefusal, requestRefusal } from "./eligibility.js";
import { normalizeAddress, REGISTRATION_ID, registrationId } from "./keys.js";
import { RUSH_RETRIES, registrationSettings, registrations } from "./store.js";

export interface RegistrationDeps {
  db: Firestore;
  clock: () => Date;
  /** REGISTRATION_KEY (config.ts): keys the records' ids and the cancellation links. */
  key: string;
}

/** How long the link of the confirmation email works. */
export const CONFIRMATION_TTL_MS = 48 * 3_600_000;

export type RequestOutcome =
  | { outcome: "pending"; id: string; token: string }
  | { outcome: "exists"; id: string; state: RegistrationState }
  | { outcome: "refused"; reason: EventRefusal | RequestRefusal };

async function eventAndSettings(db: Firestore, eventId: string) {
  const [event, settings] = await Promise.all([
    db.collection("events").withConverter(converterFor("events")).doc(eventId).get(),
    registrationSettings(db).doc(eventId).get(),
  ]);
  return { event: event.data(), settings: settings.data() };
}

/**
 * A visitor's request: records it as pending with a fresh confirmation token (returned for the
 * email, only its hash stored). An address that already holds something (a place, a number on
 * the waiting list, a confirmation being decided) gets nothing new: the record is keyed by the
 * address, so there is no second one to make. Refused for an event that takes no registration.
 */
export async function requestRegistration(
  deps: RegistrationDeps,
  eventId: string,
  input: unknown,
): Promise<RequestOutcome> {
  const request = RegistrationRequestSchema.parse(input);
  const { db, clock, key } = deps;
  const now = clock();
  const { event, settings } = await eventAndSettings(db, eventId);
  const refused = eventRefusal(event, settings, now);
  if (refused) return { outcome: "refused", reason: refused };
  const unfit = event && settings ? requestRefusal(event, settings, request) : undefined;
  if (unfit) return { outcome: "refused", reason: unfit };

  const id = registrationId(key, eventId, request.address);
  const ref = registrations(db).doc(id);
  // In a rush the allocator's query holds locks over the confirmations it reads; a confirmation
  // that lost to it five times (the default) would show the person an error, so it retries as
  // long as the allocator does.
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    // Pending may be asked again (a lost email); cancelled may register anew, at the end of the line.
    if (current && current.status.state !== "pending" && current.status.state !== "cancelled")
      return { outcome: "exists", id, state: current.status.state } as const;
    const { token, hash } = newConfirmationToken();
    tx.set(ref, {
      eventId,
      ...request,
      address: normalizeAddress(request.address),
      requestedAtMs: now.getTime(),
      status: { state: "pending", tokenHash: hash, expiresAtMs: now.getTime() + CONFIRMATION_TTL_MS },
      // Firestore's TTL deletes the record a set time after the event (door/retention.ts).
      expireAt: registrationExpiry(event, now),
    });
    return { outcome: "pending", id, token } as const;
  });
}

export type ConfirmOutcome =
  | { outcome: "confirming"; id: string }
  /** The category needs the secretariat's approval before the allocator decides (see approval.ts). */
  | { outcome: "awaitingApproval"; id: string }
  | { outcome: "already"; id: string; state: RegistrationState }
  | { outcome: "invalid" }
  | { outcome: "expired" }
  | { outcome: "refused"; reason: EventRefusal };

/**
 * The click on the confirmation email's button: the registration becomes "confirming", stamped
 * by Firestore at commit. It writes only the person's own record, so any number of people can
 * confirm at once; the allocator decides place or waiting list in the order of those stamps. A
 * second click changes nothing.
 */
export async function confirmRegistration(
  deps: Omit<RegistrationDeps, "key">,
  eventId: string,
  id: string,
  token: string,
): Promise<ConfirmOutcome> {
  if (!REGISTRATION_ID.test(id) || !CONFIRMATION_TOKEN.test(token)) return { outcome: "invalid" };
  const { db, clock } = deps;
  const now = clock();
  // The event and its settings change rarely; read outside the transaction so a rush of
  // confirmations does not lock them.
  const { event, settings } = await eventAndSettings(db, eventId);
  const ref = registrations(db).doc(id);
  // In a rush the allocator's query holds locks over the confirmations it reads; a confirmation
  // that lost to it five times (the default) would show the person an error, so it retries as
  // long as the allocator does.
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (current === undefined || current.eventId !== eventId || current.status.state === "cancelled")
      return { outcome: "invalid" } as const;
    if (current.status.state !== "pending") return { outcome: "already", id, state: current.status.state } as const;
    if (confirmationTokenHash(token) !== current.status.tokenHash) return { outcome: "invalid" } as const;
    if (now.getTime() >= current.status.expiresAtMs) return { outcome: "expired" } as const;
    const refused = eventRefusal(event, settings, now);
    if (refused) return { outcome: "refused", reason: refused } as const;
    // A category needing approval waits for the secretariat, unstamped: its place in the order
    // is the moment it is approved (committee/registrations/approval.ts).
    if (settings?.approvalCategories.includes(current.category)) {
      const waiting: RegistrationStatus = { state: "awaitingApproval", atMs: now.getTime() };
      tx.update(ref, { status: waiting });
      return { outcome: "awaitingApproval", id } as const;
    }
    const status: RegistrationStatus = { state: "confirming" };
    // Only the fields this step owns; the server timestamp orders the confirmation.
    tx.update(ref, { status, confirmedAt: FieldValue.serverTimestamp() });
    return { outcome: "confirming", id } as const;
  }, RUSH_RETRIES);
}
