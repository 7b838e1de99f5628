import type { Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { requireSecretariat } from "../commitment/guard.js";
import type { Delivery } from "../model/index.js";
import { NotifyError } from "./errors.js";
import { resolveReview } from "./review.js";

/** The console's review decision: the guard first, then the domain call; a refusal becomes the error the console shows. */
export async function handleReviewCall(
  request: { auth?: { uid: string; token: Record<string, unknown> }; data: unknown },
  deps: { db: Firestore; clock: () => Date },
): Promise<Delivery> {
  const actor = await requireSecretariat(deps.db, request.auth);
  try {
    return await resolveReview(deps.db, deps.clock, actor, request.data);
  } catch (error) {
    if (error instanceof NotifyError) throw new HttpsError("failed-precondition", error.message);
    throw error;
  }
}
