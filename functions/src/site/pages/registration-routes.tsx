import type { Context, Hono, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { pick } from "../../i18n/index.js";
import { converterFor, type Event, IdSchema, type Registration, RegistrationRequestSchema } from "../../model/index.js";
import { cancelRegistration, claimOffer } from "../../registration/cancellation.js";
import { eventRefusal, requestRefusal } from "../../registration/eligibility.js";
import { askToRegister, type RegistrationFormDeps } from "../../registration/form-request.js";
import { ownerPath } from "../../registration/links.js";
import { seatsSaid } from "../../registration/mail.js";
import { confirmationLinkState, ownerRegistration } from "../../registration/owner-links.js";
import { waitlistPosition } from "../../registration/positions.js";
import { confirmRegistration } from "../../registration/requests.js";
import { STATUS_PAGE_SENTENCES, statusSentence } from "../../registration/status-sentence.js";
import { registrationSettings } from "../../registration/store.js";
import { ButtonPage } from "../components/link-pages.js";
import type { PageContext } from "../context.js";
import { privatePage, type SiteEnv, sendPrivate } from "../http.js";
import { anyText, one, params, query } from "../input.js";
import {
  formatInZone,
  loadRegistrationPanel,
  type RegistrationError,
  type RegistrationField,
  RegistrationFormPage,
  type RegistrationValues,
  refusalSentence,
  sessionChoices,
  timeZoneChoices,
} from "./registration-form.js";
import { CancelledNotice, RegistrationNotice, RegistrationStatusPage } from "./registration-pages.js";
import { clientIpOf } from "./subscription-routes.js";

/** A body past this is no form of ours: the form with every session ticked is a few KB. */
const MAX_BODY_BYTES = 32 * 1024;

const EventParams = z.object({ id: IdSchema });
/** A link's query: the registration id and its token; the routes check their shapes and values. */
const LinkQuery = z.strictObject({ r: one(64, anyText), t: one(64, anyText) });

const text = (value: unknown) => (typeof value === "string" ? value : "");
const texts = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(text);

const eventTitle = (ctx: PageContext, event: Event | undefined, id: string) =>
  event ? pick(event.title, ctx.lang).text : id;

/** The registration pages: the form's POST, and confirm, status, cancel and claim behind the emails' links. */
export function registerRegistrationPages(
  app: Hono<SiteEnv>,
  origin: string,
  deps: RegistrationFormDeps | undefined,
): void {
  const registration = () => {
    if (!deps) throw new Error("The site was built without registration's dependencies.");
    return deps;
  };
  /** The event as stored: the form answers for unpublished events too, with their own sentence. */
  const eventRecord = async (id: string) =>
    (await registration().db.collection("events").withConverter(converterFor("events")).doc(id).get()).data();

  // Before the queries' validation, so that even its redirect, which repeats the token, is kept by nobody.
  for (const path of ["/:lang/events/:id/registration", "/:lang/events/:id/registration/*"]) app.use(path, privatePage);

  /**
   * CSRF, as on the subscription form: the site sets no cookie, so a forged POST acts as nobody;
   * browsers send Sec-Fetch-Site and Origin with every POST, which another site cannot forge, so
   * the form needs no token of its own, and the event page that carries it stays cacheable.
   */
  const guard = csrf({ origin: (given, c) => given === origin || given === new URL(c.req.url).origin });
  const sameOriginForm: MiddlewareHandler<SiteEnv> = async (c, next) => {
    try {
      await guard(c, async () => {});
    } catch (error) {
      if (!(error instanceof HTTPException) || error.status !== 403) throw error;
      const { ctx } = c.var;
      const body = [ctx.t("regform.error.origin")];
      return sendPrivate(c, <RegistrationNotice ctx={ctx} title={ctx.t("regform.refused.title")} body={body} />, 403);
    }
    await next();
  };

  // The form's answers are not pages of their own: their address, asked for again (another
  // language, a reload), leads back to the event page's form.
  app.get("/:lang/events/:id/registration", params(EventParams), (c) =>
    c.redirect(`/${c.var.ctx.lang}/events/${encodeURIComponent(c.req.valid("param").id)}#registration`, 303),
  );

  app.post(
    "/:lang/events/:id/registration",
    params(EventParams),
    sameOriginForm,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        const { ctx } = c.var;
        const body = [ctx.t("regform.error.tooLarge")];
        return sendPrivate(c, <RegistrationNotice ctx={ctx} title={ctx.t("regform.refused.title")} body={body} />, 400);
      },
    }),
    async (c) => {
      const { ctx } = c.var;
      const { t } = ctx;
      const eventId = c.req.valid("param").id;
      const deps = registration();
      const [event, settings] = await Promise.all([
        eventRecord(eventId),
        registrationSettings(deps.db)
          .doc(eventId)
          .get()
          .then((s) => s.data()),
      ]);
      const now = deps.clock();
      const refusal = eventRefusal(event, settings, now);
      if (refusal || !event || !settings) {
        const sentence = refusalSentence(ctx, refusal ?? "notOpen", settings, event?.timeZone);
        const shown = ctx.data.events.has(eventId) ? eventId : undefined;
        return sendPrivate(
          c,
          <RegistrationNotice ctx={ctx} title={t("regform.refused.title")} body={[sentence]} eventId={shown} />,
          400,
        );
      }

      const body = await c.req.parseBody({ all: true });
      const values: RegistrationValues = {
        name: text(body.name),
        address: text(body.address),
        institution: text(body.institution),
        country: text(body.country),
        category: text(body.category),
        lang: text(body.lang),
        timeZone: text(body.timeZone),
        sessions: texts(body.sessions),
        consent: text(body.consent) === "yes",
      };
      const errors: RegistrationError[] = [];
      const refuse = (field: RegistrationField, message: string) => {
        if (!errors.some((e) => e.field === field)) errors.push({ field, message });
      };
      const offered = sessionChoices(event, settings).map(String);
      // A private session is not offered; a page cached before it became private, or a forged
      // request, is told why rather than that the session does not exist.
      if (values.sessions.some((s) => settings.privateSessions.map(String).includes(s)))
        refuse("sessions", t("regform.error.privateSession"));
      if (values.sessions.some((s) => !offered.includes(s))) refuse("sessions", t("regform.error.sessions"));
      if (!ctx.data.countries.has(values.country)) refuse("country", t("regform.error.country"));
      if (values.timeZone !== "" && !timeZoneChoices(event.timeZone).includes(values.timeZone))
        refuse("timeZone", t("regform.error.timeZone"));
      const parsed = RegistrationRequestSchema.safeParse({
        name: values.name,
        address: values.address,
        institution: values.institution,
        country: values.country,
        category: values.category,
        lang: values.lang,
        sessions: offered.length > 0 ? values.sessions.map(Number) : [],
        timeZone: values.timeZone || undefined,
        publicListConsent: values.consent,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "form");
          if (field === "name") refuse("name", t("regform.error.name"));
          else if (field === "address") refuse("address", t("regform.error.address"));
          else if (field === "institution") refuse("institution", t("regform.error.institution"));
          else if (field === "country") refuse("country", t("regform.error.country"));
          else if (field === "category") refuse("category", t("regform.error.category"));
          else if (field === "lang") refuse("lang", t("regform.error.lang"));
          else if (field === "timeZone") refuse("timeZone", t("regform.error.timeZone"));
          else refuse("sessions", t("regform.error.sessions"));
        }
      } else {
        const unfit = requestRefusal(event, settings, parsed.data);
        if (unfit === "categoryNotOffered") refuse("category", t("regform.error.category"));
        else if (unfit === "privateSession") refuse("sessions", t("regform.error.privateSession"));
        else if (unfit) refuse("sessions", t("regform.error.sessions"));
      }
      if (errors.length > 0 || !parsed.success) {
        const panel = (await loadRegistrationPanel(deps.db, event, now)) ?? {
          settings,
          placesLeft: 0,
          refusal: undefined,
        };
        return sendPrivate(
          c,
          <RegistrationFormPage ctx={ctx} event={event} panel={panel} values={values} errors={errors} />,
          400,
        );
      }

      const outcome = await askToRegister(deps, eventId, parsed.data, clientIpOf(c));
      const title = eventTitle(ctx, event, eventId);
      if (outcome.outcome === "limited") {
        const waitMs = Math.max(0, outcome.retryAtMs - now.getTime());
        const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
        const sentence =
          outcome.scope === "client"
            ? t("regform.limited.client", { minutes })
            : outcome.scope === "global"
              ? t("regform.limited.global", { minutes })
              : t("regform.limited.address", { hours: Math.max(1, Math.ceil(waitMs / 3_600_000)) });
        return sendPrivate(
          c,
          <RegistrationNotice ctx={ctx} title={t("regform.limited.title")} body={[sentence]} />,
          429,
        );
      }
      if (outcome.outcome === "refused") {
        // Decided between the checks above and the request's own transaction (the event closed meanwhile).
        const sentence =
          outcome.reason === "categoryNotOffered" ||
          outcome.reason === "unknownSession" ||
          outcome.reason === "privateSession"
            ? t("regform.error.sessions")
            : refusalSentence(ctx, outcome.reason, settings, event.timeZone);
        return sendPrivate(
          c,
          <RegistrationNotice ctx={ctx} title={t("regform.refused.title")} body={[sentence]} eventId={eventId} />,
          400,
        );
      }
      // The same page whether the address was unknown, pending, registered or on the waiting list.
      return sendPrivate(
        c,
        <RegistrationNotice
          ctx={ctx}
          title={t("regform.sent.title")}
          body={[t("regform.sent.body", { event: title })]}
          eventId={eventId}
        />,
      );
    },
  );

  const invalid = (c: Context<SiteEnv>, sentence: string, eventId?: string) => {
    const { ctx } = c.var;
    const shown = eventId && ctx.data.events.has(eventId) ? eventId : undefined;
    return sendPrivate(
      c,
      <RegistrationNotice ctx={ctx} title={ctx.t("regform.invalid.title")} body={[sentence]} eventId={shown} />,
      400,
    );
  };
  /** The event a link names: the public view's, or its record for one the view does not list. */
  const eventOf = async (ctx: PageContext, eventId: string) =>
    ctx.data.events.get(eventId) ?? (await eventRecord(eventId));
  const titleOf = async (ctx: PageContext, eventId: string) => eventTitle(ctx, await eventOf(ctx, eventId), eventId);

  app.get("/:lang/events/:id/registration/confirm", params(EventParams), query(LinkQuery), async (c) => {
    const { ctx } = c.var;
    const eventId = c.req.valid("param").id;
    const { r = "", t: token = "" } = c.req.valid("query");
    const state = await confirmationLinkState(registration(), eventId, r, token);
    if (state === "expired") return invalid(c, ctx.t("regform.invalid.expired"), eventId);
    if (state === "invalid") return invalid(c, ctx.t("regform.invalid.confirm"), eventId);
    return sendPrivate(
      c,
      <ButtonPage
        ctx={ctx}
        title={ctx.t("regform.confirm.title")}
        body={ctx.t("regform.confirm.body", { event: await titleOf(ctx, eventId) })}
        button={ctx.t("regform.confirm.button")}
        action={`/${ctx.lang}/events/${encodeURIComponent(eventId)}/registration/confirm`}
        fields={{ r, t: token }}
      />,
    );
  });

  app.post(
    "/:lang/events/:id/registration/confirm",
    params(EventParams),
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => invalid(c, c.var.ctx.t("regform.invalid.confirm")) }),
    async (c) => {
      const { ctx } = c.var;
      const eventId = c.req.valid("param").id;
      const body = await c.req.parseBody();
      const id = text(body.r);
      const deps = registration();
      const outcome = await confirmRegistration(deps, eventId, id, text(body.t));
      if (outcome.outcome === "expired") return invalid(c, ctx.t("regform.invalid.expired"), eventId);
      if (outcome.outcome === "refused") {
        const settings = (await registrationSettings(deps.db).doc(eventId).get()).data();
        const zone = (await eventRecord(eventId))?.timeZone;
        return invalid(c, refusalSentence(ctx, outcome.reason, settings, zone), eventId);
      }
      // "already" too: the token of a decided registration is spent, and says nothing of it.
      if (outcome.outcome !== "confirming" && outcome.outcome !== "awaitingApproval")
        return invalid(c, ctx.t("regform.invalid.confirm"), eventId);
      const status = ownerPath("status", ctx.lang, eventId, id, deps.key);
      if (outcome.outcome === "awaitingApproval")
        return sendPrivate(
          c,
          <RegistrationNotice
            ctx={ctx}
            title={ctx.t("regform.confirming.title")}
            body={[ctx.t("regform.status.awaitingApproval")]}
            link={{ label: ctx.t("regform.statusLink"), href: status }}
          />,
        );
      return sendPrivate(
        c,
        <RegistrationNotice
          ctx={ctx}
          title={ctx.t("regform.confirming.title")}
          body={[ctx.t("regform.confirming.body")]}
          link={{ label: ctx.t("regform.statusLink"), href: status }}
        />,
      );
    },
  );

  /**
   * A page behind an owner's link (status, cancel, claim): `handle` runs with the registration
   * the link names, and a link not of ours gets the page saying so, whatever the page.
   */
  const ownerRoute = (
    method: "GET" | "POST",
    page: "status" | "cancel" | "claim",
    handle: (
      c: Context<SiteEnv>,
      link: { ctx: PageContext; eventId: string; r: string; found: Registration },
    ) => Promise<Response>,
  ) =>
    app.on(method, `/:lang/events/:id/registration/${page}`, params(EventParams), query(LinkQuery), async (c) => {
      const { ctx } = c.var;
      const eventId = c.req.valid("param").id;
      const { r = "", t: token = "" } = c.req.valid("query");
      const found = await ownerRegistration(registration(), eventId, r, token);
      if (!found) return invalid(c, ctx.t("regform.invalid.owner"), eventId);
      return handle(c, { ctx, eventId, r, found });
    });

  ownerRoute("GET", "status", async (c, { ctx, eventId, r, found }) => {
    const { t } = ctx;
    const deps = registration();
    const event = await eventOf(ctx, eventId);
    const zone = found.timeZone ?? event?.timeZone ?? "UTC";
    const { status } = found;
    const [position, settings] = await Promise.all([
      status.state === "waitlisted" ? waitlistPosition(deps.db, eventId, status.seq) : undefined,
      registrationSettings(deps.db)
        .doc(eventId)
        .get()
        .then((snap) => snap.data()),
    ]);
    const time = (atMs: number) => formatInZone(atMs, ctx, zone);
    const sentence = statusSentence(t, status, { position, time }, STATUS_PAGE_SENTENCES);
    return sendPrivate(
      c,
      <RegistrationStatusPage
        ctx={ctx}
        eventTitle={eventTitle(ctx, event, eventId)}
        eventId={eventId}
        sentence={sentence}
        sessions={event && settings ? seatsSaid(t, ctx.lang, event, settings, found) : []}
        deciding={status.state === "confirming"}
        claim={status.state === "offered" ? ownerPath("claim", ctx.lang, eventId, r, deps.key) : undefined}
        cancel={status.state === "cancelled" ? undefined : ownerPath("cancel", ctx.lang, eventId, r, deps.key)}
      />,
    );
  });

  ownerRoute("GET", "cancel", async (c, { ctx, eventId, r, found }) => {
    const title = await titleOf(ctx, eventId);
    if (found.status.state === "cancelled")
      return sendPrivate(c, <CancelledNotice ctx={ctx} eventTitle={title} eventId={eventId} />);
    // The button sends exactly what a mail client's one-click sends (RFC 8058), to the same URL.
    return sendPrivate(
      c,
      <ButtonPage
        ctx={ctx}
        title={ctx.t("regform.cancel.title")}
        body={ctx.t("regform.cancel.body", { event: title })}
        button={ctx.t("regform.cancel.button")}
        action={ownerPath("cancel", ctx.lang, eventId, r, registration().key)}
        fields={{ "List-Unsubscribe": "One-Click" }}
      />,
    );
  });

  // RFC 8058: a POST to the List-Unsubscribe URI, with no cookie and no CSRF token, takes effect
  // at once and is answered 200, never with a redirect. Whatever the body says, the token decides.
  ownerRoute("POST", "cancel", async (c, { ctx, eventId, r }) => {
    await cancelRegistration(registration(), eventId, r);
    return sendPrivate(c, <CancelledNotice ctx={ctx} eventTitle={await titleOf(ctx, eventId)} eventId={eventId} />);
  });

  ownerRoute("GET", "claim", async (c, { ctx, eventId, r, found }) => {
    const { t } = ctx;
    const deps = registration();
    const { status } = found;
    if (status.state !== "offered") return invalid(c, t("regform.claim.none"), eventId);
    if (deps.clock().getTime() >= status.untilMs) return invalid(c, t("regform.claim.expired"), eventId);
    const event = await eventOf(ctx, eventId);
    const zone = found.timeZone ?? event?.timeZone ?? "UTC";
    return sendPrivate(
      c,
      <ButtonPage
        ctx={ctx}
        title={t("regform.claim.title")}
        body={t("regform.claim.body", {
          event: eventTitle(ctx, event, eventId),
          until: formatInZone(status.untilMs, ctx, zone),
        })}
        button={t("regform.claim.button")}
        action={ownerPath("claim", ctx.lang, eventId, r, deps.key)}
        fields={{}}
      />,
    );
  });

  ownerRoute("POST", "claim", async (c, { ctx, eventId, r }) => {
    const { t } = ctx;
    const outcome = await claimOffer(registration(), eventId, r);
    if (outcome.outcome === "expired") return invalid(c, t("regform.claim.expired"), eventId);
    if (outcome.outcome === "none") return invalid(c, t("regform.claim.none"), eventId);
    return sendPrivate(
      c,
      <RegistrationNotice
        ctx={ctx}
        title={t("regform.claimed.title")}
        body={[t("regform.claimed.body", { event: await titleOf(ctx, eventId) })]}
        link={{ label: t("regform.statusLink"), href: ownerPath("status", ctx.lang, eventId, r, registration().key) }}
      />,
    );
  });
}
