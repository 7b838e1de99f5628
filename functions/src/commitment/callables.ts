import type { Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import type { HostingCommitment } from "../model/index.js";
import type { Actor, CommitmentOptions } from "./actions.js";
import { activateCommitment, handOverCommitment, renewCommitment, setChecklistItem } from "./actions.js";
import { CommitmentError } from "./errors.js";
import { requireSecretariat } from "./guard.js";

type Action = (
  db: Firestore,
  clock: () => Date,
  actor: Actor,
  input: unknown,
  options: CommitmentOptions,
) => Promise<HostingCommitment>;

/** The console's commitment actions, by callable name. */
export const COMMITMENT_ACTIONS: Record<string, Action> = {
  activateCommitment,
  renewCommitment,
  handOverCommitment,
  setHandoverItem: (db, clock, actor, input) => setChecklistItem(db, clock, actor, input),
};

/**
 * A callable request turned into a domain call: the guard first, then the action; domain errors
 * become the HTTPS error the console shows.
 */
export async function handleCommitmentCall(
  action: Action,
  request: { auth?: { uid: string; token: Record<string, unknown> }; data: unknown },
  deps: { db: Firestore; clock: () => Date; options: CommitmentOptions },
): Promise<HostingCommitment> {
  const actor = await requireSecretariat(deps.db, request.auth);
  try {
    return await action(deps.db, deps.clock, actor, request.data, deps.options);
  } catch (error) {
    if (!(error instanceof CommitmentError)) throw error;
    const code =
      error.reason === "not-found"
        ? "not-found"
        : error.reason === "invalid"
          ? "invalid-argument"
          : "failed-precondition";
    throw new HttpsError(code, error.message);
  }
}
