import { formatPartialDate } from "../../i18n/format.js";
import { LANGS, type Lang, type Translations } from "../../model/index.js";
import { href, type PageContext } from "../context.js";

/**
 * On a page whose language's translation the store marked outdated (its original changed after
 * the translation was done): a note that it may be behind, with the original's date and a link to
 * the page in the original's language.
 */
export function OutdatedTranslationNote(props: {
  ctx: PageContext;
  translations: Translations | undefined;
  originalChangedAt: string | undefined;
  /** The page's path without its language prefix, such as "/documents/x". */
  path: string;
}) {
  const { ctx, translations } = props;
  if (translations?.[ctx.lang] !== "outdated") return <></>;
  const original = LANGS.find((lang: Lang) => translations[lang] === "original");
  if (!original || original === ctx.lang) return <></>;
  const name = ctx.t(`lang.${original}`);
  const day = props.originalChangedAt?.slice(0, 10);
  return (
    <p class="note" role="note">
      {day
        ? ctx.t("translation.outdated.notice", { lang: name, date: formatPartialDate(day, ctx.lang) })
        : ctx.t("translation.outdated.undated", { lang: name })}{" "}
      <a href={href(ctx, props.path, original)} hreflang={original} lang={original}>
        {ctx.t("translation.outdated.link", { lang: name })}
      </a>
    </p>
  );
}
