import { type Delivery, OUTBOX_COLLECTION, OutboxMessageSchema } from "../model/index.js";
import { DEFAULT_RETRY, type DeliveryDeps, deliverMessage, writeDelivery } from "./delivery.js";
import { logs } from "./logs.js";

export interface SweepResult {
  /** Expired claims that certainly sent nothing, put back to be retried. */
  reclaimed: number;
  /** Expired claims that may have sent their message, flagged for review. */
  flagged: number;
  /** Due messages (pending whose trigger was lost, retrying whose backoff is over) attempted. */
  attempted: number;
}

/**
 * The scheduled sweeper: takes back messages whose claim expired, then attempts every message
 * that is due. Safe to run twice at once: each change is conditional on the document being
 * as read, and every attempt claims its message first.
 */
export async function sweepOutbox(deps: DeliveryDeps, options: { limit?: number } = {}): Promise<SweepResult> {
  const { db, clock, log } = deps;
  const limit = options.limit ?? 200;
  const retry = deps.retry ?? DEFAULT_RETRY;
  const now = clock().getTime();
  const result: SweepResult = { reclaimed: 0, flagged: 0, attempted: 0 };

  const expired = await db
    .collection(OUTBOX_COLLECTION)
    .where("delivery.state", "==", "sending")
    .where("delivery.leaseExpiresAtMs", "<", now)
    .limit(limit)
    .get();
  for (const doc of expired.docs) {
    // One transaction: the message as read, its new state and the secretariat's view of a flag
    // change together or not at all.
    const next = await db.runTransaction(async (tx) => {
      const current = await tx.get(doc.ref);
      // Another sweeper, or the attempt itself finishing late, got there first.
      if (!current.exists || !current.updateTime?.isEqual(doc.updateTime)) return undefined;
      const message = OutboxMessageSchema.parse(current.data());
      const reclaimed = reclaim(message.delivery, now, retry.maxAttempts);
      writeDelivery(tx, db, doc.ref, message, reclaimed);
      return reclaimed;
    });
    if (!next) continue;
    logs.reclaimed(log, doc.id, next.state);
    if (next.state === "unknown") result.flagged++;
    else result.reclaimed++;
  }

  const due = await db
    .collection(OUTBOX_COLLECTION)
    .where("delivery.state", "in", ["pending", "retrying"])
    .where("delivery.nextAttemptAtMs", "<=", now)
    .orderBy("delivery.nextAttemptAtMs")
    .limit(limit)
    .get();
  for (const doc of due.docs) {
    result.attempted++;
    await deliverMessage(deps, doc.id);
  }
  return result;
}

function reclaim(delivery: Delivery, now: number, maxAttempts: number): Delivery {
  const base = { attempts: delivery.attempts, updatedAtMs: now, error: delivery.error };
  if (delivery.handedOver) {
    // Why unknown: the attempt died while talking to the server, perhaps after the server took
    // the message. Sending again could deliver it twice: a person checks and decides.
    return {
      ...base,
      state: "unknown",
      error: "the sending attempt stopped after it may have handed the message to the server",
    };
  }
  if (delivery.attempts >= maxAttempts) {
    // Why failed: attempt after attempt died before sending; something is wrong with the function, not the message.
    return {
      ...base,
      state: "failed",
      error: `gave up after ${delivery.attempts} attempts that stopped before sending`,
    };
  }
  // Why retrying at once: the attempt died before it talked to the server, so nothing was sent.
  return { ...base, state: "retrying", nextAttemptAtMs: now };
}
