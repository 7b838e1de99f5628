import type { Firestore } from "firebase-admin/firestore";
import {
  type Delivery,
  OUTBOX_REVIEW_COLLECTION,
  type OutboxMessage,
  type OutboxReview,
  OutboxReviewSchema,
} from "../model/index.js";

/** Where the secretariat reads a message that waits for its decision (the message itself is no client's to read). */
export const reviewRef = (db: Firestore, id: string) => db.collection(OUTBOX_REVIEW_COLLECTION).doc(id);

/**
 * What the secretariat sees of a message flagged `unknown`: its recipient and subject, enough to
 * look it up in the provider's log or ask the recipient, and nothing of its body or tokens.
 */
export function reviewEntry(message: OutboxMessage, delivery: Delivery): OutboxReview {
  if (!message.to || !message.subject) throw new Error("a message flagged for review has lost its recipient");
  return OutboxReviewSchema.parse({
    purpose: message.key.purpose,
    to: message.to,
    subject: message.subject,
    lang: message.lang,
    state: "unknown",
    attempts: delivery.attempts,
    error: delivery.error,
    createdAtMs: message.createdAtMs,
    updatedAtMs: delivery.updatedAtMs,
  });
}
