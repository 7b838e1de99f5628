import type { Context, Hono, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { EmailAddressSchema, LANGS } from "../../model/index.js";
import {
  confirmationIsValid,
  confirmSubscription,
  requestSubscription,
  type SubscriptionDeps,
  unsubscribe,
  unsubscribeLinkIsValid,
} from "../../subscriptions/subscribers.js";
import { ButtonPage, NoticePage } from "../components/link-pages.js";
import { href } from "../context.js";
import { privatePage, type SiteEnv, sendPrivate } from "../http.js";
import { anyText, NO_QUERY, one, query } from "../input.js";
import { type FormError, SubscribePage, type SubscribeValues, subscribeAgain } from "./subscription-pages.js";

/** Longest address SMTP carries (RFC 5321: a 256-octet path, less its angle brackets). */
const MAX_ADDRESS = 254;
/** A body past this is no form of ours; the form itself is well under 1 KB. */
const MAX_BODY_BYTES = 16 * 1024;

const SubscribeForm = z.object({
  address: z.string().trim().max(MAX_ADDRESS).pipe(EmailAddressSchema),
  lang: z.enum(LANGS),
});

/** A link's query: the subscriber id and its token; the routes check their shapes and values. */
const LinkQuery = z.strictObject({ s: one(64, anyText), t: one(64, anyText) });

/**
 * The client a request comes from, read only from Fastly-Client-IP, which Hosting's front end
 * sets itself. X-Forwarded-For is never read: its first hop is whatever the visitor wrote, even
 * through Hosting, which only appends. A request without the header did not come through Hosting
 * (a caller of the function's own URL, or the emulators): all such requests share one client.
 * A caller of the function's own URL can still write Fastly-Client-IP, so the per-client limit
 * holds for visitors of the site only; the per-address and global limits, which nobody can
 * dodge, are what protect inboxes.
 */
export function clientIpOf(c: Context): string {
  return c.req.header("fastly-client-ip")?.trim() || "direct";
}

/**
 * CSRF on the subscription form. The site sets no cookie, so a forged POST could not act as
 * anybody; what it could do is make visitors' browsers send subscription requests from their
 * addresses, past the per-client limit. Browsers send Sec-Fetch-Site and Origin on every POST,
 * which a page elsewhere cannot forge, so hono/csrf checking them is enough, and the form needs
 * no signed token (which would tie the page to a moment and to an instance's key).
 */
function sameOriginForm(origin: string): MiddlewareHandler<SiteEnv> {
  const guard = csrf({ origin: (given, c) => given === origin || given === new URL(c.req.url).origin });
  return async (c, next) => {
    try {
      await guard(c, async () => {});
    } catch (error) {
      if (!(error instanceof HTTPException) || error.status !== 403) throw error;
      const { ctx } = c.var;
      return sendPrivate(
        c,
        <SubscribePage ctx={ctx} errors={[{ field: "form", message: ctx.t("sub.error.origin") }]} />,
        403,
      );
    }
    await next();
  };
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The subscription pages: subscribe, confirm (link, then button) and unsubscribe (link or one-click POST). */
export function registerSubscriptionPages(
  app: Hono<SiteEnv>,
  origin: string,
  deps: SubscriptionDeps | undefined,
): void {
  const subscriptions = () => {
    if (!deps) throw new Error("The site was built without its subscriptions' dependencies.");
    return deps;
  };
  // Before their query's validation, so that even its redirect, which repeats the token, is kept by nobody.
  for (const path of ["/:lang/subscribe/confirm", "/:lang/unsubscribe"]) app.use(path, privatePage);

  // After it here: the form's page carries nothing personal, so its canonical redirect is public like any other.
  app.get("/:lang/subscribe", query(NO_QUERY), privatePage, (c) => sendPrivate(c, <SubscribePage ctx={c.var.ctx} />));

  app.post(
    "/:lang/subscribe",
    privatePage,
    sameOriginForm(origin),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        const { ctx } = c.var;
        return sendPrivate(
          c,
          <SubscribePage ctx={ctx} errors={[{ field: "form", message: ctx.t("sub.error.tooLarge") }]} />,
          400,
        );
      },
    }),
    async (c) => {
      const { ctx } = c.var;
      const { t } = ctx;
      const body = await c.req.parseBody();
      const values: SubscribeValues = { address: text(body.address), lang: text(body.lang) };
      const parsed = SubscribeForm.safeParse(values);
      if (!parsed.success) {
        const errors: FormError[] = [];
        for (const issue of parsed.error.issues) {
          const field = issue.path[0] === "lang" ? "lang" : "address";
          if (errors.some((e) => e.field === field)) continue;
          const message =
            field === "lang"
              ? t("sub.error.lang")
              : issue.code === "too_big"
                ? t("sub.error.addressTooLong", { max: MAX_ADDRESS })
                : t("sub.error.address");
          errors.push({ field, message });
        }
        return sendPrivate(c, <SubscribePage ctx={ctx} values={values} errors={errors} />, 400);
      }
      const outcome = await requestSubscription(subscriptions(), {
        address: parsed.data.address,
        lang: parsed.data.lang,
        clientIp: clientIpOf(c),
      });
      if (outcome.status === "limited") {
        const waitMs = Math.max(0, outcome.retryAtMs - subscriptions().clock().getTime());
        const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
        const body =
          outcome.scope === "client"
            ? t("sub.limited.client", { minutes })
            : outcome.scope === "global"
              ? t("sub.limited.global", { minutes })
              : t("sub.limited.address", { hours: Math.max(1, Math.ceil(waitMs / 3_600_000)) });
        return sendPrivate(c, <NoticePage ctx={ctx} title={t("sub.limited.title")} body={body} />, 429);
      }
      // The same page whether the address was unknown, waiting or already subscribed.
      return sendPrivate(c, <NoticePage ctx={ctx} title={t("sub.sent.title")} body={t("sub.sent.body")} />);
    },
  );

  const invalidConfirmation = (c: Context<SiteEnv>) => {
    const { t } = c.var.ctx;
    return sendPrivate(
      c,
      <NoticePage
        ctx={c.var.ctx}
        title={t("sub.invalid.title")}
        body={t("sub.invalid.confirm")}
        links={subscribeAgain(c.var.ctx)}
      />,
      400,
    );
  };

  app.get("/:lang/subscribe/confirm", query(LinkQuery), async (c) => {
    const { s = "", t: token = "" } = c.req.valid("query");
    const { ctx } = c.var;
    if (!(await confirmationIsValid(subscriptions(), s, token))) return invalidConfirmation(c);
    return sendPrivate(
      c,
      <ButtonPage
        ctx={ctx}
        title={ctx.t("sub.confirm.title")}
        body={ctx.t("sub.confirm.body")}
        button={ctx.t("sub.confirm.button")}
        action={href(ctx, "/subscribe/confirm")}
        fields={{ s, t: token }}
      />,
    );
  });

  app.post(
    "/:lang/subscribe/confirm",
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: invalidConfirmation }),
    async (c) => {
      const body = await c.req.parseBody();
      const { ctx } = c.var;
      if (!(await confirmSubscription(subscriptions(), text(body.s), text(body.t)))) return invalidConfirmation(c);
      return sendPrivate(
        c,
        <NoticePage ctx={ctx} title={ctx.t("sub.confirmed.title")} body={ctx.t("sub.confirmed.body")} />,
      );
    },
  );

  const invalidUnsubscribe = (c: Context<SiteEnv>) => {
    const { t } = c.var.ctx;
    return sendPrivate(
      c,
      <NoticePage ctx={c.var.ctx} title={t("sub.invalid.title")} body={t("sub.invalid.unsubscribe")} />,
      400,
    );
  };

  app.get("/:lang/unsubscribe", query(LinkQuery), (c) => {
    const { s = "", t: token = "" } = c.req.valid("query");
    const { ctx } = c.var;
    if (!unsubscribeLinkIsValid(subscriptions().key, s, token)) return invalidUnsubscribe(c);
    // The button sends exactly what a mail client's one-click sends (RFC 8058), to the same URL.
    return sendPrivate(
      c,
      <ButtonPage
        ctx={ctx}
        title={ctx.t("sub.unsubscribe.title")}
        body={ctx.t("sub.unsubscribe.body")}
        button={ctx.t("sub.unsubscribe.button")}
        action={`${href(ctx, "/unsubscribe")}?${new URLSearchParams({ s, t: token })}`}
        fields={{ "List-Unsubscribe": "One-Click" }}
      />,
    );
  });

  // RFC 8058: a POST to the List-Unsubscribe URI, with no cookie and no CSRF token, takes effect
  // at once and is answered 200, never with a redirect. Whatever the body says, the token decides.
  app.post("/:lang/unsubscribe", query(LinkQuery), async (c) => {
    const { s = "", t: token = "" } = c.req.valid("query");
    const { ctx } = c.var;
    if (!(await unsubscribe(subscriptions(), s, token))) return invalidUnsubscribe(c);
    return sendPrivate(
      c,
      <NoticePage
        ctx={ctx}
        title={ctx.t("sub.unsubscribed.title")}
        body={ctx.t("sub.unsubscribed.body")}
        links={subscribeAgain(ctx)}
      />,
    );
  });
}
