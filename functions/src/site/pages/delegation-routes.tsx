import type { Context, Hono, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { formatDateRange } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import { converterFor, type Delegate, type Delegation } from "../../model/index.js";
import { countryNames } from "../../notify/audit-reactions.js";
import { type AnswerLink, answerInvitation, answerView } from "../../registration/delegations/answer.js";
import { answerPath } from "../../registration/delegations/answer-links.js";
import type { RegistrationDeps } from "../../registration/requests.js";
import { Layout } from "../components/layout.js";
import { NO_REFERRER, NoticePage } from "../components/link-pages.js";
import { href, type PageContext } from "../context.js";
import { privatePage, type SiteEnv, sendPrivate } from "../http.js";
import { anyText, one, query } from "../input.js";

/** The answer form is three short fields and a choice. */
const MAX_BODY_BYTES = 4 * 1024;

const LinkQuery = z.strictObject({ d: one(140, anyText), p: one(64, anyText), t: one(64, anyText) });

/**
 * The answer page is personal (its URL carries the person's token): besides privatePage's no-store,
 * it sends no Referer anywhere, so the token leaves neither in a cache nor in another site's logs.
 */
const noReferrer: MiddlewareHandler<SiteEnv> = async (c, next) => {
  await next();
  c.res.headers.set("Referrer-Policy", "no-referrer");
};

/** The invitation and its two answers; each button POSTs, so a mail scanner opening the link answers nothing. */
function AnswerPage(props: { ctx: PageContext; title: string; body: string; named: Named; link: AnswerLink }) {
  const { ctx, link, named } = props;
  return (
    <Layout ctx={ctx} title={props.title} noindex head={NO_REFERRER}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {named.dates ? <p>{ctx.t("deleg.answer.when", { dates: named.dates })}</p> : null}
      <EventLink ctx={ctx} named={named} />
      <form method="post" action={answerPath(ctx.lang)}>
        <input type="hidden" name="d" value={link.d} />
        <input type="hidden" name="p" value={link.p} />
        <input type="hidden" name="t" value={link.t} />
        <button type="submit" name="answer" value="accept">
          {ctx.t("deleg.answer.accept")}
        </button>{" "}
        <button type="submit" name="answer" value="decline">
          {ctx.t("deleg.answer.decline")}
        </button>
      </form>
    </Layout>
  );
}

/** What the invited person needs to decide: the event's page (its programme, its place). */
function EventLink(props: { ctx: PageContext; named: Named }) {
  const { ctx, named } = props;
  if (!named.eventId) return null;
  return (
    <p>
      <a href={href(ctx, `/events/${encodeURIComponent(named.eventId)}`)}>{ctx.t("deleg.answer.event")}</a>
    </p>
  );
}

/** An answer's outcome, with the way to the event's page. */
function AnsweredPage(props: { ctx: PageContext; title: string; body: string; named: Named }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title} noindex head={NO_REFERRER}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      <EventLink ctx={ctx} named={props.named} />
    </Layout>
  );
}

type Named = {
  country: string;
  event: string;
  name: string;
  role: string;
  /** The event's days in the page's language; empty when the event has none. */
  dates: string;
  /** The event's id for its page's link; empty when the event is gone. */
  eventId: string;
};

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** A delegate's invitation, answered on the site: GET shows accept and decline, POST decides (registration/delegations). */
export function registerDelegationPages(app: Hono<SiteEnv>, deps: RegistrationDeps | undefined): void {
  const delegationDeps = () => {
    if (!deps) throw new Error("The site was built without its registrations' dependencies.");
    return deps;
  };
  const path = "/:lang/delegations/answer";
  app.use(path, privatePage, noReferrer);

  /** The names the page speaks of, in the page's language. */
  async function words(ctx: PageContext, delegation: Delegation, person?: Delegate): Promise<Named> {
    const { db } = delegationDeps();
    const [country, event] = await Promise.all([
      countryNames(db, delegation.country),
      db.collection("events").withConverter(converterFor("events")).doc(delegation.eventId).get(),
    ]);
    const record = event.data();
    return {
      country: country(ctx.lang),
      event: record ? pick(record.title, ctx.lang).text : delegation.eventId,
      name: person?.name ?? "",
      role: person ? ctx.t(`notice.delegation.role.${person.role}`) : "",
      dates: record?.start ? formatDateRange(record.start, record.end, ctx.lang) : "",
      eventId: record?.id ?? "",
    };
  }

  const invalid = (c: Context<SiteEnv>) => {
    const { t } = c.var.ctx;
    return sendPrivate(
      c,
      <NoticePage ctx={c.var.ctx} title={t("deleg.invalid.title")} body={t("deleg.invalid.body")} />,
      400,
    );
  };

  app.get(path, query(LinkQuery), async (c) => {
    const { d = "", p = "", t: token = "" } = c.req.valid("query");
    const { ctx } = c.var;
    const view = await answerView(delegationDeps(), { d, p, t: token });
    if (view.outcome === "invalid") return invalid(c);
    const named = await words(ctx, view.delegation, view.person);
    if (view.outcome === "answered")
      return sendPrivate(
        c,
        <NoticePage
          ctx={ctx}
          title={ctx.t("deleg.already.title")}
          body={ctx.t(view.person.state === "accepted" ? "deleg.already.accepted" : "deleg.already.declined")}
        />,
      );
    return sendPrivate(
      c,
      <AnswerPage
        ctx={ctx}
        title={ctx.t("deleg.answer.title", named)}
        body={ctx.t("deleg.answer.body", named)}
        named={named}
        link={{ d, p, t: token }}
      />,
    );
  });

  app.post(path, bodyLimit({ maxSize: MAX_BODY_BYTES, onError: invalid }), async (c) => {
    const body = await c.req.parseBody();
    const { ctx } = c.var;
    const answer = text(body.answer);
    if (answer !== "accept" && answer !== "decline") return invalid(c);
    const outcome = await answerInvitation(
      delegationDeps(),
      { d: text(body.d), p: text(body.p), t: text(body.t) },
      answer,
    );
    if (outcome.outcome === "invalid") return invalid(c);
    const { t } = ctx;
    if (outcome.outcome === "closed")
      return sendPrivate(
        c,
        <NoticePage ctx={ctx} title={t("deleg.closed.title")} body={t("deleg.closed.body")} />,
        400,
      );
    if (outcome.outcome === "already")
      return sendPrivate(
        c,
        <NoticePage
          ctx={ctx}
          title={t("deleg.already.title")}
          body={t(outcome.person.state === "accepted" ? "deleg.already.accepted" : "deleg.already.declined")}
        />,
        400,
      );
    const named = await words(ctx, outcome.delegation, outcome.person);
    return sendPrivate(
      c,
      <AnsweredPage
        ctx={ctx}
        named={named}
        title={t(outcome.outcome === "accepted" ? "deleg.accepted.title" : "deleg.declined.title")}
        body={t(outcome.outcome === "accepted" ? "deleg.accepted.body" : "deleg.declined.body", named)}
      />,
    );
  });
}
