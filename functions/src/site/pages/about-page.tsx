import { pick } from "../../i18n/index.js";
import { CountryLink } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { L } from "../components/localized-text.js";
import { href, type PageContext } from "../context.js";

/** The Santiago agreements: areas of common interest, the single network, its committee and website. */
export function AboutPage({ ctx }: { ctx: PageContext }) {
  const { t, data } = ctx;
  const network = data.snapshot.network;
  const highest = data.snapshot.topics.filter((topic) => topic.priority === "highest");
  const others = data.snapshot.topics.filter((topic) => topic.priority === "high");
  return (
    <Layout ctx={ctx} title={t("about.title")}>
      <h1>{t("about.title")}</h1>
      <p class="lead">{t("about.intro")}</p>
      <section aria-labelledby="areas">
        <h2 id="areas">{t("about.areas")}</h2>
        <p>{t("about.areasHighest")}</p>
        <ul>
          {highest.map((topic) => (
            <li>
              <L ctx={ctx} value={topic.name} />
            </li>
          ))}
        </ul>
        <p>{t("about.areasOther")}</p>
        <ul>
          {others.map((topic) => (
            <li>
              <L ctx={ctx} value={topic.name} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="network">
        <h2 id="network">{t("about.network")}</h2>
        <p>{t("about.networkBody")}</p>
        <p>
          <a href={href(ctx, "/initiatives")}>{t("initiatives.title")}</a>
        </p>
      </section>
      <section aria-labelledby="committee">
        <h2 id="committee">{t("about.committee")}</h2>
        <p>{t("about.committeeBody")}</p>
        <ul class="inline">
          {data.snapshot.committee.map((seat) => (
            <li>
              <CountryLink ctx={ctx} id={seat.countryId} />
            </li>
          ))}
        </ul>
        <p>
          <a href={href(ctx, "/committee")}>{t("committee.title")}</a>
        </p>
      </section>
      {network ? (
        <section aria-labelledby="website">
          <h2 id="website">{t("about.website")}</h2>
          <p>
            {t("about.websiteBody", {
              former: pick(network.formerSiteName, ctx.lang).text,
              network: pick(network.name, ctx.lang).text,
              website: network.website,
            })}
          </p>
          <p>
            <a href={href(ctx, "/hosting")}>{t("hosting.title")}</a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}
