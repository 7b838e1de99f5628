import { z } from "zod";
import {
  ACCOUNTS_COLLECTION,
  AccountSchema,
  CountryCodeSchema,
  LangSchema,
  ReasonSchema,
  RoleSchema,
  stripUndefined,
  UidSchema,
} from "../../model/index.js";
import { appendAudit } from "../audit/audit-log.js";
import type { CommitteeDeps } from "../deps.js";
import { CommitteeError } from "../errors.js";
import type { Actor } from "../permissions.js";

export const ChangeRolePayloadSchema = z
  .object({
    lang: LangSchema.optional(),
    uid: UidSchema,
    /** The new role, or null to remove the account's access altogether. */
    role: RoleSchema.nullable(),
    countryId: CountryCodeSchema.optional(),
    reason: ReasonSchema,
  })
  .strict();

/**
 * Changes (or removes) an account's role and country. The accounts trigger mirrors it into the
 * claims and, when rights are lost, revokes the refresh tokens.
 */
export async function changeRole(deps: CommitteeDeps, actor: Actor, input: z.infer<typeof ChangeRolePayloadSchema>) {
  const { db, clock } = deps;
  // Nobody locks themselves out, or raises themselves, by mistake or otherwise.
  if (input.uid === actor.uid) throw new CommitteeError("failed-precondition", "console.error.ownAccount");
  const ref = db.collection(ACCOUNTS_COLLECTION).doc(input.uid);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw new CommitteeError("not-found", "console.error.accountNotFound", { uid: input.uid });
    const before = AccountSchema.parse(snap.data());
    const changed =
      input.role === null
        ? null
        : AccountSchema.safeParse(
            stripUndefined({
              ...before,
              role: input.role,
              countryId: input.role === "secretariat" ? input.countryId : (input.countryId ?? before.countryId),
            }),
          );
    if (changed && !changed.success) {
      const fields = changed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      throw new CommitteeError("invalid-argument", "console.error.invalid", { fields: "countryId" }, { fields });
    }
    const after = changed ? changed.data : null;
    if (after) tx.set(ref, after);
    else tx.delete(ref);
    const now = clock();
    appendAudit(db, tx, {
      at: now.toISOString(),
      actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
      action: "account.changeRole",
      target: { collection: ACCOUNTS_COLLECTION, id: input.uid },
      countryIds: [...new Set([before.countryId, after?.countryId].filter((c): c is string => c !== undefined))],
      before: stripUndefined(before),
      after: after ? stripUndefined(after) : null,
      reason: input.reason,
    });
    return { uid: input.uid, role: after?.role ?? null, countryId: after?.countryId ?? null };
  });
}
