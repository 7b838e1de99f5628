import { z } from "zod";
import { IdSchema, LangSchema } from "../../model/index.js";
import type { CommitteeDeps } from "../deps.js";
import { assertAllowed } from "../errors.js";
import type { Actor } from "../permissions.js";
import { KindSchema, RECORD_KINDS } from "./kinds.js";

export const IdFreePayloadSchema = z.object({ lang: LangSchema.optional(), kind: KindSchema, id: IdSchema }).strict();

/**
 * Whether a new record of `kind` may take `id`, for the console's id field before it saves. A
 * member cannot read other countries' drafts, so the console cannot look for itself; the answer
 * is one boolean, no more than a refused saveDraft ("already exists") would tell the same person,
 * and only to someone who may draft that kind.
 */
export async function idFree(
  deps: CommitteeDeps,
  actor: Actor,
  input: z.infer<typeof IdFreePayloadSchema>,
): Promise<{ free: boolean }> {
  const kind = RECORD_KINDS[input.kind];
  assertAllowed(actor, `${kind.type}.saveDraft`);
  const snap = await deps.db.collection(kind.collection).doc(input.id).get();
  return { free: !snap.exists };
}
