/**
 * A partial date is known to the year, the month or the day ("2004", "2004-09", "2005-06-20"),
 * optionally with a local time ("2005-06-20T09:00"); model's PartialDateSchema says which strings
 * are one. This is the one place that reads them.
 */
export type Precision = "year" | "month" | "day" | "minute";

export interface DateFields {
  year: number;
  /** 1 to 12; 1 when the date gives only the year. */
  month: number;
  /** 1 to 31; 1 when the date gives no day. */
  day: number;
  hour: number;
  minute: number;
  precision: Precision;
}

const PRECISIONS: Precision[] = ["year", "month", "day"];

/** The calendar fields of a partial date; those it leaves out are the first (January, the 1st, 00:00). */
export function partialDateFields(date: string): DateFields {
  const [day = "", time] = date.split("T");
  const parts = day.split("-");
  const [y, m = "01", d = "01"] = parts;
  const [hh = "00", mm = "00"] = time ? time.split(":") : [];
  return {
    year: Number(y),
    month: Number(m),
    day: Number(d),
    hour: Number(hh),
    minute: Number(mm),
    precision: time !== undefined ? "minute" : (PRECISIONS[parts.length - 1] ?? "day"),
  };
}

/** True when the date's year, month and day name a day that exists (no 31 April, no 29 February 2005). */
export function isCalendarDate(date: string): boolean {
  const { year, month, day } = partialDateFields(date);
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/**
 * A partial date as a UTC instant of its calendar fields. Event dates are wall-clock dates in the
 * event's own time zone, so they are formatted in UTC to show exactly the day the source gives.
 */
export function partialDateToUtc(date: string): Date {
  const { year, month, day, hour, minute } = partialDateFields(date);
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

/** The first instant, in UTC, of the (first) day of a partial date, its time left out ("2005-06" → 2005-06-01T00:00Z). */
export function firstDayUtc(date: string): Date {
  const { year, month, day } = partialDateFields(date);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The day (YYYY-MM-DD) of a date known to the day; undefined for a month or a year, too vague to place. */
export function knownDay(date: string | undefined): string | undefined {
  return date !== undefined && date.length >= 10 ? date.slice(0, 10) : undefined;
}
