import { Layout } from "../components/layout.js";
import { NO_REFERRER, type NoticeLink, NoticePage } from "../components/link-pages.js";
import { href, type PageContext } from "../context.js";

const eventPath = (eventId: string) => `/events/${encodeURIComponent(eventId)}`;

/** A page with one message about a registration, and where to go next: their registration, the event. */
export function RegistrationNotice(props: {
  ctx: PageContext;
  title: string;
  body: string[];
  eventId?: string;
  link?: NoticeLink;
}) {
  const { ctx } = props;
  const links = [
    ...(props.link ? [props.link] : []),
    ...(props.eventId ? [{ label: ctx.t("regform.back"), href: href(ctx, eventPath(props.eventId)) }] : []),
  ];
  return <NoticePage ctx={ctx} title={props.title} body={props.body} links={links} />;
}

/** A registration cancelled: what the cancel page says, whether this visit cancelled it or an earlier one. */
export function CancelledNotice(props: { ctx: PageContext; eventTitle: string; eventId: string }) {
  const { ctx } = props;
  return (
    <RegistrationNotice
      ctx={ctx}
      title={ctx.t("regform.cancelled.title")}
      body={[ctx.t("regform.cancelled.body", { event: props.eventTitle })]}
      eventId={props.eventId}
    />
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
