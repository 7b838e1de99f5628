import type { Lang } from "../model/common.js";

/**
 * Which language to show when the one asked for is missing, for every reader (the site, the
 * emails, the console): Spanish and English first, as the network's working languages, then the
 * language closest to the one asked for. No catalogue here, so the console can import it alone.
 */
const FALLBACK_ORDER: Record<Lang, readonly Lang[]> = {
  es: ["es", "en", "pt", "fr"],
  en: ["en", "es", "fr", "pt"],
  pt: ["pt", "es", "en", "fr"],
  fr: ["fr", "en", "es", "pt"],
};

/** The languages to look in for `lang`, in order: `lang` itself first. */
export const fallbackOrder = (lang: Lang): readonly Lang[] => FALLBACK_ORDER[lang];

/** Text chosen for a reader: in their language if it exists, otherwise the best available. */
export interface Picked {
  text: string;
  lang: Lang;
  /** True when the text is not in the language asked for. */
  fallback: boolean;
}

/** The text to show a reader of `lang`, or undefined when there is none in any language. */
export function pickAvailable(text: Partial<Record<Lang, string>> | undefined, lang: Lang): Picked | undefined {
  for (const candidate of FALLBACK_ORDER[lang]) {
    const value = text?.[candidate];
    if (value !== undefined) return { text: value, lang: candidate, fallback: candidate !== lang };
  }
  return undefined;
}
