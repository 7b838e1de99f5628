import { LANGS, type Lang, type Translations } from "../../model/index.js";
import type { AnyRecord } from "./kinds.js";

const isLang = (key: string): key is Lang => (LANGS as readonly string[]).includes(key);

/** A text in several languages, wherever it sits in a record (a title, a session's subjects). */
const isLocalized = (value: unknown): value is Partial<Record<Lang, string>> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.entries(value).every(([key, text]) => isLang(key) && typeof text === "string");

/**
 * Every text of `lang` in a record, by where it sits ("title", "sessions.2.topics.0"), in a
 * stable order: what the record says in that language, whatever its kind.
 */
export function textsIn(record: unknown, lang: Lang, path = ""): [string, string][] {
  if (isLocalized(record)) {
    const text = record[lang];
    return text === undefined ? [] : [[path, text]];
  }
  if (Array.isArray(record)) return record.flatMap((item, i) => textsIn(item, lang, `${path}.${i}`));
  if (typeof record !== "object" || record === null) return [];
  return Object.keys(record)
    .filter((key) => key !== "translations")
    .sort()
    .flatMap((key) => textsIn((record as Record<string, unknown>)[key], lang, path ? `${path}.${key}` : key));
}

/** The language a record was written in: the one its translations call "original". */
export const originalLang = (translations: Translations | undefined): Lang | undefined =>
  LANGS.find((lang) => translations?.[lang] === "original");

const sameTexts = (a: unknown, b: unknown, lang: Lang) =>
  JSON.stringify(textsIn(a, lang)) === JSON.stringify(textsIn(b, lang));

/**
 * The translation fields of a record about to be stored in place of `current`: when the original
 * language's text changed, every translation done before (stored as "translated") that the same
 * save did not also rewrite becomes "outdated", and `originalChangedAt` moves to `now`. A save
 * that changes nothing of the original flags nothing; whoever marks a translation done again
 * ("translated") clears its flag, since "outdated" only ever follows a change of the original.
 */
export function translationState(
  current: AnyRecord | undefined,
  next: AnyRecord,
  now: Date,
): { translations?: Translations; originalChangedAt?: string } {
  const translations = next.translations as Translations | undefined;
  const stored = current?.originalChangedAt as string | undefined;
  const original = originalLang(translations);
  if (!translations || !original) return { translations, originalChangedAt: stored };
  if (current && sameTexts(current, next, original)) return { translations, originalChangedAt: stored };
  const before = current?.translations as Translations | undefined;
  const flagged: Translations = { ...translations };
  for (const lang of LANGS) {
    const doneBefore = before?.[lang] === "translated" && translations[lang] === "translated";
    if (doneBefore && sameTexts(current, next, lang)) flagged[lang] = "outdated";
  }
  return { translations: flagged, originalChangedAt: now.toISOString() };
}
