import { locale } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import type { Country } from "../../model/index.js";
import { Layout } from "../components/layout.js";
import { L } from "../components/localized-text.js";
import { href, type PageContext } from "../context.js";
import { foundingEvent, membersMarks } from "../map/marks.js";
import { NetworkMap } from "../map/network-map.js";

function sortCountries(ctx: PageContext, countries: Country[]): Country[] {
  const collator = new Intl.Collator(locale(ctx.lang));
  return [...countries].sort((a, b) => collator.compare(pick(a.name, ctx.lang).text, pick(b.name, ctx.lang).text));
}

/** Countries with their institutions and public representatives; multilateral institutions. */
export function MembersPage({ ctx }: { ctx: PageContext }) {
  const { t, data } = ctx;
  const multilateral = data.snapshot.institutions.filter((i) => i.kind === "multilateral");
  const founding = foundingEvent(data);
  return (
    <Layout ctx={ctx} title={t("members.title")}>
      <h1>{t("members.title")}</h1>
      <section aria-labelledby="countries">
        <h2 id="countries">{t("members.countries")}</h2>
        <NetworkMap ctx={ctx} marks={membersMarks(data)} />
        <ul class="grid">
          {sortCountries(ctx, data.snapshot.countries).map((country) => {
            const institutions = data.snapshot.institutions.filter((i) => i.countryId === country.id);
            const people = data.snapshot.members.filter((m) => m.countryId === country.id);
            return (
              <li class="card">
                <h3>
                  <a href={href(ctx, `/countries/${country.id.toLowerCase()}`)}>
                    <L ctx={ctx} value={country.name} />
                  </a>
                </h3>
                {institutions.length > 0 ? (
                  <ul>
                    {institutions.map((i) => (
                      <li>
                        <L ctx={ctx} value={i.name} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {people.length > 0 ? (
                  <p>
                    {t("members.representatives")}: {people.map((m) => m.name).join(", ")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="multilateral">
        <h2 id="multilateral">{t("members.multilateral")}</h2>
        <ul>
          {multilateral.map((i) => (
            <li>
              <L ctx={ctx} value={i.name} />
              {i.acronym ? ` (${i.acronym})` : ""}
            </li>
          ))}
        </ul>
        {founding?.participation?.multilateralInstitutions ? (
          <p>{t("members.multilateralNote", { count: founding.participation.multilateralInstitutions })}</p>
        ) : null}
      </section>
    </Layout>
  );
}
