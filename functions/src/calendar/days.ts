import { TZDate } from "@date-fns/tz";
import { partialDateFields } from "./partial-date.js";

/** One day in milliseconds: a calendar day in UTC, where no clock change makes one longer. */
export const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) it is at `at` in `timeZone`. */
export function dayIn(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** The instant a partial date's wall clock shows in `timeZone` (a date without a time: its midnight there). */
export function wallClockIn(date: string, timeZone: string): TZDate {
  const { year, month, day, hour, minute } = partialDateFields(date);
  return new TZDate(year, month - 1, day, hour, minute, timeZone);
}

/** `day` moved by `days` calendar days (negative moves back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A countdown from `now` to `end` in days, a part of a day counting as one (negative once it has passed). */
export function daysUntil(end: Date, now: Date): number {
  return Math.ceil((end.getTime() - now.getTime()) / DAY_MS);
}

/** `day` moved by whole calendar months, the 31st becoming the month's last day where it has none. */
export function addMonths(day: string, months: number): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(targetYear, 4)}-${pad(targetMonth + 1)}-${pad(Math.min(date, lastDay))}`;
}
