import type { Firestore, Transaction } from "firebase-admin/firestore";
import { z } from "zod";
import { addDays, dayIn } from "../calendar/days.js";
import { CommitteeError } from "../committee/errors.js";
import {
  COLLECTIONS,
  type CommitmentChange,
  CountryCodeSchema,
  converterFor,
  DaySchema,
  HANDOVER_ITEMS,
  type HandoverItem,
  HandoverItemSchema,
  type HostingCommitment,
  IdSchema,
  LangSchema,
} from "../model/index.js";
import { lastDayOf } from "./term.js";

/** Who records a change: the person behind a secretariat account (members read commitments, never account ids). */
export interface Actor {
  memberId: string;
}

/** The time zone of the secretariat's calendar: "today" for activations and reminders. */
export interface CommitmentOptions {
  timeZone: string;
}

/** Every payload may say the language its refusals should use, as the console's other callables. */
const lang = LangSchema.optional();
export const ActivateInputSchema = z.object({ lang, commitmentId: IdSchema, termStart: DaySchema }).strict();
export const RenewInputSchema = z.object({ lang, commitmentId: IdSchema, termStart: DaySchema.optional() }).strict();
export const HandOverInputSchema = z
  .object({
    lang,
    commitmentId: IdSchema,
    hostCountryId: CountryCodeSchema,
    hostInstitutionId: IdSchema.optional(),
    termStart: DaySchema.optional(),
    termMonths: z.int().min(1).max(120).optional(),
  })
  .strict();
export const ChecklistInputSchema = z
  .object({ lang, commitmentId: IdSchema, item: HandoverItemSchema, done: z.boolean() })
  .strict();

const commitments = (db: Firestore) =>
  db.collection(COLLECTIONS.commitments.path).withConverter(converterFor("commitments"));

async function load(tx: Transaction, db: Firestore, id: string): Promise<HostingCommitment> {
  const snapshot = await tx.get(commitments(db).doc(id));
  const commitment = snapshot.data();
  if (!commitment) throw new CommitteeError("not-found", "console.error.commitmentNotFound", { id });
  return commitment;
}

const change = (
  action: CommitmentChange["action"],
  actor: Actor,
  clock: () => Date,
  note?: string,
): CommitmentChange => ({
  action,
  by: actor.memberId,
  atMs: clock().getTime(),
  ...(note ? { note } : {}),
});

/** Starts an offered commitment's term on `termStart`. */
export async function activateCommitment(
  db: Firestore,
  clock: () => Date,
  actor: Actor,
  input: z.infer<typeof ActivateInputSchema>,
  options: CommitmentOptions,
): Promise<HostingCommitment> {
  const { commitmentId, termStart } = input;
  return db.runTransaction(async (tx) => {
    const current = await load(tx, db, commitmentId);
    if (current.status !== "offered") {
      throw new CommitteeError("failed-precondition", "console.error.commitmentNotOffered", { status: current.status });
    }
    const next: HostingCommitment = {
      ...current,
      status: "active",
      termStart,
      termEnd: undefined,
      activatedOn: dayIn(clock(), options.timeZone),
      changes: [...(current.changes ?? []), change("activated", actor, clock)],
    };
    tx.set(commitments(db).doc(commitmentId), next);
    return next;
  });
}

/** The id of the term that follows `id`: "-t2", "-t3"... after the first one's id. */
function successorId(id: string): string {
  const match = /^(.*)-t(\d+)$/.exec(id);
  return match ? `${match[1]}-t${Number(match[2]) + 1}` : `${id}-t2`;
}

async function succeed(
  db: Firestore,
  clock: () => Date,
  actor: Actor,
  options: CommitmentOptions,
  commitmentId: string,
  action: "renewed" | "handed-over",
  build: (current: HostingCommitment, start: string) => Partial<HostingCommitment>,
  termStart: string | undefined,
): Promise<HostingCommitment> {
  return db.runTransaction(async (tx) => {
    const current = await load(tx, db, commitmentId);
    if (current.status !== "active" && current.status !== "expired") {
      throw new CommitteeError(
        "failed-precondition",
        action === "renewed" ? "console.error.commitmentNotRenewable" : "console.error.commitmentNotTransferable",
        { status: current.status },
      );
    }
    const lastDay = lastDayOf(current);
    const start = termStart ?? (lastDay ? addDays(lastDay, 1) : dayIn(clock(), options.timeZone));
    const id = successorId(current.id);
    const existing = await tx.get(commitments(db).doc(id));
    if (existing.exists) throw new CommitteeError("failed-precondition", "console.error.termExists", { id });
    const next: HostingCommitment = {
      ...current,
      id,
      status: "active",
      termStart: start,
      termEnd: undefined,
      activatedOn: dayIn(clock(), options.timeZone),
      predecessorId: current.id,
      handover: undefined,
      changes: [change(action, actor, clock)],
      ...build(current, start),
    };
    tx.set(commitments(db).doc(current.id), {
      ...current,
      status: action,
      changes: [...(current.changes ?? []), change(action, actor, clock, id)],
    });
    tx.create(commitments(db).doc(id), next);
    return next;
  });
}

/** Renews a term with the same host: a new term from the day after the current one ends. */
export async function renewCommitment(
  db: Firestore,
  clock: () => Date,
  actor: Actor,
  input: z.infer<typeof RenewInputSchema>,
  options: CommitmentOptions,
): Promise<HostingCommitment> {
  const { commitmentId, termStart } = input;
  return succeed(db, clock, actor, options, commitmentId, "renewed", () => ({}), termStart);
}

/** Hands the site to a new host country and institution, for a new term with an open checklist. */
export async function handOverCommitment(
  db: Firestore,
  clock: () => Date,
  actor: Actor,
  input: z.infer<typeof HandOverInputSchema>,
  options: CommitmentOptions,
): Promise<HostingCommitment> {
  const { commitmentId, hostCountryId, hostInstitutionId, termStart, termMonths } = input;
  return succeed(
    db,
    clock,
    actor,
    options,
    commitmentId,
    "handed-over",
    (current) => ({
      hostCountryId,
      hostInstitutionId,
      termMonths: termMonths ?? current.termMonths,
      handover: {
        fromCommitmentId: current.id,
        checklist: Object.fromEntries(HANDOVER_ITEMS.map((item) => [item, { done: false }])) as Record<
          HandoverItem,
          { done: boolean }
        >,
      },
    }),
    termStart,
  );
}

/** Ticks (or unticks) one item of a handover's checklist. */
export async function setChecklistItem(
  db: Firestore,
  clock: () => Date,
  actor: Actor,
  input: z.infer<typeof ChecklistInputSchema>,
): Promise<HostingCommitment> {
  const { commitmentId, item, done } = input;
  return db.runTransaction(async (tx) => {
    const current = await load(tx, db, commitmentId);
    if (!current.handover) throw new CommitteeError("failed-precondition", "console.error.noChecklist");
    const next: HostingCommitment = {
      ...current,
      handover: {
        ...current.handover,
        checklist: { ...current.handover.checklist, [item]: done ? { done, doneAtMs: clock().getTime() } : { done } },
      },
      changes: [...(current.changes ?? []), change("checklist", actor, clock, `${item}: ${done ? "done" : "open"}`)],
    };
    tx.set(commitments(db).doc(commitmentId), next);
    return next;
  });
}
