import { partialDateToUtc } from "../../calendar/partial-date.js";
import { formatNumber, timeZoneName } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import { type Event, SESSION_TYPES } from "../../model/index.js";
import { CountryLink, DocumentSummary, EventDates, InstitutionName } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { FallbackNote, L } from "../components/localized-text.js";
import { OutdatedTranslationNote } from "../components/outdated-translation.js";
import { ParticipantList } from "../components/participant-list.js";
import { href, type PageContext } from "../context.js";
import { hasCalendarDates } from "../feeds/icalendar.js";
import { eventMarks } from "../map/marks.js";
import { NetworkMap } from "../map/network-map.js";
import { eventCard } from "../share/card.js";

/** Country codes ordered by their name in the visitor's language. */
function byName(ctx: PageContext, codes: string[]): string[] {
  const collator = new Intl.Collator(ctx.lang);
  const name = (code: string) => {
    const country = ctx.data.countries.get(code);
    return country ? pick(country.name, ctx.lang).text : code;
  };
  return [...codes].sort((a, b) => collator.compare(name(a), name(b)));
}

function Participation({ ctx, event }: { ctx: PageContext; event: Event }) {
  const p = event.participation;
  if (!p) return null;
  const { t } = ctx;
  const figures = [
    { label: t("event.officials"), value: p.officials },
    { label: t("event.countries"), value: p.countries },
    { label: t("event.multilateral"), value: p.multilateralInstitutions },
    { label: t("event.institutions"), value: p.institutions },
  ].filter((figure) => figure.value !== undefined);
  if (figures.length === 0) return null;
  return (
    <section aria-labelledby="participation">
      <h2 id="participation">{t("event.participation")}</h2>
      <dl>
        {figures.map((figure) => (
          <>
            <dt>{figure.label}</dt>
            <dd>{formatNumber(figure.value ?? 0, ctx.lang)}</dd>
          </>
        ))}
      </dl>
      {p.countedFrom === "attendance" ? <p>{t("event.countedFromAttendance")}</p> : null}
    </section>
  );
}

