import { type Precision, partialDateFields, partialDateToUtc } from "../calendar/partial-date.js";
import type { Lang, PartialDate } from "../model/index.js";

const LOCALES: Record<Lang, string> = { es: "es", en: "en", pt: "pt-BR", fr: "fr" };
export const locale = (lang: Lang) => LOCALES[lang];

const precisionOf = (date: PartialDate): Precision => partialDateFields(date).precision;

const OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: "numeric", timeZone: "UTC" },
  month: { year: "numeric", month: "long", timeZone: "UTC" },
  day: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" },
  minute: { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" },
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, precision: Precision): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), OPTIONS[precision]);
    formatters.set(key, f);
  }
  return f;
}

/** "2005-06" → "junio de 2005" / "June 2005": only the precision the source gives. */
export function formatPartialDate(date: PartialDate, lang: Lang): string {
  return formatter(lang, precisionOf(date)).format(partialDateToUtc(date));
}

/** "2005-06-20".."2005-06-23" → "20–23 de junio de 2005". */
export function formatDateRange(start: PartialDate, end: PartialDate | undefined, lang: Lang): string {
  if (!end || end === start) return formatPartialDate(start, lang);
  const precision = precisionOf(start);
  if (precision !== precisionOf(end)) return `${formatPartialDate(start, lang)} – ${formatPartialDate(end, lang)}`;
  return formatter(lang, precision).formatRange(partialDateToUtc(start), partialDateToUtc(end));
}

/** Every time zone a person may choose: the IANA zones the runtime knows, and UTC. */
export function offeredTimeZones(): readonly string[] {
  offered ??= [...Intl.supportedValuesOf("timeZone"), "UTC"];
  return offered;
}
let offered: string[] | undefined;

const zoneName = (zone: string, lang: Lang, at: Date, style: "longGeneric" | "long") =>
  cached(
    `tz:${zone}:${lang}:${style}`,
    () => new Intl.DateTimeFormat(locale(lang), { timeZone: zone, timeZoneName: style }),
  )
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value ?? zone;

// Intl names a zone without a name of its own by its offset ("GMT+00:00" for UTC): its long name
// ("tiempo universal coordinado") says more, and does not change with the season.
function genericName(zone: string, lang: Lang, at: Date): string {
  const name = zoneName(zone, lang, at, "longGeneric");
  return name.startsWith("GMT") ? zoneName(zone, lang, at, "long") : name;
}

/** The city of a zone's code: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
const cityOf = (zone: string) => (zone.split("/").at(-1) ?? zone).replace(/_/g, " ");

// The names two offered zones share in a language on a day (Madrid and Paris are both "hora de
// Europa central"; Casablanca and El Aaiún only in some seasons), found once per instance, language
// and day: a few hundred names. Few days are asked (the events' first days, today), so the memory
// is small; it is emptied rather than grown past a bound.
const sharedByDay = new Map<string, Set<string>>();
function sharedNames(lang: Lang, at: Date): Set<string> {
  const key = `${lang}:${at.toISOString().slice(0, 10)}`;
  let shared = sharedByDay.get(key);
  if (!shared) {
    const seen = new Set<string>();
    shared = new Set();
    for (const zone of offeredTimeZones()) {
      const name = genericName(zone, lang, at);
      if (seen.has(name)) shared.add(name);
      seen.add(name);
    }
    if (sharedByDay.size >= 64) sharedByDay.clear();
    sharedByDay.set(key, shared);
  }
  return shared;
}

/**
 * A time zone as a person recognises it, in their language: "hora de Chile" / "Chile Time", with
 * the city of its code when another zone would read the same ("hora de Europa central (Madrid)").
 * The form's choices, the event page and every email that names a zone say it this way, so the
 * zone a person chose reads the same wherever it is named. `at` matters for the few zones whose
 * name changes with the season or changed over the years.
 */
export function timeZoneName(zone: string, lang: Lang, at: Date = new Date()): string {
  const name = genericName(zone, lang, at);
  return sharedNames(lang, at).has(name) ? `${name} (${cityOf(zone)})` : name;
}

/** A zone's offset from UTC at an instant, in minutes east ("GMT-03:00" → -180). */
function offsetMinutes(zone: string, at: Date): number {
  const name = cached(
    `offset:${zone}`,
    () => new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" }),
  )
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const found = name?.match(/^GMT([+-])(\d{2}):(\d{2})$/);
  if (!found) return 0;
  return (found[1] === "-" ? -1 : 1) * (Number(found[2]) * 60 + Number(found[3]));
}

/**
 * Zones to choose from, each labelled by `timeZoneName`, from west to east (the offsets at `at`),
 * then by name in the language's order: a person finds theirs among the zones of their hour.
 */
export function timeZoneOptions(
  zones: readonly string[],
  lang: Lang,
  at: Date = new Date(),
): { zone: string; label: string }[] {
  // Every event page with an open form lists every zone: sorted once per language and day.
  const key = zones === offeredTimeZones() ? `${lang}:${at.toISOString().slice(0, 10)}` : undefined;
  const known = key === undefined ? undefined : sortedByDay.get(key);
  if (known) return known;
  const collator = new Intl.Collator(locale(lang));
  const sorted = zones
    .map((zone) => ({ zone, label: timeZoneName(zone, lang, at), offset: offsetMinutes(zone, at) }))
    .sort((a, b) => a.offset - b.offset || collator.compare(a.label, b.label))
    .map(({ zone, label }) => ({ zone, label }));
  if (key !== undefined) {
    if (sortedByDay.size >= 64) sortedByDay.clear();
    sortedByDay.set(key, sorted);
  }
  return sorted;
}
const sortedByDay = new Map<string, { zone: string; label: string }[]>();

/**
 * A moment as a person reads it, in their language and time zone, the zone named so nobody
 * has to guess it: "2 de marzo de 2026, 12:30 GMT-3" / "March 2, 2026 at 12:30 PM GMT-3".
 */
export function formatMoment(at: string | number | Date, lang: Lang, timeZone: string): string {
  return cached(
    `moment:${lang}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale(lang), {
        year: "numeric",
        month: "long",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
        timeZoneName: "short",
      }),
  ).format(new Date(at));
}

export function formatNumber(value: number, lang: Lang): string {
  return cached(`number:${lang}`, () => new Intl.NumberFormat(locale(lang))).format(value);
}

// Building an Intl formatter costs far more than formatting with it (about 0.1 ms each, several per
// page); pages are rendered thousands of times per instance, so each formatter is built once.
const intl = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = intl.get(key) as F | undefined;
  if (!f) {
    f = make();
    intl.set(key, f);
  }
  return f;
}
