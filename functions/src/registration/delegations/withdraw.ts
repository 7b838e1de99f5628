import { z } from "zod";
import { appendAudit } from "../../committee/audit/audit-log.js";
import { assertAllowed, CommitteeError } from "../../committee/errors.js";
import type { Actor } from "../../committee/permissions.js";
import {
  CountryCodeSchema,
  converterFor,
  DELEGATION_COLLECTIONS,
  type Delegation,
  delegationId,
  IdSchema,
  LangSchema,
  stripUndefined,
} from "../../model/index.js";
import { countryNames } from "../../notify/audit-reactions.js";
import { releaseIn } from "../cancellation.js";
import { RUSH_RETRIES, registrations } from "../store.js";
import { PERSON_ID } from "./answer-links.js";
import type { DelegationDeps } from "./delegations.js";
import { hasStarted } from "./started.js";
import { delegations } from "./store.js";

export const WithdrawDelegatePayloadSchema = z
  .object({
    lang: LangSchema.optional(),
    eventId: IdSchema,
    country: CountryCodeSchema,
    personId: z.string().regex(PERSON_ID, "must be a person of the delegation"),
  })
  .strict();

/**
 * A country's representative withdraws one person from its delegation, whatever their answer,
 * until the event starts. A person who accepted holds a delegate's registration: it ends in the
 * same transaction exactly as their own cancellation would (releaseIn: the place and room seats
 * go to the first on the waiting list by the offer machinery), and they are told once, in their
 * language, that their country withdrew them. An invited person's answer link stops working
 * (they are no longer named). A submitted delegation goes back to its country as a draft, to be
 * completed (a head, if the head was withdrawn) and submitted again; an accredited one stays
 * accredited for the people left, who keep their registrations as they are.
 */
export async function withdrawDelegate(
  deps: DelegationDeps,
  actor: Actor,
  input: z.infer<typeof WithdrawDelegatePayloadSchema>,
): Promise<{ delegation: Delegation; offers: number }> {
  assertAllowed(actor, "delegation.withdraw", { countries: [input.country] });
  const { db, notices, sender } = deps;
  if (!notices || sender === undefined) throw new Error("withdrawing a delegate needs the notices and the sender");
  const now = deps.clock();
  const event = (await db.collection("events").withConverter(converterFor("events")).doc(input.eventId).get()).data();
  if (!event) throw new CommitteeError("not-found", "console.delegation.notFound");
  if (hasStarted(event, now)) throw new CommitteeError("failed-precondition", "console.delegation.started");
  const country = await countryNames(db, input.country);
  const releaseDeps = {
    db,
    clock: deps.clock,
    key: deps.key,
    sealKey: notices.sealKey,
    origin: notices.siteOrigin,
    sender,
  };
  const id = delegationId(input.eventId, input.country);
  const ref = delegations(db).doc(id);
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (!current) throw new CommitteeError("not-found", "console.delegation.notFound");
    const person = current.people.find((p) => p.id === input.personId);
    if (!person) throw new CommitteeError("failed-precondition", "console.delegation.personGone");
    const registration =
      person.state === "accepted" ? (await tx.get(registrations(db).doc(person.id))).data() : undefined;
    // Only the registration their acceptance made theirs as this country's delegate.
    const released =
      registration?.eventId === input.eventId && registration.delegationOf === input.country
        ? await releaseIn(tx, releaseDeps, { ...registration, id: person.id }, { by: "country", country })
        : undefined;
    const after: Delegation = {
      ...current,
      state: current.state === "submitted" ? "draft" : current.state,
      people: current.people.filter((p) => p.id !== person.id),
      updatedBy: { memberId: actor.memberId, role: actor.role },
      updatedAtMs: now.getTime(),
    };
    tx.set(ref, after);
    appendAudit(db, tx, {
      at: now.toISOString(),
      actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
      action: "delegation.withdraw",
      target: { collection: DELEGATION_COLLECTIONS.delegations.path, id },
      countryIds: [input.country],
      before: stripUndefined(current),
      after: stripUndefined(after),
    });
    return { delegation: after, offers: released?.outcome === "cancelled" ? released.offers.length : 0 };
  }, RUSH_RETRIES);
}
