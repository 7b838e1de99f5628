import { dayIn } from "../../calendar/days.js";
import { daysRemaining, termEnd } from "../../commitment/term.js";
import { JOBS_TIME_ZONE } from "../../config.js";
import { formatNumber, formatPartialDate } from "../../i18n/format.js";
import { nextMilestone } from "../../reminders/commitment-milestones.js";
import { CountryLink, InstitutionName } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { L } from "../components/localized-text.js";
import { href, type PageContext } from "../context.js";

/** The hosting commitment: host, term, days remaining and status; and the site's renaming. */
export function HostingPage({ ctx }: { ctx: PageContext }) {
  const { t, data } = ctx;
  const network = data.snapshot.network;
  return (
    <Layout ctx={ctx} title={t("hosting.title")}>
      <h1>{t("hosting.title")}</h1>
      {network ? (
        <p class="lead">
          {t("hosting.renamed", { website: network.website, date: formatPartialDate(network.renamedOn, ctx.lang) })}
        </p>
      ) : null}
      {data.snapshot.commitments.map((commitment) => {
        const event = data.events.get(commitment.offeredAtEventId);
        const end = termEnd(commitment);
        const remaining = daysRemaining(commitment, ctx.now);
        const reminder = nextMilestone(commitment, dayIn(ctx.now, JOBS_TIME_ZONE));
        return (
          <article class="card">
            <h2>
              <L ctx={ctx} value={commitment.scope} />
            </h2>
            <dl>
              <dt>{t("hosting.host")}</dt>
              <dd>
                {commitment.hostInstitutionId ? <InstitutionName ctx={ctx} id={commitment.hostInstitutionId} /> : null}
                {commitment.hostInstitutionId ? " · " : null}
                <CountryLink ctx={ctx} id={commitment.hostCountryId} />
              </dd>
              <dt>{t("hosting.offeredAt")}</dt>
              <dd>
                {event ? (
                  <a href={href(ctx, `/events/${event.id}`)}>
                    <L ctx={ctx} value={event.title} />
                  </a>
                ) : (
                  commitment.offeredAtEventId
                )}
              </dd>
              <dt>{t("hosting.term")}</dt>
              <dd>{t("hosting.termMonths", { months: commitment.termMonths })}</dd>
              <dt>{t("hosting.start")}</dt>
              <dd>
                {commitment.termStart ? formatPartialDate(commitment.termStart, ctx.lang) : t("hosting.notStarted")}
              </dd>
              {end ? (
                <>
                  <dt>{t("hosting.end")}</dt>
                  <dd>
                    <time datetime={end.toISOString().slice(0, 10)}>
                      {formatPartialDate(end.toISOString().slice(0, 10), ctx.lang)}
                    </time>
                  </dd>
                </>
              ) : null}
              {remaining !== undefined ? (
                <>
                  <dt>{t("hosting.remaining")}</dt>
                  <dd>{t("hosting.remainingDays", { days: formatNumber(Math.max(0, remaining), ctx.lang) })}</dd>
                </>
              ) : null}
              {reminder ? (
                <>
                  <dt>{t("hosting.nextReminder")}</dt>
                  <dd>
                    <time datetime={reminder.day}>{formatPartialDate(reminder.day, ctx.lang)}</time>
                  </dd>
                </>
              ) : null}
              <dt>{t("hosting.status")}</dt>
              <dd>
                <strong>{t(`hosting.status.${commitment.status}`)}</strong>
              </dd>
            </dl>
            <p class="source">{t("source", { source: commitment.source })}</p>
          </article>
        );
      })}
    </Layout>
  );
}
