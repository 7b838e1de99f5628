import { LANGS, type Lang, type Localized } from "../../model/index.js";
import { type Catalog, fillTemplate } from "./catalog.js";
import { common } from "./common.js";
import { consoleMessages } from "./console.js";
import { consoleUi } from "./console-ui.js";
import { events } from "./events.js";
import { library } from "./library.js";

const parts = [common, events, library, consoleMessages, consoleUi];
type KeyOf<C> = C extends Catalog<infer K> ? K : never;
/** Every message key; add a part's catalogue here and to `parts`. */
export type MessageKey =
  | KeyOf<typeof common>
  | KeyOf<typeof events>
  | KeyOf<typeof library>
  | KeyOf<typeof consoleMessages>
  | KeyOf<typeof consoleUi>;

/** The whole catalogue per language (exported for the completeness test). */
export const CATALOG: Record<Lang, Record<string, string>> = Object.fromEntries(
  LANGS.map((lang) => [lang, Object.assign({}, ...parts.map((p) => p[lang]))]),
) as Record<Lang, Record<string, string>>;

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

/** Picks the best interface language from an Accept-Language header; Spanish by default. */
export function negotiateLang(header: string | undefined): Lang {
  if (!header) return "es";
  const ranked = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        lang: tag.trim().toLowerCase().split("-")[0] ?? "",
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0 && isLang(entry.lang))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (ranked[0]?.lang as Lang | undefined) ?? "es";
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
