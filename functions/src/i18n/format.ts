import type { Lang, PartialDate } from "../model/index.js";

const LOCALES: Record<Lang, string> = { es: "es", en: "en", pt: "pt-BR", fr: "fr" };
export const locale = (lang: Lang) => LOCALES[lang];

type Precision = "year" | "month" | "day" | "minute";

function precisionOf(date: PartialDate): Precision {
  if (date.length === 4) return "year";
  if (date.length === 7) return "month";
  if (date.length === 10) return "day";
  return "minute";
}

/**
 * A partial date as a UTC instant of its calendar fields. Event dates are wall-clock dates in the
 * event's own time zone, so they are formatted in UTC to show exactly the day the source gives.
 */
export function partialDateToUtc(date: PartialDate): Date {
  const [day = "", time = "00:00"] = date.split("T");
  const [y, m = "01", d = "01"] = day.split("-");
  const [hh = "00", mm = "00"] = time.split(":");
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm)));
}

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

/** Sort key so that newer partial dates come first and undated records last. */
export function dateSortKey(date: PartialDate | undefined): string {
  return date ?? "";
}
