// Dates as the editors pick them: a partial date (functions/src/calendar/partial-date.ts) at the
// precision the source gives, in a native date input of that precision, with its IANA time zone
// and the instant it names in the person's own zone. Pure, so unit tests run it without a browser.
import { wallClockIn } from "../../../functions/src/calendar/days.js";
import type { Precision } from "../../../functions/src/calendar/partial-date.js";
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

let zones: ChoiceOption[] | undefined;

/** Every IANA zone this browser knows, named by its place and offset ("America/Santiago · GMT-3"). */
export function timeZoneOptions(): ChoiceOption[] {
  if (zones) return zones;
  const names = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [personZone()];
  const offset = (zone: string) =>
    new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" })
      .formatToParts(new Date())
      .find((p) => p.type === "timeZoneName")?.value;
  // The model takes "Area/Place" names and UTC (TimeZoneSchema).
  zones = [...names.filter((z) => z.includes("/")), "UTC"].map((zone) => ({
    id: zone,
    label: zone.replace(/_/g, " "),
    ...(offset(zone) ? { hint: offset(zone) } : {}),
  }));
  return zones;
}
