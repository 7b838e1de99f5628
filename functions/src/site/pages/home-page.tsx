import { formatNumber } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import { DocumentSummary, EventSummary } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { L } from "../components/localized-text.js";
import { href, type PageContext } from "../context.js";

const FOUNDING_EVENT = "iii-seminar-santiago-2005";

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t, data } = ctx;
  const network = data.snapshot.network;
  const founding = data.events.get(FOUNDING_EVENT);
  const p = founding?.participation;
  return (
    <Layout ctx={ctx} title={t("home.title")} description={network ? pick(network.purpose, ctx.lang).text : undefined}>
      <h1>{t("site.name")}</h1>
      <section aria-labelledby="purpose">
        <h2 id="purpose">{t("home.purpose")}</h2>
        {network ? (
          <p class="lead">
            <L ctx={ctx} value={network.purpose} />
          </p>
        ) : null}
        {founding &&
        p?.officials !== undefined &&
        p.countries !== undefined &&
        p.multilateralInstitutions !== undefined ? (
          <p>
            <a href={href(ctx, `/events/${founding.id}`)}>
              {t("home.figures", {
                officials: formatNumber(p.officials, ctx.lang),
                countries: formatNumber(p.countries, ctx.lang),
                multilateral: formatNumber(p.multilateralInstitutions, ctx.lang),
                city: founding.city ? pick(founding.city, ctx.lang).text : "",
              })}
            </a>
          </p>
        ) : null}
      </section>
      <div class="columns">
        <section aria-labelledby="latest">
          <h2 id="latest">{t("home.latest")}</h2>
          {data.latestDocuments.slice(0, 5).map((document) => (
            <DocumentSummary ctx={ctx} document={document} />
          ))}
          <p>
            <a href={href(ctx, "/library")}>{t("home.allDocuments")}</a>
          </p>
        </section>
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">{t("home.upcoming")}</h2>
          {data.upcomingEvents.length === 0 ? <p>{t("home.noUpcoming")}</p> : null}
          {data.upcomingEvents.slice(0, 5).map((event) => (
            <EventSummary ctx={ctx} event={event} />
          ))}
          <p>
            <a href={href(ctx, "/events")}>{t("home.allEvents")}</a>
          </p>
        </section>
      </div>
      <section aria-labelledby="priorities">
        <h2 id="priorities">{t("home.priorities")}</h2>
        <ul class="topics">
          {data.snapshot.topics.map((topic) => (
            <li>
              <a href={href(ctx, `/library?topic=${topic.id}`)}>
                <L ctx={ctx} value={topic.name} />
              </a>{" "}
              <span class="badge">{t(`priority.${topic.priority}`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
