import { committeeCallable } from "../committee/callable.js";
import type { CommitteeDeps } from "../committee/deps.js";
import { ReviewInputSchema, resolveReview } from "./review.js";

/** The console's decision on an email flagged for review, behind the console's one gate (index.ts deploys it). */
export function reviewCallables(deps: () => CommitteeDeps) {
  return {
    resolveOutboxReview: committeeCallable(deps, "outbox.resolveReview", ReviewInputSchema, (d, actor, input) =>
      resolveReview(d.db, d.clock, actor, input),
    ),
  };
}
