import { type CommitteeSeat, type Event, isPublished, type SeatOverride } from "../../model/index.js";

/** Source line of a seat the rule gives (seats carried over from the seed keep their own). */
export const RULE_SOURCE =
  "Santiago rule (agreement 2 of the executive report, Santiago de Chile, June 2005): a country that hosted a past event of the network or hosts an upcoming one holds a seat";

export interface SeatChange {
  countryId: string;
  before: CommitteeSeat | undefined;
  after: CommitteeSeat | undefined;
}

// Undated events count as the oldest: the report names the early hosts without dates.
const byStart = (a: Event, b: Event) => (a.start ?? "").localeCompare(b.start ?? "") || a.id.localeCompare(b.id);

/** What the events say about one country's seat: the basis and event that justify it, if any. */
function ruleBasis(countryId: string, events: Event[]): Pick<CommitteeSeat, "basis" | "eventId">[] {
  const hosted = events.filter((e) => e.status === "held" && e.hostCountries.includes(countryId)).sort(byStart);
  const upcoming = events.filter((e) => e.status === "planned" && e.hostCountries.includes(countryId)).sort(byStart);
  // Most telling first: the latest event hosted, then the next one to host.
  return [
    ...hosted.reverse().map((e) => ({ basis: "hosted" as const, eventId: e.id })),
    ...upcoming.map((e) => ({ basis: "will-host" as const, eventId: e.id })),
  ];
}

/**
 * The seats the Santiago rule and the secretariat's overrides give, compared with the current
 * ones. A seat whose basis still holds is left exactly as it is (its `since` and source stay),
 * so recomputing with unchanged events changes nothing. `today` dates new seats.
 */
export function computeSeatChanges(input: {
  events: Event[];
  overrides: SeatOverride[];
  current: CommitteeSeat[];
  today: string;
}): SeatChange[] {
  const { overrides, current, today } = input;
  // A draft (or unpublished, archived, deleted) event is not on the site and gives no seat.
  const events = input.events.filter(isPublished);
  const currentBy = new Map(current.map((s) => [s.countryId, s]));
  const overrideBy = new Map(overrides.map((o) => [o.countryId, o]));
  const countries = new Set([
    ...events.flatMap((e) => (e.status === "cancelled" ? [] : e.hostCountries)),
    ...overrides.map((o) => o.countryId),
    ...current.map((s) => s.countryId),
  ]);

  const changes: SeatChange[] = [];
  for (const countryId of [...countries].sort()) {
    const before = currentBy.get(countryId);
    const after = seatFor(countryId, ruleBasis(countryId, events), overrideBy.get(countryId), before, today);
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ countryId, before, after });
  }
  return changes;
}

function seatFor(
  countryId: string,
  bases: Pick<CommitteeSeat, "basis" | "eventId">[],
  override: SeatOverride | undefined,
  before: CommitteeSeat | undefined,
  today: string,
): CommitteeSeat | undefined {
  if (override?.seat === false) return undefined;
  const since = before?.since ?? today;
  const still = before && bases.find((b) => b.basis === before.basis && b.eventId === before.eventId);
  if (still) return before;
  const best = bases[0];
  if (best) return { id: countryId, countryId, ...best, since, source: RULE_SOURCE };
  if (override?.seat === true) {
    if (before?.basis === "manual" && before.reason === override.reason) return before;
    return {
      id: countryId,
      countryId,
      basis: "manual",
      reason: override.reason,
      since,
      source: `Decision of the secretariat (${override.at.slice(0, 10)})`,
    };
  }
  return undefined;
}
