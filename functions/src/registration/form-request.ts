import { randomBytes, randomInt } from "node:crypto";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { REGISTRATION_FORM, type RegistrationFormLimits } from "../config.js";
import type { Log } from "../log.js";
import { converterFor, type Event, LimitCounterSchema, type RegistrationRequest } from "../model/index.js";
import { enqueue } from "../notify/outbox.js";
import { clientId, confirmationTokenHash } from "../subscriptions/keys.js";
import { countRequest, type Limit } from "../subscriptions/limits.js";
import type { EventRefusal, RequestRefusal } from "./eligibility.js";
import { cancellationToken, registrationId } from "./keys.js";
import { registrationLinks } from "./links.js";
import { waitlistPosition } from "./positions.js";
import { cancellationHeaders, confirmationMail, statusMail } from "./request-mail.js";
import { requestRegistration } from "./requests.js";
import type { RegistrationRuntime } from "./runtime.js";
import { registrationSettings, registrations } from "./store.js";

/** Request counters of the registration form, per client, per address and event, and for the site. */
export const REGISTRATION_LIMITS_COLLECTION = "registrationLimits";

export interface RegistrationFormDeps extends RegistrationRuntime {
  /** The form's limits; REGISTRATION_FORM unless a test passes smaller ones. */
  limits?: RegistrationFormLimits;
}

export type LimitScope = "client" | "address" | "global";

/**
 * What the visitor is told. "sent" is the one answer for an address that was unknown, pending,
 * registered or on the waiting list: only the email, in the owner's mailbox, says which.
 */
export type AskOutcome =
  | { outcome: "sent" }
  | { outcome: "limited"; scope: LimitScope; retryAtMs: number }
  | { outcome: "refused"; reason: EventRefusal | RequestRefusal };

// Named log entries of the form: keyed hashes only (registration and client ids), never an
// address, an IP or a token.
const logs = {
  requested: (log: Log, registration: string, client: string, known: boolean) =>
    log({ severity: "INFO", message: "registration.requested", registration, client, known }),
  limited: (log: Log, scope: LimitScope, registration: string, client: string) =>
    log({ severity: "WARNING", message: `registration.limited: too many requests per ${scope}`, registration, client }),
};

const counterOf = (snapshot: DocumentSnapshot) =>
  snapshot.exists ? LimitCounterSchema.parse(snapshot.data()) : undefined;

/**
 * Counts one request against the three limits, in one transaction over their counters. The
 * site-wide count is spread over shards, each holding its share of the limit, so an opening
 * rush does not queue on one document.
 */
async function countAsk(
  deps: RegistrationFormDeps,
  registration: string,
  client: string,
): Promise<{ limited: false } | { limited: true; scope: LimitScope; retryAtMs: number }> {
  const { db, clock } = deps;
  const limits = deps.limits ?? REGISTRATION_FORM;
  const collection = db.collection(REGISTRATION_LIMITS_COLLECTION);
  const clientRef = collection.doc(`client-${client}`);
  const addressRef = collection.doc(`address-${registration}`);
  const globalRef = collection.doc(`global-${randomInt(limits.global.shards)}`);
  const shard: Limit = {
    max: Math.max(1, Math.floor(limits.global.max / limits.global.shards)),
    windowMs: limits.global.windowMs,
  };
  const counted = (next: { windowStartMs: number; count: number }, limit: Limit) => ({
    ...next,
    expireAt: new Date(next.windowStartMs + limit.windowMs),
  });
  return db.runTransaction(async (tx) => {
    const [clientSnap, addressSnap, globalSnap] = await tx.getAll(clientRef, addressRef, globalRef);
    const now = clock().getTime();
    const byClient = countRequest(clientSnap && counterOf(clientSnap), limits.perClient, now);
    if (byClient.limited) return { limited: true, scope: "client", retryAtMs: byClient.retryAtMs } as const;
    tx.set(clientRef, counted(byClient.next, limits.perClient));
    const byAddress = countRequest(addressSnap && counterOf(addressSnap), limits.perAddress, now);
    if (byAddress.limited) return { limited: true, scope: "address", retryAtMs: byAddress.retryAtMs } as const;
    // Before the address is counted: a request turned away for everyone's sake does not use up
    // one of that address's few emails.
    const overall = countRequest(globalSnap && counterOf(globalSnap), shard, now);
    if (overall.limited) return { limited: true, scope: "global", retryAtMs: overall.retryAtMs } as const;
    tx.set(addressRef, counted(byAddress.next, limits.perAddress));
    tx.set(globalRef, counted(overall.next, shard));
    return { limited: false } as const;
  });
}

