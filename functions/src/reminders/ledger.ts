import type { Firestore } from "firebase-admin/firestore";
import { addDays } from "../calendar/days.js";

/** Job state, out of clients' reach (firestore.rules): which milestones each daily job has had. */
export const JOB_STATE_COLLECTION = "jobState";

/** One reminder of a daily job, on a calendar day. */
export interface Milestone<K extends string = string> {
  /** Unique within what it reminds of; part of each message's idempotency key. */
  id: string;
  /** The day it falls on, YYYY-MM-DD. */
  day: string;
  kind: K;
  /** Days before (a countdown) or after the reference day. */
  days: number;
}

/** The countdown to `last`: one milestone `days` before it for each entry, id "before-<n>d". */
export function countdown(last: string, days: readonly number[]): Milestone<"before">[] {
  return days.map((n) => ({ id: `before-${n}d`, day: addDays(last, -n), kind: "before" as const, days: n }));
}

/**
 * The milestones due by `today` that were not had yet, oldest first. A missed one stays due
 * until it is had, which is how a job that did not run sends it late, once. `from` drops what
 * falls before the thing reminded of existed (a term activated late has no earlier reminders).
 */
export function pendingMilestones<M extends Milestone>(
  all: readonly M[],
  today: string,
  had: ReadonlySet<string>,
  from = "",
): M[] {
  return all
    .filter((m) => m.day <= today && m.day >= from && !had.has(m.id))
    .sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
}

/**
 * Which milestones one subject of a daily job has had, in `jobState/<id>`. Recording is a merge
 * of one map entry, so two runs at once both keep what they recorded.
 */
export function milestoneLedger(db: Firestore, id: string) {
  const ref = db.collection(JOB_STATE_COLLECTION).doc(id);
  return {
    async had(): Promise<Set<string>> {
      return new Set(Object.keys(((await ref.get()).data()?.had as Record<string, number> | undefined) ?? {}));
    },
    async record(milestoneIds: readonly string[], atMs: number): Promise<void> {
      if (milestoneIds.length === 0) return;
      await ref.set({ had: Object.fromEntries(milestoneIds.map((m) => [m, atMs])) }, { merge: true });
    },
  };
}
