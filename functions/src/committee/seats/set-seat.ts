import { z } from "zod";
import {
  COLLECTIONS,
  CountryCodeSchema,
  LangSchema,
  ReasonSchema,
  SEAT_OVERRIDES_COLLECTION,
  SeatOverrideSchema,
  stripUndefined,
} from "../../model/index.js";
import type { ClaimsDeps } from "../accounts/claims.js";
import { appendAudit } from "../audit/audit-log.js";
import { CommitteeError } from "../errors.js";
import type { Actor } from "../permissions.js";
import { applySantiagoRule } from "./apply-santiago-rule.js";

export const SetSeatPayloadSchema = z
  .object({
    lang: LangSchema.optional(),
    countryId: CountryCodeSchema,
    /** add or remove a seat by hand, or hand the country back to the Santiago rule. */
    decision: z.enum(["add", "remove", "rule"]),
    reason: ReasonSchema,
  })
  .strict();

/**
 * The secretariat's manual seat: the override and its audit entry in one transaction, then the
 * seats recomputed (each seat change audited too) and the country's representatives' claims.
 */
export async function setSeat(deps: ClaimsDeps, actor: Actor, input: z.infer<typeof SetSeatPayloadSchema>) {
  const { db, clock } = deps;
  const ref = db.collection(SEAT_OVERRIDES_COLLECTION).doc(input.countryId);
  const now = clock();
  await db.runTransaction(async (tx) => {
    const [country, current] = await Promise.all([
      tx.get(db.collection(COLLECTIONS.countries.path).doc(input.countryId)),
      tx.get(ref),
    ]);
    if (!country.exists)
      throw new CommitteeError("not-found", "console.error.countryNotFound", { country: input.countryId });
    const after =
      input.decision === "rule"
        ? null
        : SeatOverrideSchema.parse({
            countryId: input.countryId,
            seat: input.decision === "add",
            reason: input.reason,
            by: actor.memberId,
            at: now.toISOString(),
          });
    if (after) tx.set(ref, after);
    else tx.delete(ref);
    appendAudit(db, tx, {
      at: now.toISOString(),
      actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
      action: "seat.set",
      target: { collection: SEAT_OVERRIDES_COLLECTION, id: input.countryId },
      countryIds: [input.countryId],
      before: current.exists ? stripUndefined(current.data()) : null,
      after,
      reason: input.reason,
    });
  });
  const changes = await applySantiagoRule(deps);
  return {
    countryId: input.countryId,
    seat: (await db.collection(COLLECTIONS.committee.path).doc(input.countryId).get()).exists,
    changed: changes.map((c) => c.countryId),
  };
}
