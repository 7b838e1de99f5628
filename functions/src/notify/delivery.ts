import { randomUUID } from "node:crypto";
import type { DocumentReference, Firestore, Timestamp, Transaction } from "firebase-admin/firestore";
import type { SendMailOptions } from "nodemailer";
import type { Log } from "../log.js";
import { stripUndefined } from "../model/collections.js";
import {
  type Delivery,
  type DeliveryState,
  type MessageKey,
  OUTBOX_COLLECTION,
  type OutboxMessage,
  OutboxMessageSchema,
  SETTLED_STATES,
  SUBSCRIBERS_COLLECTION,
  SubscriberSchema,
} from "../model/index.js";
import { logs } from "./logs.js";
import { reviewEntry, reviewRef } from "./review-queue.js";
import { openTokens } from "./seal.js";

/** What the outbox needs of a mail transport: nodemailer's sendMail, or a test's stand-in. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<{ messageId?: string; response?: string }>;
}

export interface RetryPolicy {
  /** Wait after the first temporary failure; doubled after each further one, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts before a message that keeps failing temporarily is declared failed. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 60_000, maxDelayMs: 3_600_000, maxAttempts: 8 };

/**
 * How long a claim holds. Longer than the SMTP timeouts added up (smtp.ts), so a live attempt
 * always finishes before the sweeper may take its message back.
 */
const DEFAULT_LEASE_MS = 5 * 60_000;

export interface DeliveryDeps {
  db: Firestore;
  clock: () => Date;
  transport: MailTransport;
  /** The From header, "Name <address>". */
  sender: string;
  log: Log;
  /** The OUTBOX_KEY secret, which opens the tokens a message carries sealed (seal.ts). */
  sealKey?: string;
  leaseMs?: number;
  retry?: RetryPolicy;
}

/** Firestore's FAILED_PRECONDITION: the document changed since it was read. */
export const FAILED_PRECONDITION = 9;

const outbox = (db: Firestore) => db.collection(OUTBOX_COLLECTION);

const parse = (data: unknown) => OutboxMessageSchema.parse(data);

/**
 * How long a settled message's key and delivery record stay before the TTL policy deletes them:
 * long enough to trace a message by its Message-ID when someone asks where it went, and for a
 * job run again within the month to find the key and queue nothing twice.
 */
export const SETTLED_RETENTION_MS = 30 * 24 * 3_600_000;

const isSettled = (state: DeliveryState) => (SETTLED_STATES as readonly DeliveryState[]).includes(state);

/** An update of `delivery` alone, for a message that may still be sent: it stays as it was queued. */
export const deliveryUpdate = (delivery: Delivery) => ({ delivery: stripUndefined(delivery) });

/**
 * Records a new delivery state inside a transaction that read `message`. A settled message is
 * rewritten without its address, texts and sealed tokens (nobody will send it again, so nobody
 * needs them), and expireAt hands the rest to the TTL policy. The secretariat's view follows
 * the flag: there while a person must decide, gone after.
 */
export function writeDelivery(
  tx: Transaction,
  db: Firestore,
  ref: DocumentReference,
  message: OutboxMessage,
  next: Delivery,
): void {
  if (isSettled(next.state)) {
    const { key, lang, createdAtMs } = message;
    const expireAt = new Date(next.updatedAtMs + SETTLED_RETENTION_MS);
    tx.set(ref, { key, lang, createdAtMs, delivery: stripUndefined(next), expireAt });
  } else {
    tx.update(ref, deliveryUpdate(next));
  }
  if (next.state === "unknown") tx.set(reviewRef(db, ref.id), reviewEntry(message, next));
  else if (message.delivery.state === "unknown") tx.delete(reviewRef(db, ref.id));
}

/** A claim on one message: who holds it and the write that took it (for the next precondition). */
export interface Claim {
  ref: DocumentReference;
  message: OutboxMessage;
  claimId: string;
  writeTime: Timestamp;
}

