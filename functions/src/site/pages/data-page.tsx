import { formatNumber } from "../../i18n/format.js";
import { Layout } from "../components/layout.js";
import type { PageContext } from "../context.js";
import { DATASETS } from "../feeds/open-data.js";

/** The open-data page: what can be downloaded, in which formats, and on what terms. */
export function DataPage({ ctx }: { ctx: PageContext }) {
  const { t, data, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("data.title")} description={t("data.intro")}>
      <h1>{t("data.title")}</h1>
      <p class="lead">{t("data.intro")}</p>
      <p class="note" role="note">
        {t("data.licence")}
      </p>
      <section aria-labelledby="snapshot">
        <h2 id="snapshot">{t("data.snapshot")}</h2>
        <p>{t("data.snapshotBody")}</p>
        <p>
          <a href="/data/public.json" type="application/json" download="compraspublicas.json">
            public.json
          </a>
        </p>
      </section>
      <section aria-labelledby="tables">
        <h2 id="tables">{t("data.tables")}</h2>
        <p>{t("data.tablesBody")}</p>
        <p>{t("data.formulas")}</p>
        <ul class="grid">
          {DATASETS.map((dataset) => (
            <li class="card">
              <h3>{t(`data.dataset.${dataset}`)}</h3>
              <p class="meta">{t("data.rows", { count: formatNumber(data.snapshot[dataset].length, lang) })}</p>
              <p>
                <a href={`/data/${dataset}.csv`} type="text/csv" download={`compraspublicas-${dataset}.csv`}>
                  {dataset}.csv
                </a>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="subscriptions">
        <h2 id="subscriptions">{t("data.subscriptions")}</h2>
        <ul>
          <li>
            <a href={`/${lang}/feed.xml`} type="application/atom+xml">
              {t("data.feed")}
            </a>
          </li>
          <li>
            <a href={`/${lang}/calendar.ics`} type="text/calendar">
              {t("data.calendar")}
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
