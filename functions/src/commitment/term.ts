import { daysUntil } from "../calendar/days.js";
import { firstDayUtc } from "../calendar/partial-date.js";
import type { HostingCommitment } from "../model/index.js";

/**
 * When the hosting term ends: the recorded end, or the start plus the term's months.
 * Undefined while the term has not started (an offer not yet taken up).
 */
export function termEnd(commitment: HostingCommitment): Date | undefined {
  if (commitment.termEnd) return firstDayUtc(commitment.termEnd);
  if (!commitment.termStart) return undefined;
  const start = firstDayUtc(commitment.termStart);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + commitment.termMonths);
  return end;
}

/** The last day of a term (the end the hosting page shows), YYYY-MM-DD; undefined before it starts. */
export function lastDayOf(commitment: HostingCommitment): string | undefined {
  return termEnd(commitment)?.toISOString().slice(0, 10);
}

/** Whole days from `now` to the end of the term (negative once it has passed). */
export function daysRemaining(commitment: HostingCommitment, now: Date): number | undefined {
  const end = termEnd(commitment);
  if (!end) return undefined;
  return daysUntil(end, now);
}

/**
 * The terms in force (or offered) now: those no later term renews or takes over. A renewal or
 * handover keeps the earlier term, marked, as the history of hosts.
 */
export function termsInForce(all: readonly HostingCommitment[]): HostingCommitment[] {
  const succeeded = new Set(all.map((c) => c.predecessorId).filter(Boolean));
  return all.filter((c) => !succeeded.has(c.id) && c.status !== "renewed" && c.status !== "handed-over");
}