/**
 * A visitor's request from the form, already checked against the schema: counted against the
 * limits, then recorded (registration/requests.ts). A new or pending address gets the double
 * opt-in email, with a fresh link; an address that already holds something gets the status of
 * its registration, never a second one. Both are one email, so the answer is the same.
 */
export async function askToRegister(
  deps: RegistrationFormDeps,
  eventId: string,
  request: RegistrationRequest,
  clientIp: string,
): Promise<AskOutcome> {
  const { db, clock, log, key, origin, sealKey } = deps;
  const id = registrationId(key, eventId, request.address);
  const client = clientId(key, clientIp);
  const limit = await countAsk(deps, id, client);
  if (limit.limited) {
    logs.limited(log, limit.scope, id, client);
    return { outcome: "limited", scope: limit.scope, retryAtMs: limit.retryAtMs };
  }
  const outcome = await requestRegistration(deps, eventId, request);
  if (outcome.outcome === "refused") return outcome;
  const event = (await db.collection("events").withConverter(converterFor("events")).doc(eventId).get()).data();
  if (!event) return { outcome: "refused", reason: "unknownEvent" };
  const cancel = cancellationToken(key, id);
  const cancelUrl = registrationLinks(origin, request.lang, eventId, id, key).cancel;
  if (outcome.outcome === "pending") {
    const to = { lang: request.lang, name: request.name, timeZone: request.timeZone ?? event.timeZone ?? "UTC" };
    await enqueue(db, clock, log, {
      purpose: "registration.confirm",
      occurrence: confirmationTokenHash(outcome.token).slice(0, 32),
      recipient: { id: `registration:${id}`, address: request.address, lang: to.lang, timeZone: to.timeZone },
      content: confirmationMail(origin, key, to, event, id, outcome.token),
      headers: cancellationHeaders(cancelUrl),
      seal: { key: sealKey, tokens: [outcome.token, cancel] },
    });
  } else {
    await sendStatus(deps, event, id, cancel);
  }
  logs.requested(log, id, client, outcome.outcome === "exists");
  return { outcome: "sent" };
}

/** The status email of a registration that already holds something, in the language it was made in. */
async function sendStatus(deps: RegistrationFormDeps, event: Event, id: string, cancel: string): Promise<void> {
  const { db, clock, log, key, origin, sealKey } = deps;
  const [registration, settings] = await Promise.all([
    registrations(db)
      .doc(id)
      .get()
      .then((snap) => snap.data()),
    registrationSettings(db)
      .doc(event.id)
      .get()
      .then((snap) => snap.data()),
  ]);
  if (!registration) return;
  const { status } = registration;
  const position = status.state === "waitlisted" ? await waitlistPosition(db, event.id, status.seq) : undefined;
  const links = registrationLinks(origin, registration.lang, event.id, id, key);
  await enqueue(db, clock, log, {
    purpose: "registration.status",
    // Each counted request is one email (the per-address limit bounds them), so a fresh occurrence.
    occurrence: randomBytes(12).toString("hex"),
    recipient: {
      id: `registration:${id}`,
      address: registration.address,
      lang: registration.lang,
      timeZone: registration.timeZone ?? event.timeZone ?? "UTC",
    },
    content: statusMail(origin, key, registration, event, settings ?? { privateSessions: [] }, id, position),
    headers: cancellationHeaders(links.cancel),
    seal: { key: sealKey, tokens: [cancel] },
  });
}
