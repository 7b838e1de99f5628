import { Layout } from "../components/layout.js";
import { NO_REFERRER } from "../components/link-pages.js";
import { href, type PageContext } from "../context.js";

const eventPath = (eventId: string) => `/events/${encodeURIComponent(eventId)}`;

/** A page with one message about a registration, and where to go next. */
export function RegistrationNotice(props: {
  ctx: PageContext;
  title: string;
  body: string[];
  eventId?: string;
  link?: { label: string; href: string };
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title} noindex head={NO_REFERRER}>
      <h1>{props.title}</h1>
      {props.body.map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      {props.link ? (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      ) : null}
      {props.eventId ? (
        <p>
          <a href={href(ctx, eventPath(props.eventId))}>{ctx.t("regform.back")}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/**
 * Where a registration stands, for its owner. While the allocator decides (a second or two) the
 * page asks the browser to load it again, which works without JavaScript.
 */
export function RegistrationStatusPage(props: {
  ctx: PageContext;
  eventTitle: string;
  eventId: string;
  sentence: string;
  /** What the person holds of the sessions they asked for (rooms), said after where they stand. */
  sessions?: string[];
  deciding: boolean;
  claim?: string;
  cancel?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const head = (
    <>
      {NO_REFERRER}
      {props.deciding ? <meta http-equiv="refresh" content="3" /> : null}
    </>
  );
  return (
    <Layout ctx={ctx} title={t("regform.status.title")} noindex head={head}>
      <h1>{t("regform.status.title")}</h1>
      <p>{t("regform.status.event", { event: props.eventTitle })}</p>
      <p role="status">{props.sentence}</p>
      {(props.sessions ?? []).map((line) => (
        <p>{line}</p>
      ))}
      {props.claim ? (
        <p>
          <a href={props.claim}>{t("regform.status.claim")}</a>
        </p>
      ) : null}
      {props.cancel ? (
        <p>
          <a href={props.cancel}>{t("regform.status.cancel")}</a>
        </p>
      ) : null}
      <p>
        <a href={href(ctx, eventPath(props.eventId))}>{t("regform.back")}</a>
      </p>
    </Layout>
  );
}
