import type { AuditActor } from "../../model/index.js";
import { type ClaimsDeps, syncCountryClaims } from "../accounts/claims.js";
import type { SeatChange } from "./santiago-rule.js";
import { recomputeSeats } from "./seats-store.js";

/**
 * Recomputes the seats and then the claims of every representative of a country whose seat
 * changed: a seat won or lost changes what they may do without anyone touching their role.
 * Claims follow the committed seats, so a retry after a failure here finds them again.
 */
export async function applySantiagoRule(deps: ClaimsDeps, actor?: AuditActor, reason?: string): Promise<SeatChange[]> {
  const changes = await recomputeSeats(deps.db, deps.clock, actor, reason);
  for (const change of changes) await syncCountryClaims(deps, change.countryId);
  return changes;
}
