import { formatDateRange, formatPartialDate } from "../../i18n/format.js";
import { type Event, LANGS, type PublicDocument } from "../../model/index.js";
import { href, type PageContext } from "../context.js";
import { L } from "./localized-text.js";

export function CountryLink(props: { ctx: PageContext; id: string }) {
  const country = props.ctx.data.countries.get(props.id);
  if (!country) return <>{props.id}</>;
  return (
    <a href={href(props.ctx, `/countries/${country.id.toLowerCase()}`)}>
      <L ctx={props.ctx} value={country.name} />
    </a>
  );
}

export function InstitutionName(props: { ctx: PageContext; id: string }) {
  const institution = props.ctx.data.institutions.get(props.id);
  if (!institution) return <>{props.id}</>;
  return (
    <>
      <L ctx={props.ctx} value={institution.name} />
      {institution.acronym && institution.acronym !== institution.name.es ? ` (${institution.acronym})` : ""}
    </>
  );
}

/** "20–23 de junio de 2005" or "Fecha no indicada". */
export function EventDates(props: { ctx: PageContext; event: Event }) {
  const { event, ctx } = props;
  if (!event.start) return <>{ctx.t("unknown")}</>;
  return <time datetime={event.start}>{formatDateRange(event.start, event.end, ctx.lang)}</time>;
}

/** An event in a list: title, then kind, dates, city and host countries. */
export function EventSummary(props: { ctx: PageContext; event: Event; level?: 2 | 3; item?: boolean }) {
  const { ctx, event } = props;
  const { t } = ctx;
  const Heading = props.level === 2 ? "h2" : "h3";
  const Root = props.item ? "li" : "article";
  return (
    <Root class="card">
      <Heading>
        <a href={href(ctx, `/events/${event.id}`)}>
          <L ctx={ctx} value={event.title} />
        </a>
      </Heading>
      <p class="meta">
        <span class="badge">{t(`event.kind.${event.kind}`)}</span>
        {event.status === "cancelled" ? (
          <>
            {" "}
            <span class="badge">{t("event.status.cancelled")}</span>
          </>
        ) : null}{" "}
        <EventDates ctx={ctx} event={event} />
        {event.city ? (
          <>
            {" · "}
            <L ctx={ctx} value={event.city} />
          </>
        ) : null}
        {event.hostCountries.length > 0 ? " · " : null}
        {event.hostCountries.map((code, index) => (
          <>
            {index > 0 ? ", " : null}
            <CountryLink ctx={ctx} id={code} />
          </>
        ))}
      </p>
    </Root>
  );
}

/** A document in a list: title, then kind, date and the languages it can be read in, and its summary. */
export function DocumentSummary(props: { ctx: PageContext; document: PublicDocument; level?: 2 | 3 }) {
  const { ctx, document } = props;
  const { t } = ctx;
  const Heading = props.level === 2 ? "h2" : "h3";
  const langs = LANGS.filter((lang) => document.body[lang] !== undefined);
  return (
    <article class="card">
      <Heading>
        <a href={href(ctx, `/documents/${document.id}`)}>
          <L ctx={ctx} value={document.title} />
        </a>
      </Heading>
      <p class="meta">
        <span class="badge">{t(`library.kind.${document.kind}`)}</span>
        {document.publishedOn ? (
          <>
            {" · "}
            <time datetime={document.publishedOn}>{formatPartialDate(document.publishedOn, ctx.lang)}</time>
          </>
        ) : null}
        {langs.length ? <> · {t("library.languages", { langs: langs.map((l) => t(`lang.${l}`)).join(", ") })}</> : null}
      </p>
      <p>
        <L ctx={ctx} value={document.summary} />
      </p>
    </article>
  );
}
