// Dates as the editors pick them: a partial date (functions/src/calendar/partial-date.ts) at the
// precision the source gives, in a native date input of that precision, with its time zone (an
// IANA id, shown by its name) and the instant it names in the person's own zone. Pure, so unit
// tests run it without a browser.
import { wallClockIn } from "../../../functions/src/calendar/days.js";
import type { Precision } from "../../../functions/src/calendar/partial-date.js";
import { timeZoneOptions as namedZones, offeredTimeZones } from "../../../functions/src/i18n/format.js";
import type { Lang } from "../../../functions/src/model/common.js";
import type { ChoiceOption } from "./choice-logic.js";

export type DatePrecision = Precision | "none";
export const DATE_PRECISIONS: readonly DatePrecision[] = ["none", "year", "month", "day", "minute"];

/**
 * How precise a partial date is ("" is no date), read from its shape rather than its length, so
 * a year half typed ("20") stays in the year's input instead of vanishing from a date input.
 */
export function precisionOf(value: string): DatePrecision {
  if (value === "") return "none";
  if (value.includes("T")) return "minute";
  const parts = value.split("-").length;
  return parts === 1 ? "year" : parts === 2 ? "month" : "day";
}

/**
 * The same date at another precision: a finer one adds the first month or day (and 09:00), a
 * coarser one drops what it does not keep, so switching back and forth loses only what the
 * person chose to drop.
 */
export function withPrecision(value: string, precision: DatePrecision): string {
  if (precision === "none" || value === "") return "";
  const [year = "", month = "01", day = "01"] = value.slice(0, 10).split("-");
  const time = value.length === 16 ? value.slice(11) : "09:00";
  if (precision === "year") return year;
  if (precision === "month") return `${year}-${month}`;
  if (precision === "day") return `${year}-${month}-${day}`;
  return `${year}-${month}-${day}T${time}`;
}

/** The native input that picks a date of a precision. */
export const inputTypeOf = (precision: Precision) =>
  (({ year: "number", month: "month", day: "date", minute: "datetime-local" }) as const)[precision];

/** The person's own time zone, as their browser says. */
export const personZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The instant a date known to the day names in `zone` (its start when no time is given). */
export function instantOf(value: string, zone: string): Date | undefined {
  const precision = precisionOf(value);
  if ((precision !== "day" && precision !== "minute") || !zone) return undefined;
  try {
    const at = new Date(wallClockIn(value, zone).getTime());
    return Number.isNaN(at.getTime()) ? undefined : at;
  } catch {
    return undefined;
  }
}

/**
 * The time zone most of each American country's capital keeps, so an event's zone starts as its
 * host's; the person changes it for a country with several (Brazil, Canada, Mexico, the US).
 */
export const COUNTRY_ZONES: Record<string, string> = {
  AG: "America/Antigua",
  AR: "America/Argentina/Buenos_Aires",
  BB: "America/Barbados",
  BO: "America/La_Paz",
  BR: "America/Sao_Paulo",
  BS: "America/Nassau",
  BZ: "America/Belize",
  CA: "America/Toronto",
  CL: "America/Santiago",
  CO: "America/Bogota",
  CR: "America/Costa_Rica",
  CU: "America/Havana",
  DM: "America/Dominica",
  DO: "America/Santo_Domingo",
  EC: "America/Guayaquil",
  GD: "America/Grenada",
  GT: "America/Guatemala",
  GY: "America/Guyana",
  HN: "America/Tegucigalpa",
  HT: "America/Port-au-Prince",
  JM: "America/Jamaica",
  KN: "America/St_Kitts",
  LC: "America/St_Lucia",
  MX: "America/Mexico_City",
  NI: "America/Managua",
  PA: "America/Panama",
  PE: "America/Lima",
  PY: "America/Asuncion",
  SR: "America/Paramaribo",
  SV: "America/El_Salvador",
  TT: "America/Port_of_Spain",
  US: "America/New_York",
  UY: "America/Montevideo",
  VC: "America/St_Vincent",
  VE: "America/Caracas",
};

/** An event's zone when none is chosen yet: its first host's, else the person's. */
export const defaultZone = (hostCountries: readonly string[]) => COUNTRY_ZONES[hostCountries[0] ?? ""] ?? personZone();

/**
 * Every zone a person may choose, named as the site and the emails name it ("hora de Chile", a
 * city added when two read the same), in the console's language, from west to east; the value
 * stays the IANA id (the search also finds it), the hint is the offset ("GMT-3").
 */
export function timeZoneOptions(lang: Lang, at: Date = new Date()): ChoiceOption[] {
  const key = `${lang}:${at.toISOString().slice(0, 10)}`;
  const known = zonesByDay.get(key);
  if (known) return known;
  const options = namedZones(offeredTimeZones(), lang, at).map(({ zone, label }) => ({
    id: zone,
    label,
    hint: offsetOf(zone, at),
  }));
  zonesByDay.clear();
  zonesByDay.set(key, options);
  return options;
}
const zonesByDay = new Map<string, ChoiceOption[]>();

const offsetOf = (zone: string, at: Date) =>
  new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value ?? "";
