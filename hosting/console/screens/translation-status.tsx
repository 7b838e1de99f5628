/** @jsxImportSource preact */
import { LANGS, type Lang, TRANSLATION_STATUSES, type Translations } from "../../../functions/src/model/common.js";
import { formatTime, t } from "../i18n/index.js";
import { statusesOf } from "../translation-form.js";

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
