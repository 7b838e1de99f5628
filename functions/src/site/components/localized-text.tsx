import { pick } from "../../i18n/index.js";
import type { Localized } from "../../model/index.js";
import type { PageContext } from "../context.js";

/** Localized text; when shown in another language it carries that language's `lang`. */
export function L(props: { ctx: PageContext; value: Localized | undefined }) {
  if (!props.value) return <></>;
  const picked = pick(props.value, props.ctx.lang);
  return picked.fallback ? <span lang={picked.lang}>{picked.text}</span> : <>{picked.text}</>;
}

/** The visible note that a piece of content is shown in a language other than the visitor's. */
export function FallbackNote(props: { ctx: PageContext; value: Localized | undefined }) {
  if (!props.value) return <></>;
  const picked = pick(props.value, props.ctx.lang);
  if (!picked.fallback) return <></>;
  const { t } = props.ctx;
  return (
    <p class="note" role="note">
      {t("fallback.note", { lang: t(`lang.${picked.lang}`) })}
    </p>
  );
}
