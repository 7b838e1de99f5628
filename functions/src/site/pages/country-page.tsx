import { pick } from "../../i18n/index.js";
import type { Country } from "../../model/index.js";
import { DocumentSummary, EventSummary } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { L } from "../components/localized-text.js";
import { href, type PageContext } from "../context.js";
import { countryMarks } from "../map/marks.js";
import { NetworkMap } from "../map/network-map.js";

/** A country: its institutions, representatives, committee seat, documents, events and profile. */
export function CountryPage({ ctx, country }: { ctx: PageContext; country: Country }) {
  const { t, data } = ctx;
  const name = pick(country.name, ctx.lang).text;
  const institutions = data.snapshot.institutions.filter((i) => i.countryId === country.id);
  const people = data.snapshot.members.filter((m) => m.countryId === country.id);
  const seat = data.snapshot.committee.find((s) => s.countryId === country.id);
  const events = [...data.upcomingEvents, ...data.pastEvents].filter(
    (e) => e.hostCountries.includes(country.id) || e.attendingCountries.includes(country.id),
  );
  const documents = data.latestDocuments.filter((d) => d.countries.includes(country.id));
  const profile = documents.find((d) => d.kind === "country-profile");
  return (
    <Layout ctx={ctx} title={name}>
      <h1>
        <L ctx={ctx} value={country.name} />
      </h1>
      <ul class="inline badges">
        {country.oasMember ? <li class="badge">{t("country.oas")}</li> : null}
        {seat ? (
          <li class="badge">
            <a href={href(ctx, "/committee")}>{t("country.seat")}</a>
          </li>
        ) : null}
      </ul>
      <NetworkMap ctx={ctx} marks={countryMarks(data, country.id)} />
      <section aria-labelledby="institutions">
        <h2 id="institutions">{t("members.institutions")}</h2>
        {institutions.length === 0 ? <p>{t("country.none")}</p> : null}
        <ul>
          {institutions.map((i) => (
            <li>
              <L ctx={ctx} value={i.name} />
              {i.website ? (
                <>
                  {" · "}
                  <a href={i.website} rel="noopener">
                    {i.website}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="representatives">
        <h2 id="representatives">{t("members.representatives")}</h2>
        {people.length === 0 ? <p>{t("members.noRepresentatives")}</p> : null}
        <ul>
          {people.map((m) => (
            <li>
              {m.name}
              {m.title ? (
                <>
                  {", "}
                  <L ctx={ctx} value={m.title} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="profile">
        <h2 id="profile">{t("country.profile")}</h2>
        {profile ? <DocumentSummary ctx={ctx} document={profile} /> : <p>{t("country.none")}</p>}
      </section>
      <section aria-labelledby="events">
        <h2 id="events">{t("country.events")}</h2>
        {events.length === 0 ? <p>{t("country.none")}</p> : null}
        {events.map((event) => (
          <EventSummary ctx={ctx} event={event} />
        ))}
      </section>
      <section aria-labelledby="documents">
        <h2 id="documents">{t("country.documents")}</h2>
        {documents.length === 0 ? <p>{t("country.none")}</p> : null}
        {documents.slice(0, 20).map((document) => (
          <DocumentSummary ctx={ctx} document={document} />
        ))}
        {documents.length > 20 ? (
          <p>
            <a href={href(ctx, `/library?country=${country.id}`)}>{t("home.allDocuments")}</a>
          </p>
        ) : null}
      </section>
    </Layout>
  );
}
