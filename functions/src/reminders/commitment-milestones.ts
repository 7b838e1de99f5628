import { addDays, daysBetween } from "../calendar/days.js";
import { lastDayOf } from "../commitment/term.js";
import type { HandoverItem, HostingCommitment } from "../model/index.js";
import { countdown, type Milestone as JobMilestone, pendingMilestones } from "./ledger.js";

/** Reminders before a term's last day, in days. */
const BEFORE_END_DAYS = [90, 60, 30, 14, 7, 1] as const;

/** A reminder of a term: days before (before) or after (lapsed) its last day. */
export type Milestone = JobMilestone<"before" | "last-day" | "lapsed" | "handover">;

export function openItems(commitment: HostingCommitment): HandoverItem[] {
  const checklist = commitment.handover?.checklist ?? {};
  return (Object.entries(checklist) as [HandoverItem, { done: boolean }][])
    .filter(([, s]) => !s.done)
    .map(([item]) => item);
}

/**
 * The milestones of a term due by `today` and not yet had. A missed one is due until it is sent,
 * so a job that did not run sends it late, once. Weekly notices (after the term lapses, and
 * for open handover items) are due in their latest week only: a job down for three weeks sends
 * one notice, not three. Nothing falls before the day the term was activated.
 */
export function dueMilestones(commitment: HostingCommitment, today: string, had: ReadonlySet<string>): Milestone[] {
  const last = lastDayOf(commitment);
  const from = commitment.activatedOn;
  if (!last || !from || (commitment.status !== "active" && commitment.status !== "expired")) return [];
  const all: Milestone[] = [
    ...countdown(last, BEFORE_END_DAYS),
    { id: "last-day", day: last, kind: "last-day", days: 0 },
  ];
  const lapsedWeeks = Math.floor(daysBetween(last, today) / 7);
  if (lapsedWeeks >= 1) {
    all.push({
      id: `lapsed-${lapsedWeeks}w`,
      day: addDays(last, 7 * lapsedWeeks),
      kind: "lapsed",
      days: 7 * lapsedWeeks,
    });
  }
  const handoverWeeks = Math.floor(daysBetween(from, today) / 7);
  if (handoverWeeks >= 1 && openItems(commitment).length > 0) {
    all.push({ id: `handover-${handoverWeeks}w`, day: addDays(from, 7 * handoverWeeks), kind: "handover", days: 0 });
  }
  return pendingMilestones(all, today, had, from);
}

/**
 * The next reminder a term will send, for the hosting page: the first milestone after `today`
 * (the weekly ones included), or undefined when none is coming (offered, renewed, handed over).
 */
export function nextMilestone(commitment: HostingCommitment, today: string): Milestone | undefined {
  for (let ahead = 1; ahead <= 400; ahead++) {
    const day = addDays(today, ahead);
    const [next] = dueMilestones(commitment, day, new Set()).filter((m) => m.day === day);
    if (next) return next;
  }
  return undefined;
}