/**
 * Takes a message for one attempt, if it is waiting and due. Returns undefined when it is not:
 * sent already, held by another attempt, waiting for its backoff, failed or flagged.
 */
export async function claimMessage(deps: DeliveryDeps, id: string): Promise<Claim | undefined> {
  const { db, clock, log } = deps;
  const ref = outbox(db).doc(id);
  const snapshot = await ref.get();
  if (!snapshot.exists || !snapshot.updateTime) {
    logs.skipped(log, id, "missing");
    return undefined;
  }
  const message = parse(snapshot.data());
  const { delivery } = message;
  const now = clock().getTime();
  const due = (delivery.state === "pending" || delivery.state === "retrying") && (delivery.nextAttemptAtMs ?? 0) <= now;
  if (!due) {
    logs.skipped(log, id, delivery.state);
    return undefined;
  }
  const claimId = randomUUID();
  // Why sending with a lease: only one attempt may talk to the server about this message; if
  // the function dies, the lease runs out and the sweeper takes the message back.
  const claimed: Delivery = {
    state: "sending",
    attempts: delivery.attempts + 1,
    leaseExpiresAtMs: now + (deps.leaseMs ?? DEFAULT_LEASE_MS),
    claimId,
    handedOver: false,
    error: delivery.error,
    updatedAtMs: now,
  };
  try {
    // The precondition makes the read and the claim one step: of two triggers or sweepers that
    // read the same pending message, the second one's write fails here.
    const result = await ref.update(deliveryUpdate(claimed), { lastUpdateTime: snapshot.updateTime });
    logs.attempt(log, id, claimed.attempts);
    return { ref, message: { ...message, delivery: claimed }, claimId, writeTime: result.writeTime };
  } catch (error) {
    if ((error as { code?: unknown }).code !== FAILED_PRECONDITION) throw error;
    logs.skipped(log, id, delivery.state);
    return undefined;
  }
}

/**
 * Marks that this attempt is about to talk to the server. Until this mark, an attempt that dies
 * has certainly sent nothing and its message can be retried; after it, nobody can know.
 * Returns false if the claim was lost meanwhile (the lease ran out and the sweeper took it).
 */
export async function handOver(deps: DeliveryDeps, claim: Claim): Promise<boolean> {
  const delivery: Delivery = { ...claim.message.delivery, handedOver: true, updatedAtMs: deps.clock().getTime() };
  try {
    await claim.ref.update(deliveryUpdate(delivery), { lastUpdateTime: claim.writeTime });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code !== FAILED_PRECONDITION) throw error;
    logs.skipped(deps.log, claim.ref.id, "sending");
    return false;
  }
}

/** The name of a message's calendar file, as the person's mail client shows it. */
const CALENDAR_FILE = "event.ics";

/** The Message-ID of a queued message: the same on every attempt, so the receiving side and a reviewer can recognise a copy. */
function messageIdOf(id: string, sender: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(sender)?.[1] ?? "localhost";
  return `<${id}@${domain}>`;
}

/** What an SMTP failure means for the message. */
export type FailureKind = "temporary" | "permanent" | "unknown";

/**
 * Reads a nodemailer error by what is certain about it. A reply from the server settles it:
 * whether it answered MAIL FROM, RCPT TO, DATA or the end of the message, 4xx means "not now"
 * and 5xx "never", and in both cases the server has not taken the message. Without a reply, a
 * failure to connect, or a connection lost before the message's final "." left (`messageEnded`
 * false, from smtp.ts), sent nothing that a server may deliver: temporary. Only a connection
 * lost once the whole message was out, awaiting the reply, leaves it unknown whether the server
 * took it; so does a transport that cannot say how far it got.
 */
