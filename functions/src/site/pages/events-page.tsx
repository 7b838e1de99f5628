import type { Event } from "../../model/index.js";
import { EventSummary } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { href, type PageContext } from "../context.js";

/** Numbered pages of past events; a link to the newer page and to the older one. */
function Pager({ ctx, page, pages }: { ctx: PageContext; page: number; pages: number }) {
  if (pages <= 1) return null;
  const { t } = ctx;
  const at = (n: number) => href(ctx, n === 1 ? "/events" : `/events?page=${n}`);
  return (
    <nav class="pager" aria-label={t("events.pager")}>
      {page > 1 ? (
        <a href={at(page - 1)} rel="prev">
          {t("events.newer")}
        </a>
      ) : (
        <span />
      )}
      <span>{t("events.pageOf", { page, pages })}</span>
      {page < pages ? (
        <a href={at(page + 1)} rel="next">
          {t("events.older")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

export interface EventsPageProps {
  ctx: PageContext;
  /** The past events of this page, most recent first. */
  past: Event[];
  page: number;
  pages: number;
}

/**
 * Upcoming events (on the first page) and one page of past events, with the events calendar to
 * subscribe to.
 */
export function EventsPage({ ctx, past, page, pages }: EventsPageProps) {
  const { t, data, lang } = ctx;
  const calendar = `/${lang}/calendar.ics`;
  const title = page > 1 ? `${t("events.title")} · ${t("events.pageOf", { page, pages })}` : t("events.title");
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("events.intro")}
      head={<link rel="alternate" type="text/calendar" href={calendar} title={t("footer.calendar")} />}
    >
      <h1>{t("events.title")}</h1>
      <p class="lead">{t("events.intro")}</p>
      <p>
        <a href={calendar} type="text/calendar">
          {t("events.subscribe")}
        </a>
      </p>
      {page === 1 ? (
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">{t("events.upcoming")}</h2>
          {data.upcomingEvents.length === 0 ? (
            <p>{t("events.noUpcoming")}</p>
          ) : (
            <ul class="plain">
              {data.upcomingEvents.map((event) => (
                <EventSummary ctx={ctx} event={event} item />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="past">
        <h2 id="past">{t("events.past")}</h2>
        {past.length === 0 ? (
          <p>{t("events.noPast")}</p>
        ) : (
          <ul class="plain">
            {past.map((event) => (
              <EventSummary ctx={ctx} event={event} item />
            ))}
          </ul>
        )}
        <Pager ctx={ctx} page={page} pages={pages} />
      </section>
    </Layout>
  );
}
