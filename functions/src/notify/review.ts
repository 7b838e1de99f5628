import type { Firestore } from "firebase-admin/firestore";
import { z } from "zod";
import { CommitteeError } from "../committee/errors.js";
import { type Delivery, LangSchema, OUTBOX_COLLECTION, OutboxMessageSchema } from "../model/index.js";
import { writeDelivery } from "./delivery.js";

export const ReviewInputSchema = z
  .object({
    /** The language of a refusal, as the console's other callables. */
    lang: LangSchema.optional(),
    id: z.string().regex(/^[0-9a-f]{40}$/, "must be an outbox message id"),
    /** arrived: the recipient or the provider's log shows it was delivered; resend: it was not. */
    decision: z.enum(["arrived", "resend"]),
  })
  .strict();

/**
 * A person's decision on a message flagged `unknown` (console): it arrived, so it is recorded
 * sent; or it did not, so it goes back to the sweeper to be sent again. Only a flagged message
 * can be decided, so a click on a stale console page cannot resend a delivered one.
 */
export async function resolveReview(
  db: Firestore,
  clock: () => Date,
  actor: { uid: string },
  input: z.infer<typeof ReviewInputSchema>,
): Promise<Delivery> {
  const { id, decision } = input;
  const ref = db.collection(OUTBOX_COLLECTION).doc(id);
  return db.runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    if (!snapshot.exists) throw new CommitteeError("failed-precondition", "console.error.outboxNotFound", { id });
    const message = OutboxMessageSchema.parse(snapshot.data());
    const { delivery } = message;
    if (delivery.state !== "unknown") {
      throw new CommitteeError("failed-precondition", "console.error.outboxNotFlagged", { state: delivery.state });
    }
    const now = clock().getTime();
    const base = { attempts: delivery.attempts, error: delivery.error, updatedAtMs: now, reviewedBy: actor.uid };
    const next: Delivery =
      decision === "arrived"
        ? // Why sent: a person saw it delivered; resending would duplicate it.
          { ...base, state: "sent", response: "confirmed delivered on review", sentAtMs: now }
        : // Why retrying at once: a person saw it did not arrive; the sweeper sends it again.
          { ...base, state: "retrying", nextAttemptAtMs: now };
    // Decided: it no longer waits for anyone's review (writeDelivery takes it off the list).
    writeDelivery(tx, db, ref, message, next);
    return next;
  });
}