export function classifyFailure(error: unknown): {
  kind: FailureKind;
  reason: string;
  responseCode?: number;
  code?: string;
  command?: string;
} {
  const e = (error ?? {}) as {
    responseCode?: unknown;
    code?: unknown;
    command?: unknown;
    message?: unknown;
    syscall?: unknown;
    messageEnded?: unknown;
  };
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const code = typeof e.code === "string" ? e.code : undefined;
  const command = typeof e.command === "string" ? e.command : undefined;
  const reason = String(e.message ?? error).slice(0, 500);
  const as = (kind: FailureKind) => ({ kind, reason, responseCode, code, command });
  // Refused credentials are our configuration's fault, not the message's: retry while someone fixes them.
  if (code === "EAUTH") return as("temporary");
  if (responseCode !== undefined && responseCode >= 500) return as("permanent");
  if (responseCode !== undefined && responseCode >= 400) return as("temporary");
  if (code === "EDNS" || e.syscall === "connect" || /^connect /.test(reason)) return as("temporary");
  // Refused before any connection (no recipients, a malformed address): sending again cannot help.
  if (code === "EENVELOPE" || code === "EMESSAGE") return as("permanent");
  if (e.messageEnded === false) return as("temporary");
  return as("unknown");
}

/** When to try again after `attempts` attempts: exponential backoff, capped. */
function nextAttemptAt(nowMs: number, attempts: number, retry: RetryPolicy): number {
  return nowMs + Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

type Outcome =
  | { ok: true; messageId?: string; response?: string }
  | { ok: false; kind: FailureKind | "dropped"; reason: string; responseCode?: number; code?: string };

/**
 * Records what the server said. The lease may have run out during a slow conversation and the
 * sweeper flagged the message unknown meanwhile; the server's answer settles that, so an
 * `unknown` state held under our claim is resolved too.
 */
async function recordOutcome(deps: DeliveryDeps, claim: Claim, outcome: Outcome): Promise<DeliveryState | undefined> {
  const { db, clock } = deps;
  const retry = deps.retry ?? DEFAULT_RETRY;
  return db.runTransaction(async (tx) => {
    const snapshot = await tx.get(claim.ref);
    if (!snapshot.exists) return undefined;
    const message = parse(snapshot.data());
    const { delivery } = message;
    if (delivery.claimId !== claim.claimId || (delivery.state !== "sending" && delivery.state !== "unknown")) {
      return undefined;
    }
    const now = clock().getTime();
    const base = { attempts: delivery.attempts, claimId: delivery.claimId, updatedAtMs: now };
    let next: Delivery;
    if (outcome.ok) {
      // Why sent: the server replied 250 to the end of the message; it is its job now.
      next = { ...base, state: "sent", messageId: outcome.messageId, response: outcome.response, sentAtMs: now };
    } else if (outcome.kind === "temporary" && delivery.attempts < retry.maxAttempts) {
      // Why retrying: the server or the network said "not now"; the sweeper tries again after the backoff.
      next = {
        ...base,
        state: "retrying",
        error: outcome.reason,
        nextAttemptAtMs: nextAttemptAt(now, delivery.attempts, retry),
      };
    } else if (outcome.kind === "dropped") {
      // Why dropped: the message was never handed over, and its recipient asked for no more
      // (unsubscribed meanwhile). Sending it anyway would mail someone who said stop.
      next = { ...base, state: "dropped", error: outcome.reason };
    } else if (outcome.kind === "unknown") {
      // Why unknown: the connection broke after the message may have been accepted. Sending
      // again could deliver it twice, dropping it could lose it: a person decides (console).
      next = { ...base, state: "unknown", error: outcome.reason };
    } else {
      // Why failed: the server refused the message for good (5xx), or it kept failing
      // temporarily for every allowed attempt. Sending again would get the same answer.
      const reason =
        outcome.kind === "temporary"
          ? `gave up after ${delivery.attempts} attempts; last: ${outcome.reason}`
          : outcome.reason;
      next = { ...base, state: "failed", error: reason };
    }
    writeDelivery(tx, db, claim.ref, message, next);
    return next.state;
  });
}

/**
 * One delivery attempt of an outbox message, whoever calls it (the create trigger, the sweeper,
 * a duplicate of either): claims it, sends it, records the outcome. Returns the state it left
 * the message in, or undefined when there was nothing to do.
 */
export async function deliverMessage(deps: DeliveryDeps, id: string): Promise<DeliveryState | undefined> {
  const claim = await claimMessage(deps, id);
  if (!claim) return undefined;
  const prepared = await prepareMail(deps, id, claim.message);
  let outcome: Outcome;
  if (!prepared.ok) {
    // Decided before the hand-over mark: nothing was sent, so the outcome is certain.
    outcome = prepared;
  } else {
    if (!(await handOver(deps, claim))) return undefined;
    try {
      const info = await deps.transport.sendMail(prepared.mail);
      outcome = { ok: true, messageId: info.messageId, response: info.response };
    } catch (error) {
      outcome = { ok: false, ...classifyFailure(error) };
    }
  }
  const state = await recordOutcome(deps, claim, outcome);
  if (state)
    logs.outcome(
      deps.log,
      id,
      state,
      outcome.ok ? undefined : outcome.responseCode,
      outcome.ok ? undefined : outcome.code,
    );
  return state;
}

/**
 * The mail as SMTP gets it, or why it must not go: its recipient unsubscribed since it was
 * queued, or its sealed tokens do not open (a message that cannot carry its link is useless).
 */
async function prepareMail(
  deps: DeliveryDeps,
  id: string,
  message: OutboxMessage,
): Promise<{ ok: true; mail: SendMailOptions } | { ok: false; kind: "dropped" | "permanent"; reason: string }> {
  if (await recipientGone(deps.db, message.key)) {
    return { ok: false, kind: "dropped", reason: "the subscriber unsubscribed before the message went" };
  }
  const { to, subject, text, html, headers, calendar } = message;
  if (!to || !subject || !text || !html) return { ok: false, kind: "permanent", reason: "the message has no content" };
  let opened: { subject: string; text: string; html: string; headers?: Record<string, string> };
  try {
    opened = openTokens(deps.sealKey, id, { subject, text, html, headers }, message.sealed ?? []);
  } catch {
    return { ok: false, kind: "permanent", reason: "the message's sealed tokens do not open with this OUTBOX_KEY" };
  }
  return {
    ok: true,
    mail: {
      from: deps.sender,
      to: to.name ? { name: to.name, address: to.address } : to.address,
      ...opened,
      // Nodemailer sends the file twice, as calendar services send invitations: a text/calendar
      // alternative with its iTIP method, which mail clients offer to add to the calendar, and
      // an .ics attachment for those that read only attachments.
      ...(calendar
        ? { icalEvent: { method: calendar.method, filename: CALENDAR_FILE, content: calendar.content } }
        : {}),
      messageId: messageIdOf(id, deps.sender),
      // A bounce goes to the sender, never to an address taken from the message.
      envelope: { from: senderAddress(deps.sender), to: [to.address] },
    },
  };
}

/**
 * Whether a subscriber's message lost its recipient: unsubscribing deletes the subscriber's
 * record, and news goes to confirmed subscribers only (a confirmation, to one who asked).
 * Checked at send time because a publication queues its news for everyone at once, and a
 * retry may come hours later.
 */
async function recipientGone(db: Firestore, key: MessageKey): Promise<boolean> {
  const subscriberId = /^subscriber:([0-9a-f]{32})$/.exec(key.recipient)?.[1];
  if (!subscriberId) return false;
  const snapshot = await db.collection(SUBSCRIBERS_COLLECTION).doc(subscriberId).get();
  if (!snapshot.exists) return true;
  const subscriber = SubscriberSchema.safeParse(snapshot.data());
  if (!subscriber.success) return true;
  return key.purpose !== "subscription.confirm" && subscriber.data.status !== "confirmed";
}

function senderAddress(sender: string): string {
  return /<([^>]+)>\s*$/.exec(sender)?.[1] ?? sender.trim();
}
