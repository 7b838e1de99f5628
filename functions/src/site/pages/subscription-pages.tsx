import { LANGS, type Lang } from "../../model/index.js";
import { ErrorSummary } from "../components/error-summary.js";
import { Layout } from "../components/layout.js";
import type { NoticeLink } from "../components/link-pages.js";
import { href, type PageContext } from "../context.js";

/** The notice's link back to the form, after a refused confirmation or an unsubscription. */
export const subscribeAgain = (ctx: PageContext): NoticeLink[] => [
  { label: ctx.t("sub.again"), href: href(ctx, "/subscribe") },
];

/** What a visitor typed, kept when the form comes back with an error. */
export interface SubscribeValues {
  address: string;
  lang: string;
}

/** An error of the subscription form, already in the page's language, and the field it concerns. */
export interface FormError {
  field: "address" | "lang" | "form";
  message: string;
}

/** The subscription form: a plain POST form, so it works without JavaScript. */
export function SubscribePage(props: { ctx: PageContext; values?: SubscribeValues; errors?: FormError[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const errorOf = (field: FormError["field"]) => errors.find((e) => e.field === field);
  const address = errorOf("address");
  const lang = errorOf("lang");
  const chosen = props.values?.lang ?? ctx.lang;
  return (
    <Layout ctx={ctx} title={t("sub.title")} description={t("sub.intro")} noindex={errors.length > 0}>
      <h1>{t("sub.title")}</h1>
      <p>{t("sub.intro")}</p>
      <ErrorSummary title={t("sub.error.summary")} errors={errors} level={2} />
      <form method="post" action={href(ctx, "/subscribe")}>
        <p>
          <label for="sub-address">{t("sub.form.address")}</label>
          <br />
          <input
            id="sub-address"
            name="address"
            type="email"
            autocomplete="email"
            required
            maxlength={254}
            value={props.values?.address ?? ""}
            aria-invalid={address ? "true" : undefined}
            aria-describedby={address ? "sub-address-error" : undefined}
          />
          {address ? (
            <>
              <br />
              <strong id="sub-address-error">{address.message}</strong>
            </>
          ) : null}
        </p>
        <p>
          <label for="sub-lang">{t("sub.form.lang")}</label>
          <br />
          <select
            id="sub-lang"
            name="lang"
            aria-invalid={lang ? "true" : undefined}
            aria-describedby={lang ? "sub-lang-error" : undefined}
          >
            {LANGS.map((other: Lang) => (
              <option value={other} lang={other} selected={other === chosen}>
                {t(`lang.${other}`)}
              </option>
            ))}
          </select>
          {lang ? (
            <>
              <br />
              <strong id="sub-lang-error">{lang.message}</strong>
            </>
          ) : null}
        </p>
        <p>
          <button type="submit">{t("sub.form.submit")}</button>
        </p>
      </form>
      <p>{t("sub.privacy")}</p>
    </Layout>
  );
}