/** The sessions, grouped by type (workshops, forums, presentations), with their subjects. */
function Programme({ ctx, event }: { ctx: PageContext; event: Event }) {
  const { t, data } = ctx;
  const groups = SESSION_TYPES.map((type) => ({
    type,
    sessions: event.sessions.filter((s) => s.type === type),
  })).filter((group) => group.sessions.length > 0);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="programme">
      <h2 id="programme">{t("event.programme")}</h2>
      {groups.map((group) => (
        <section aria-labelledby={`sessions-${group.type}`}>
          <h3 id={`sessions-${group.type}`}>{t(`event.session.${group.type}`)}</h3>
          {group.sessions.map((session) => {
            const topics = session.topicIds.flatMap((id) => data.topics.get(id) ?? []);
            // A session often bears its type's name ("Workshops"); saying it twice helps no one.
            const named = pick(session.title, ctx.lang).text !== t(`event.session.${group.type}`);
            return (
              <div class="card">
                {named ? (
                  <h4>
                    <L ctx={ctx} value={session.title} />
                  </h4>
                ) : null}
                {session.topics.length > 0 ? (
                  <ul>
                    {session.topics.map((topic) => (
                      <li>
                        <L ctx={ctx} value={topic} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {topics.length > 0 ? (
                  <p class="meta">
                    {t("event.priorityTopics")}{" "}
                    {topics.map((topic, index) => (
                      <>
                        {index > 0 ? ", " : null}
                        <a href={href(ctx, `/library?topic=${encodeURIComponent(topic.id)}`)}>
                          <L ctx={ctx} value={topic.name} />
                        </a>
                      </>
                    ))}
                  </p>
                ) : null}
              </div>
            );
          })}
        </section>
      ))}
    </section>
  );
}

function CountryList({ ctx, codes }: { ctx: PageContext; codes: string[] }) {
  return (
    <>
      {byName(ctx, codes).map((code, index) => (
        <>
          {index > 0 ? ", " : null}
          <CountryLink ctx={ctx} id={code} />
        </>
      ))}
    </>
  );
}

/** One event: when and where (in its own time zone), who took part, its programme and documents. */
export function EventPage({ ctx, event }: { ctx: PageContext; event: Event }) {
  const { t, data, lang } = ctx;
  const title = pick(event.title, lang);
  const documents = data.latestDocuments.filter((d) => d.eventId === event.id);
  const calendar = hasCalendarDates(event) ? `/${lang}/events/${event.id}/calendar.ics` : undefined;
  // Only one note: title and summary of an event are normally written in the same languages.
  const fallback = title.fallback ? event.title : event.summary;
  return (
    <Layout
      ctx={ctx}
      title={title.text}
      description={event.summary ? pick(event.summary, lang).text : undefined}
      head={calendar ? <link rel="alternate" type="text/calendar" href={calendar} /> : undefined}
      share={{ card: eventCard(ctx, event), subject: { kind: "events", id: event.id } }}
    >
      <h1>
        <L ctx={ctx} value={event.title} />
      </h1>
      <FallbackNote ctx={ctx} value={fallback} />
      <OutdatedTranslationNote
        ctx={ctx}
        translations={event.translations}
        originalChangedAt={event.originalChangedAt}
        path={`/events/${event.id}`}
      />
      <ul class="inline badges">
        <li class="badge">{t(`event.kind.${event.kind}`)}</li>
        <li class="badge">{t(`event.status.${event.status}`)}</li>
      </ul>
      {event.summary ? (
        <p class="lead">
          <L ctx={ctx} value={event.summary} />
        </p>
      ) : null}
      {calendar ? (
        <p>
          <a href={calendar} type="text/calendar" download={`${event.id}.ics`}>
            {t("event.ics")}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="details">
        <h2 id="details">{t("event.details")}</h2>
        <dl>
          <dt>{t("event.dates")}</dt>
          <dd>
            <EventDates ctx={ctx} event={event} />
          </dd>
          {event.start && event.timeZone ? (
            <>
              <dt>{t("event.timeZone")}</dt>
              <dd>{timeZoneName(event.timeZone, lang, partialDateToUtc(event.start))}</dd>
            </>
          ) : null}
          {event.city ? (
            <>
              <dt>{t("event.city")}</dt>
              <dd>
                <L ctx={ctx} value={event.city} />
              </dd>
            </>
          ) : null}
          {event.hostCountries.length > 0 ? (
            <>
              <dt>{t("event.hosts")}</dt>
              <dd>
                <CountryList ctx={ctx} codes={event.hostCountries} />
              </dd>
            </>
          ) : null}
          {event.organizerIds.length > 0 ? (
            <>
              <dt>{t("event.organizers")}</dt>
              <dd>
                <ul class="plain">
                  {event.organizerIds.map((id) => (
                    <li>
                      <InstitutionName ctx={ctx} id={id} />
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {event.attendingCountries.length > 0 ? (
            <>
              <dt>{t("event.attending")}</dt>
              <dd>
                <CountryList ctx={ctx} codes={event.attendingCountries} />
              </dd>
            </>
          ) : null}
        </dl>
        {event.hostCountries.length + event.attendingCountries.length > 0 ? (
          <NetworkMap ctx={ctx} marks={eventMarks(data, event)} />
        ) : null}
      </section>
      <Participation ctx={ctx} event={event} />
      <ParticipantList ctx={ctx} event={event} />
      <Programme ctx={ctx} event={event} />
      <section aria-labelledby="documents">
        <h2 id="documents">{t("event.documents")}</h2>
        {documents.length === 0 ? <p>{t("event.noDocuments")}</p> : null}
        {documents.map((document) => (
          <DocumentSummary ctx={ctx} document={document} level={3} />
        ))}
      </section>
      <p class="source">{t("source", { source: event.source })}</p>
      <p>
        <a href={href(ctx, "/events")}>{t("event.allEvents")}</a>
      </p>
    </Layout>
  );
}
