import { signal } from "@preact/signals";
import { fillTemplate } from "../../../functions/src/i18n/catalog.js";
import { locale } from "../../../functions/src/i18n/format.js";
import { pickAvailable } from "../../../functions/src/i18n/pick.js";
import { LANGS, type Lang } from "../../../functions/src/model/common.js";
import { consoleUi } from "./messages.js";

export type UiKey = keyof (typeof consoleUi)["es"];

function initialLang(): Lang {
  const saved = localStorage.getItem("console.lang");
  const wanted = saved ?? navigator.language.slice(0, 2);
  return (LANGS as readonly string[]).includes(wanted) ? (wanted as Lang) : "es";
}

/** The interface language; the callables also answer their errors in it. */
export const lang = signal<Lang>(initialLang());

export function setLang(next: Lang) {
  lang.value = next;
  localStorage.setItem("console.lang", next);
  document.documentElement.lang = next;
}

/** A message of the console's catalogue in the current language. */
export function t(key: UiKey, params?: Record<string, string | number>): string {
  return fillTemplate(consoleUi[lang.value][key], params);
}

/** Text of a record in the interface language, else in the language the site would show. */
export function pickText(text: Partial<Record<Lang, string>> | undefined): string | undefined {
  return pickAvailable(text, lang.value)?.text;
}

/** The reader's time zone: their member record's (lib/names.ts sets it when it loads), else the browser's. */
export const timeZone = signal<string | undefined>(undefined);

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** "4 dic 2026, 20:36": a moment in the reader's time zone and the interface's language. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const zone = timeZone.value ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const key = `${lang.value}|${zone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(lang.value), {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: zone,
    });
    dateTimeFormats.set(key, format);
  }
  return format.format(new Date(iso));
}
