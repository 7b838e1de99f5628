import { formatPartialDate } from "../../i18n/format.js";
import { InstitutionName } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { L } from "../components/localized-text.js";
import type { PageContext } from "../context.js";

/** The initiatives merged into the network, with their coordinators and cross-link status. */
export function InitiativesPage({ ctx }: { ctx: PageContext }) {
  const { t, data } = ctx;
  return (
    <Layout ctx={ctx} title={t("initiatives.title")}>
      <h1>{t("initiatives.title")}</h1>
      <p class="lead">{t("initiatives.intro")}</p>
      {data.snapshot.initiatives.map((initiative) => (
        <article class="card">
          <h2>
            <L ctx={ctx} value={initiative.name} />
          </h2>
          <dl>
            <dt>{t("initiatives.coordinators")}</dt>
            <dd>
              <ul class="plain">
                {initiative.coordinatorIds.map((id) => (
                  <li>
                    <InstitutionName ctx={ctx} id={id} />
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t("initiatives.link")}</dt>
            <dd>{t(`initiatives.crossLink.${initiative.crossLink}`)}</dd>
            {initiative.linkCheck ? (
              <>
                <dt>{t("initiatives.lastCheck")}</dt>
                <dd>
                  {t(`initiatives.check.${initiative.linkCheck.result}`, {
                    date: formatPartialDate(initiative.linkCheck.checkedOn, ctx.lang),
                  })}
                </dd>
              </>
            ) : null}
            {initiative.website ? (
              <>
                <dt>{t("initiatives.website")}</dt>
                <dd>
                  <a href={initiative.website} rel="noopener">
                    {initiative.website}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </article>
      ))}
    </Layout>
  );
}
