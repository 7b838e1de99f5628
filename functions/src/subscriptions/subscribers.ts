import type { DocumentSnapshot, Firestore } from "firebase-admin/firestore";
import { SUBSCRIPTIONS, type SubscriptionLimits } from "../config.js";
import type { Log } from "../log.js";
import {
  type Lang,
  LimitCounterSchema,
  SUBSCRIBERS_COLLECTION,
  SUBSCRIPTION_LIMITS_COLLECTION,
  type Subscriber,
  SubscriberSchema,
} from "../model/index.js";
import { enqueue } from "../notify/outbox.js";
import {
  CONFIRMATION_TOKEN,
  clientId,
  confirmationTokenHash,
  isUnsubscribeToken,
  newConfirmationToken,
  SUBSCRIBER_ID,
  subscriberId,
  UNSUBSCRIBE_TOKEN,
} from "./keys.js";
import { countRequest, type Limit } from "./limits.js";
import { logs } from "./logs.js";
import { confirmationMessage } from "./templates.js";

export interface SubscriptionDeps {
  db: Firestore;
  clock: () => Date;
  log: Log;
  /** The SUBSCRIPTION_KEY secret (config.ts). */
  key: string;
  /** The OUTBOX_KEY secret (config.ts), which seals the confirmation link in the queued email. */
  sealKey: string;
  /** The site's origin, the only one links in emails point to. */
  origin: string;
  /** The form's request limits; SUBSCRIPTIONS unless a test passes smaller ones. */
  limits?: SubscriptionLimits;
}

export const subscribers = (db: Firestore) => db.collection(SUBSCRIBERS_COLLECTION);
const limits = (db: Firestore) => db.collection(SUBSCRIPTION_LIMITS_COLLECTION);

const counterOf = (snapshot: DocumentSnapshot) =>
  snapshot.exists ? LimitCounterSchema.parse(snapshot.data()) : undefined;
const subscriberOf = (snapshot: DocumentSnapshot) =>
  snapshot.exists ? SubscriberSchema.parse(snapshot.data()) : undefined;

export type RequestOutcome = { status: "queued" } | { status: "limited"; scope: LimitScope; retryAtMs: number };

export type LimitScope = "client" | "address" | "global";

/** The one counter of every confirmation email the site sends in a window. */
const GLOBAL_COUNTER = "global-confirmations";

/**
 * A visitor asks for the news at `address`: counts the request against both limits, records a
 * pending confirmation and queues the confirmation email. The work is the same whether the
 * address is unknown, pending or already confirmed (one transaction reading the two counters and
 * the record and writing all three, then one email), so neither the answer nor its timing says
 * which; a confirmed subscriber who confirms again only changes the emails' language.
 */
export async function requestSubscription(
  deps: SubscriptionDeps,
  request: { address: string; lang: Lang; clientIp: string },
): Promise<RequestOutcome> {
  const { db, clock, log, key } = deps;
  const limit = deps.limits ?? SUBSCRIPTIONS;
  const id = subscriberId(key, request.address);
  const client = clientId(key, request.clientIp);
  const { token, hash } = newConfirmationToken();
  const clientRef = limits(db).doc(`client-${client}`);
  const addressRef = limits(db).doc(`address-${id}`);
  const globalRef = limits(db).doc(GLOBAL_COUNTER);
  const ref = subscribers(db).doc(id);
  const counted = (next: { windowStartMs: number; count: number }, limit: Limit) => ({
    ...next,
    expireAt: new Date(next.windowStartMs + limit.windowMs),
  });
  const outcome = await db.runTransaction(async (tx): Promise<RequestOutcome> => {
    const [clientSnap, addressSnap, globalSnap, snapshot] = await tx.getAll(clientRef, addressRef, globalRef, ref);
    const now = clock().getTime();
    const byClient = countRequest(clientSnap && counterOf(clientSnap), limit.perClient, now);
    if (byClient.limited) return { status: "limited", scope: "client", retryAtMs: byClient.retryAtMs };
    tx.set(clientRef, counted(byClient.next, limit.perClient));
    const byAddress = countRequest(addressSnap && counterOf(addressSnap), limit.perAddress, now);
    if (byAddress.limited) return { status: "limited", scope: "address", retryAtMs: byAddress.retryAtMs };
    // Checked before the address is counted: a request the site turns away for everyone's sake
    // does not use up one of that address's few confirmations.
    const overall = countRequest(globalSnap && counterOf(globalSnap), limit.global, now);
    if (overall.limited) return { status: "limited", scope: "global", retryAtMs: overall.retryAtMs };
    tx.set(addressRef, counted(byAddress.next, limit.perAddress));
    tx.set(globalRef, counted(overall.next, limit.global));
    const current = snapshot && subscriberOf(snapshot);
    const expiresAtMs = now + SUBSCRIPTIONS.confirmationTtlMs;
    const pending = {
      tokenHash: hash,
      expiresAtMs,
      address: request.address.trim(),
      lang: request.lang,
      requestedAtMs: now,
    };
    // Why a TTL while pending: a request nobody confirms leaves no address behind. A confirmed
    // subscriber keeps theirs until the new request is confirmed.
    const next: Subscriber =
      current?.status === "confirmed"
        ? { ...current, pending }
        : { status: "pending", pending, expireAt: new Date(expiresAtMs) };
    tx.set(ref, SubscriberSchema.parse(next));
    return { status: "queued" };
  });
  if (outcome.status === "limited") {
    logs.limited(log, outcome.scope, id, client);
    return outcome;
  }
  logs.requested(log, id, client);
  const address = request.address.trim();
  await enqueue(db, clock, log, {
    purpose: "subscription.confirm",
    occurrence: hash.slice(0, 32),
    recipient: { id: `subscriber:${id}`, address, lang: request.lang, timeZone: "UTC" },
    content: confirmationMessage(deps.origin, request.lang, id, token),
    seal: { key: deps.sealKey, tokens: [token] },
  });
  return outcome;
}

