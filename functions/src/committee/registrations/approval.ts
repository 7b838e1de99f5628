import { FieldValue } from "firebase-admin/firestore";
import { z } from "zod";
import {
  COLLECTIONS,
  converterFor,
  IdSchema,
  LangSchema,
  REGISTRATION_COLLECTIONS,
  type RegistrationStatus,
} from "../../model/index.js";
import { stageMessages } from "../../notify/outbox.js";
import { approvalMail } from "../../notify/registration-approval-mail.js";
import { REGISTRATION_ID } from "../../registration/keys.js";
import { registrations } from "../../registration/store.js";
import { appendAudit } from "../audit/audit-log.js";
import { assertAllowed, CommitteeError } from "../errors.js";
import type { Actor } from "../permissions.js";
import type { RegistrationConsoleDeps } from "./deps.js";

export const DecideApprovalPayloadSchema = z
  .object({
    lang: LangSchema.optional(),
    eventId: IdSchema,
    id: z.string().regex(REGISTRATION_ID, "must be a registration's id"),
    decision: z.enum(["approve", "decline"]),
  })
  .strict();

/**
 * The secretariat approves or declines a registration waiting for approval, with its audit entry
 * in the same transaction. Approved, it becomes `confirming`, stamped by Firestore at this commit:
 * the allocator then decides place or waiting list in the order of those stamps, exactly as for a
 * person who confirmed then. Declined, it is cancelled (`by: "declined"`) and holds nothing.
 * A registration no longer waiting (decided by someone else, cancelled by the person) is refused.
 * The person's email is queued in the same transaction: told if and only if it was decided.
 */
export async function decideApproval(
  deps: RegistrationConsoleDeps,
  actor: Actor,
  input: z.infer<typeof DecideApprovalPayloadSchema>,
) {
  const action = input.decision === "approve" ? "registration.approve" : "registration.decline";
  assertAllowed(actor, action);
  const { db, clock } = deps;
  const ref = registrations(db).doc(input.id);
  const eventRef = db.collection(COLLECTIONS.events.path).withConverter(converterFor("events")).doc(input.eventId);
  const decided = await db.runTransaction(async (tx) => {
    const [snapshot, eventSnap] = await Promise.all([tx.get(ref), tx.get(eventRef)]);
    const registration = snapshot.data();
    const event = eventSnap.data();
    if (!registration || registration.eventId !== input.eventId || !event)
      throw new CommitteeError("not-found", "console.registration.noRegistration");
    if (registration.status.state !== "awaitingApproval")
      throw new CommitteeError("failed-precondition", "console.registration.notWaiting");
    const now = clock();
    // Its read comes before the writes, as Firestore wants.
    const mail = await stageMessages(tx, db, clock, [
      approvalMail(deps, { id: input.id, registration, event, decision: input.decision }),
    ]);
    const status: RegistrationStatus =
      input.decision === "approve"
        ? { state: "confirming" }
        : { state: "cancelled", from: "awaitingApproval", by: "declined", atMs: now.getTime() };
    if (input.decision === "approve") tx.update(ref, { status, confirmedAt: FieldValue.serverTimestamp() });
    else tx.update(ref, { status });
    // The entry names no person: the registration's personal data is deleted after the event,
    // and the log is kept.
    const summary = (s: RegistrationStatus) => ({ eventId: input.eventId, category: registration.category, status: s });
    appendAudit(db, tx, {
      at: now.toISOString(),
      actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
      action,
      target: { collection: REGISTRATION_COLLECTIONS.registrations.path, id: input.id },
      countryIds: [registration.country],
      before: summary(registration.status),
      after: summary(status),
    });
    mail.write();
    return status.state;
  });
  return { id: input.id, state: decided };
}
