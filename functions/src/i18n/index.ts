import { LANGS, type Lang, type Localized } from "../model/index.js";
import { fillTemplate, type KeysOf, mergeCatalogs } from "./catalog.js";
import { common } from "./common.js";
import { consoleMessages } from "./console.js";
import { events } from "./events.js";
import { library } from "./library.js";
import { map } from "./map.js";
import { notify } from "./notify.js";
import { subscriptions } from "./subscriptions.js";

const parts = [common, events, library, consoleMessages, notify, map, subscriptions] as const;
/** Every message key; a new part's catalogue goes into `parts`. */
export type MessageKey = KeysOf<(typeof parts)[number]>;

/** The whole catalogue per language (exported for the completeness test). */
export const CATALOG: Record<Lang, Record<string, string>> = mergeCatalogs(...parts);

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one language. Unknown placeholders are left visible so they get noticed. */
export function translator(lang: Lang): Translate {
  const messages = CATALOG[lang];
  return (key, params) => {
    return fillTemplate(messages[key] ?? CATALOG.es[key] ?? key, params);
  };
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Text chosen for a visitor: in their language if it exists, otherwise the best available. */
export interface Picked {
  text: string;
  lang: Lang;
  /** True when the text is not in the language asked for. */
  fallback: boolean;
}

const FALLBACK_ORDER: Record<Lang, Lang[]> = {
  es: ["es", "en", "pt", "fr"],
  en: ["en", "es", "fr", "pt"],
  pt: ["pt", "es", "en", "fr"],
  fr: ["fr", "en", "es", "pt"],
};

export function pick(text: Localized, lang: Lang): Picked {
  for (const candidate of FALLBACK_ORDER[lang]) {
    const value = text[candidate];
    if (value !== undefined) return { text: value, lang: candidate, fallback: candidate !== lang };
  }
  // The schema guarantees es or en, so this is unreachable for valid records.
  return { text: "", lang, fallback: true };
}
