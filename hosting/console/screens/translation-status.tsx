/** @jsxImportSource preact */
import {
  LANGS,
  type Lang,
  TRANSLATION_STATUSES,
  type TranslationStatus,
  type Translations,
} from "../../../functions/src/model/common.js";
import { formatTime, t } from "../i18n/index.js";

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

/** Every language's status, an outdated one in bold, for a list's cell or an editor's header. */
export function TranslationStatuses(props: {
  translations: Translations | undefined;
  texts: Partial<Record<Lang, string>> | undefined;
}) {
  return (
    <ul class="tr-statuses" aria-label={t("ui.trs.list")}>
      {statusesOf(props.translations, props.texts).map(([l, status]) => {
        const item = t("ui.trs.item", { lang: t(`ui.lang.${l}`), status: t(`ui.tr.${status}`) });
        return <li key={l}>{status === "outdated" ? <strong>{item}</strong> : item}</li>;
      })}
    </ul>
  );
}

/** Said when a translation is outdated: when the original changed, and how to clear the flag. */
export function OutdatedNote(props: { translations: Translations | undefined; originalChangedAt: string | undefined }) {
  const outdated = LANGS.some((l) => props.translations?.[l] === "outdated");
  if (!outdated) return null;
  return (
    <p class="tr-note" role="note">
      {props.originalChangedAt
        ? t("ui.trs.outdatedNote", { date: formatTime(props.originalChangedAt) })
        : t("ui.trs.outdatedUndated")}
    </p>
  );
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

/** A language's status picker in the record editor; "untracked" where the record keeps none. */
export function StatusPicker(props: { lang: Lang; value: string; onChange: (value: string) => void }) {
  const id = `r-translations-${props.lang}`;
  return (
    <p class="field">
      <label for={id}>{t("ui.trs.status")}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t("ui.trs.untracked")}</option>
        {TRANSLATION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`ui.tr.${s}`)}
          </option>
        ))}
      </select>
    </p>
  );
}
