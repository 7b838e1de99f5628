// Each language's translation status in the console: as lists show it, and as the record editor's
// form holds and sends it. Pure, so unit tests run it without a browser.
import { LANGS, type Lang, type TranslationStatus, type Translations } from "../../functions/src/model/common.js";

/**
 * Each language's translation status as the console shows it: the stored one, else "translated"
 * where the record has text in that language (records from before statuses were kept) and
 * "missing" where it has none.
 */
export function statusesOf(
  translations: Translations | undefined,
  texts: Partial<Record<Lang, string>> | undefined,
): [Lang, TranslationStatus][] {
  return LANGS.map((l) => [l, translations?.[l] ?? (texts?.[l] ? "translated" : "missing")]);
}

/** The form value that holds a language's status in the record editor ("" for a record that keeps none). */
export const statusField = (l: Lang) => `translation.${l}`;

/** A record form with each language's stored status as a value of its own. */
export function withStatuses<F extends { values: Record<string, string> }>(
  form: F,
  record: Record<string, unknown> | undefined,
): F {
  const stored = record?.translations as Translations | undefined;
  const values = { ...form.values };
  for (const l of LANGS) values[statusField(l)] = stored?.[l] ?? "";
  return { ...form, values };
}

/** A record's content with the statuses its form chose in place of the stored ones: none while every language is untracked. */
export function withFormStatuses(
  content: Record<string, unknown>,
  form: { values: Record<string, string> },
): Record<string, unknown> {
  const { translations: _stored, ...rest } = content;
  const chosen = LANGS.flatMap((l) => {
    const status = form.values[statusField(l)];
    return status ? [[l, status] as const] : [];
  });
  return chosen.length ? { ...rest, translations: Object.fromEntries(chosen) as Translations } : rest;
}
