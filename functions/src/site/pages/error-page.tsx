import { Layout } from "../components/layout.js";
import { href, type PageContext } from "../context.js";

export function ErrorPage(props: { ctx: PageContext; status: 400 | 404 | 500; detail?: string }) {
  const { ctx, status } = props;
  const { t } = ctx;
  const title = t(`error.${status}.title`);
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      <p>{t(`error.${status}.body`, { detail: props.detail ?? "" })}</p>
      <p>
        <a href={href(ctx, "/")}>{t("error.home")}</a>
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some assistive technology; role="search" on the form is the supported landmark */}
      <form role="search" action={href(ctx, "/search")} method="get">
        <label for="q-error">{t("nav.search")}</label> <input id="q-error" name="q" type="search" maxlength={200} />{" "}
        <button type="submit">{t("nav.search")}</button>
      </form>
    </Layout>
  );
}
