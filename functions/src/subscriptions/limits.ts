import type { LimitCounter } from "../model/index.js";

export interface Limit {
  max: number;
  windowMs: number;
}

/**
 * A fixed-window counter, as a pure step: the counter after one more request at `nowMs`, or
 * `limited` with when the window reopens. Kept in Firestore (subscribers.ts) rather than in an
 * instance's memory: the site runs on several instances that start and stop at will, and a limit
 * each of them counted alone would be several times the limit, reset by every cold start.
 */
export function countRequest(
  counter: LimitCounter | undefined,
  limit: Limit,
  nowMs: number,
): { limited: false; next: LimitCounter } | { limited: true; retryAtMs: number } {
  const open = counter && nowMs < counter.windowStartMs + limit.windowMs;
  if (!open) return { limited: false, next: { windowStartMs: nowMs, count: 1 } };
  if (counter.count >= limit.max) return { limited: true, retryAtMs: counter.windowStartMs + limit.windowMs };
  return { limited: false, next: { windowStartMs: counter.windowStartMs, count: counter.count + 1 } };
}
