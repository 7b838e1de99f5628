import { formatPartialDate } from "../../i18n/format.js";
import { CountryLink } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { L } from "../components/localized-text.js";
import { href, type PageContext } from "../context.js";
import { committeeMarks } from "../map/marks.js";
import { NetworkMap } from "../map/network-map.js";

/** The Executive Committee: each country and the basis of its seat. */
export function CommitteePage({ ctx }: { ctx: PageContext }) {
  const { t, data } = ctx;
  return (
    <Layout ctx={ctx} title={t("committee.title")}>
      <h1>{t("committee.title")}</h1>
      <p class="lead">{t("committee.intro")}</p>
      <NetworkMap ctx={ctx} marks={committeeMarks(data)} />
      <ul class="grid">
        {data.snapshot.committee.map((seat) => {
          const event = seat.eventId === undefined ? undefined : data.events.get(seat.eventId);
          const eventLink = event ? (
            <a href={href(ctx, `/events/${event.id}`)}>
              <L ctx={ctx} value={event.title} />
            </a>
          ) : (
            seat.eventId
          );
          // A seat the secretariat gave by hand shows its written reason instead of an event.
          const [before, after = ""] =
            seat.basis === "manual"
              ? [t("committee.manual", { reason: seat.reason ?? "" })]
              : t(seat.basis === "hosted" ? "committee.hosted" : "committee.willHost").split("{event}");
          return (
            <li class="card">
              <h2>
                <CountryLink ctx={ctx} id={seat.countryId} />
              </h2>
              <p>
                {before}
                {seat.basis === "manual" ? null : eventLink}
                {after}
              </p>
              <p class="meta">{t("committee.since", { date: formatPartialDate(seat.since, ctx.lang) })}</p>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
