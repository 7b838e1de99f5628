// Pure: the console's bundle imports this to show an entry's status and each country's completeness.
import { addMonths } from "../../calendar/days.js";
import type { Member } from "../../model/member.js";

/** Each person is asked to confirm their entry once a year (the statutes ask the committee to update the directory yearly). */
export const ASK_EVERY_MONTHS = 12;
/** An entry not confirmed for this long shows "not verified since …" (a month's grace after the yearly ask). */
export const STALE_AFTER_MONTHS = 13;

/** The day (YYYY-MM-DD, UTC) an entry was last confirmed, if ever. */
export const confirmedDay = (member: Pick<Member, "confirmedAt">): string | undefined =>
  member.confirmedAt?.slice(0, 10);

/** Whether an entry counts as verified on `today` (YYYY-MM-DD): confirmed within the last 13 months. */
export function isVerified(member: Pick<Member, "confirmedAt">, today: string): boolean {
  const day = confirmedDay(member);
  return day !== undefined && today < addMonths(day, STALE_AFTER_MONTHS);
}

/** The fields a directory entry needs to be useful: who, where, and in which languages to write. */
export function hasKeyFields(member: Member): boolean {
  return Boolean(member.name && member.title && member.institutionId && member.countryId && member.languages?.length);
}

export interface CountryCompleteness {
  countryId: string;
  people: number;
  /** People whose entry is verified and has its key fields. */
  complete: number;
  /** complete / people, 0 to 1. */
  share: number;
}

/** Each country's directory completeness: the share of its people with a verified entry and the key fields filled. */
export function completenessByCountry(members: readonly Member[], today: string): CountryCompleteness[] {
  const byCountry = new Map<string, { people: number; complete: number }>();
  for (const member of members) {
    if (!member.countryId) continue;
    const row = byCountry.get(member.countryId) ?? { people: 0, complete: 0 };
    row.people += 1;
    if (isVerified(member, today) && hasKeyFields(member)) row.complete += 1;
    byCountry.set(member.countryId, row);
  }
  return [...byCountry.entries()]
    .map(([countryId, row]) => ({ countryId, ...row, share: row.complete / row.people }))
    .sort((a, b) => a.countryId.localeCompare(b.countryId));
}

/**
 * The day of the latest yearly ask due for an entry by `today` (or the first one, still ahead):
 * each anniversary of its last confirmation, or, never confirmed, each first of January. The
 * day names the ask, so a person is asked once per anniversary however often the job runs.
 */
export function askDay(member: Pick<Member, "confirmedAt">, today: string): string {
  const day = confirmedDay(member);
  if (!day) return `${today.slice(0, 4)}-01-01`;
  let years = 1;
  while (addMonths(day, ASK_EVERY_MONTHS * (years + 1)) <= today) years += 1;
  return addMonths(day, ASK_EVERY_MONTHS * years);
}