/** Whether a confirmation link is still good, without spending it (the page behind the link). */
export async function confirmationIsValid(deps: SubscriptionDeps, id: string, token: string): Promise<boolean> {
  if (!SUBSCRIBER_ID.test(id) || !CONFIRMATION_TOKEN.test(token)) return false;
  const current = subscriberOf(await subscribers(deps.db).doc(id).get());
  return pendingMatches(current, token, deps.clock().getTime());
}

function pendingMatches(current: Subscriber | undefined, token: string, nowMs: number): boolean {
  const pending = current?.pending;
  return pending !== undefined && pending.tokenHash === confirmationTokenHash(token) && nowMs < pending.expiresAtMs;
}

/**
 * The button behind a confirmation link: spends the token (single use) and makes the subscriber
 * confirmed, with the address and language of that request. False for an expired, used or
 * unknown token.
 */
export async function confirmSubscription(deps: SubscriptionDeps, id: string, token: string): Promise<boolean> {
  const { db, clock, log } = deps;
  if (!SUBSCRIBER_ID.test(id) || !CONFIRMATION_TOKEN.test(token)) {
    logs.refused(log, "confirm");
    return false;
  }
  const ref = subscribers(db).doc(id);
  const confirmed = await db.runTransaction(async (tx) => {
    const current = subscriberOf(await tx.get(ref));
    const now = clock().getTime();
    if (!current?.pending || !pendingMatches(current, token, now)) return false;
    const { address, lang } = current.pending;
    // Why the whole record is replaced: the pending request (and its TTL) goes, so the token is spent.
    tx.set(ref, SubscriberSchema.parse({ status: "confirmed", address, lang, confirmedAtMs: now }));
    return true;
  });
  if (confirmed) logs.confirmed(log, id);
  else logs.refused(log, "confirm");
  return confirmed;
}

/**
 * One-click unsubscribe (RFC 8058): with a token made by this key for this subscriber, the record
 * is deleted at once, address and all; doing it again changes nothing. False for a forged token.
 */
export async function unsubscribe(deps: SubscriptionDeps, id: string, token: string): Promise<boolean> {
  const { db, log, key } = deps;
  if (!SUBSCRIBER_ID.test(id) || !UNSUBSCRIBE_TOKEN.test(token) || !isUnsubscribeToken(key, id, token)) {
    logs.refused(log, "unsubscribe");
    return false;
  }
  await subscribers(db).doc(id).delete();
  logs.unsubscribed(log, id);
  return true;
}

/** Whether an unsubscribe link is one of ours (the page behind it checks before showing its button). */
export function unsubscribeLinkIsValid(key: string, id: string, token: string): boolean {
  return SUBSCRIBER_ID.test(id) && UNSUBSCRIBE_TOKEN.test(token) && isUnsubscribeToken(key, id, token);
}
