import { addDays, DAY_MS } from "../../calendar/days.js";
import { partialDateFields } from "../../calendar/partial-date.js";
import { type Event, REGISTRATION_RETENTION_DAYS } from "../../model/index.js";

/** The last calendar day a partial date can mean: "2027" → 2027-12-31, "2027-02" → 2027-02-28. */
function lastDayOf(date: string): string {
  const { year, month, day, precision } = partialDateFields(date);
  if (precision === "year") return `${year}-12-31`;
  if (precision === "month") return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * When a registration of `event` is deleted by Firestore's TTL policy (its `expireAt`):
 * REGISTRATION_RETENTION_DAYS after the event's last day (the end, else the start), counted from
 * the day after it in UTC plus one more, so no time zone of the Americas ends it early. An event
 * without dates keeps its registrations that long from `now`, the moment the record is written.
 */
export function registrationExpiry(event: Pick<Event, "start" | "end"> | undefined, now: Date): Date {
  const last = event?.end ?? event?.start;
  if (last === undefined) return new Date(now.getTime() + REGISTRATION_RETENTION_DAYS * DAY_MS);
  return new Date(`${addDays(lastDayOf(last), REGISTRATION_RETENTION_DAYS + 2)}T00:00:00Z`);
}
