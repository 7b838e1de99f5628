import { createHash } from "node:crypto";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import type { Log } from "../log.js";
import { stripUndefined } from "../model/collections.js";
import {
  type MessageKey,
  MessageKeySchema,
  OUTBOX_COLLECTION,
  type OutboxCalendar,
  type OutboxMessage,
  OutboxMessageSchema,
  type Recipient,
} from "../model/index.js";
import { NotifyError, parseOrRefuse } from "./errors.js";
import { logs } from "./logs.js";
import type { Composed } from "./mail/compose.js";
import { sealTokens } from "./seal.js";

/** Firestore's ALREADY_EXISTS status, which create() raises when the id is taken. */
const ALREADY_EXISTS = 6;

/**
 * The outbox document id of a message: a hash of its idempotency key, so the key decides the
 * id and a second create() of the same message fails instead of queuing a copy.
 */
export function outboxId(key: MessageKey): string {
  const { purpose, recipient, occurrence } = MessageKeySchema.parse(key);
  return createHash("sha256")
    .update(JSON.stringify([purpose, recipient, occurrence]))
    .digest("hex")
    .slice(0, 40);
}

export interface NewMessage {
  purpose: string;
  occurrence: string;
  recipient: Recipient;
  content: Composed;
  headers?: Record<string, string>;
  /** A calendar file to send with it; it must not carry any of the sealed tokens. */
  calendar?: OutboxCalendar;
  /**
   * The live tokens the content carries (a confirmation, invitation or unsubscribe token) and
   * the OUTBOX_KEY secret that seals them: the stored message holds a placeholder instead
   * (seal.ts), so no copy of the database holds a usable link.
   */
  seal?: { key: string; tokens: string[] };
}

/**
 * Queues one message. A message with the same purpose, recipient and occurrence is never queued
 * twice, whoever asks and however often (a trigger delivered twice, a job run again): the
 * second call returns `created: false`. Throws NotifyError for an unusable address, or a name or
 * subject with a line break.
 */
export async function enqueue(
  db: Firestore,
  clock: () => Date,
  log: Log,
  message: NewMessage,
): Promise<{ id: string; created: boolean }> {
  const { id, doc, key } = prepare(clock, message);
  try {
    await db.collection(OUTBOX_COLLECTION).doc(id).create(doc);
    logs.queued(log, id, key);
    return { id, created: true };
  } catch (error) {
    if (!alreadyExists(error)) throw error;
    logs.alreadyQueued(log, id, key);
    return { id, created: false };
  }
}

/**
 * Queues many messages at once, each exactly as `enqueue` would (one create per message under its
 * key's id, an existing one left alone), through one BulkWriter instead of one round trip after
 * another. Every message is checked before any is written, so an unusable one queues nothing.
 * Returns how many were new.
 */
export async function enqueueAll(db: Firestore, clock: () => Date, log: Log, messages: NewMessage[]): Promise<number> {
  const prepared = messages.map((message) => prepare(clock, message));
  if (prepared.length === 0) return 0;
  const writer = db.bulkWriter();
  const outcomes = prepared.map(({ id, doc, key }) =>
    writer.create(db.collection(OUTBOX_COLLECTION).doc(id), doc).then(
      () => {
        logs.queued(log, id, key);
        return 1;
      },
      (error: unknown) => {
        // Why per document: one message queued by an earlier run must not stop the others.
        if (!alreadyExists(error)) throw error;
        logs.alreadyQueued(log, id, key);
        return 0;
      },
    ),
  );
  const all = Promise.allSettled(outcomes);
  await writer.close();
  const settled = await all;
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.reduce((n, s) => n + (s.status === "fulfilled" ? s.value : 0), 0);
}

/**
 * Queues messages inside the caller's transaction, so they exist if and only if what they tell
 * (a decision) is committed. Firestore wants a transaction's reads before its writes: call this
 * after the caller's other reads; it reads the messages' ids, and the returned `write` (called
 * with the caller's writes) creates those not queued yet. A retried transaction reads again; a
 * message already queued by an earlier, committed run is left alone, never queued twice.
 * Returns how many `write` will create, and for each message given whether it is new.
 */
export async function stageMessages(
  tx: Transaction,
  db: Firestore,
  clock: () => Date,
  messages: NewMessage[],
): Promise<{ write: () => void; count: number; queued: boolean[] }> {
  const all = messages.map((message) => prepare(clock, message));
  // The same message twice in one call is one message.
  const prepared = [...new Map(all.map((p) => [p.id, p])).values()];
  if (prepared.length === 0) return { write: () => {}, count: 0, queued: [] };
  const refs = prepared.map(({ id }) => db.collection(OUTBOX_COLLECTION).doc(id));
  const existing = await tx.getAll(...refs);
  const fresh = prepared.filter((_, i) => !existing[i]?.exists);
  const freshIds = new Set(fresh.map(({ id }) => id));
  return {
    write: () => {
      for (const { id, doc } of fresh) tx.create(db.collection(OUTBOX_COLLECTION).doc(id), doc);
    },
    count: fresh.length,
    /** Per message given: whether `write` queues it (false: queued before). */
    queued: all.map(({ id }) => freshIds.has(id)),
  };
}

const alreadyExists = (error: unknown) => (error as { code?: unknown }).code === ALREADY_EXISTS;

/** The outbox document of a message, checked, with its id and key. */
function prepare(clock: () => Date, message: NewMessage) {
  const now = clock().getTime();
  const key = { purpose: message.purpose, recipient: message.recipient.id, occurrence: message.occurrence };
  const id = outboxId(key);
  const texts = {
    subject: message.content.subject,
    text: message.content.text,
    html: message.content.html,
    headers: message.headers,
  };
  // The calendar file is stored in clear and may be copied into a person's calendar: a live
  // token in it would outlive every other copy of the link.
  if (message.calendar && message.seal?.tokens.some((token) => message.calendar?.content.includes(token)))
    throw new NotifyError("A calendar file must not carry a live token (a confirmation, cancellation or claim link).");
  const { message: stored, sealed } = message.seal
    ? sealTokens(message.seal.key, id, texts, message.seal.tokens)
    : { message: texts, sealed: [] };
  const doc: OutboxMessage = parseOrRefuse(
    OutboxMessageSchema,
    {
      key,
      to: { address: message.recipient.address, name: message.recipient.name },
      lang: message.content.lang,
      ...stored,
      calendar: message.calendar,
      sealed: sealed.length > 0 ? sealed : undefined,
      createdAtMs: now,
      // Why pending with nextAttemptAtMs = now: the create trigger sends it at once; if that
      // trigger is lost, the sweeper finds it due.
      delivery: { state: "pending", attempts: 0, nextAttemptAtMs: now, updatedAtMs: now },
    },
    "The message",
  );
  return { id, doc: stripUndefined(doc), key };
}
