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

/** A time zone's name as visitors know it, e.g. "hora de Chile" / "Chile Time". */
export function timeZoneName(zone: string, lang: Lang, at: Date = new Date()): string {
  const parts = cached(
    `tz:${zone}:${lang}`,
    () => new Intl.DateTimeFormat(locale(lang), { timeZone: zone, timeZoneName: "longGeneric" }),
  ).formatToParts(at);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
}

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
