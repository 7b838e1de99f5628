import { type Context, Hono } from "hono";
import { languageDetector } from "hono/language";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import { isLang, translator } from "../i18n/index.js";
import { cloudLog } from "../log.js";
import { LANGS, LangSchema } from "../model/index.js";
import { pageContext } from "./context.js";
import { Cursors } from "./cursor.js";
import type { SiteData } from "./data.js";
import type { SiteDeps } from "./deps.js";
import { fileShelf } from "./files.js";
import { BadRequestError, NotFoundError, type SiteEnv, sendPage } from "./http.js";
import { NO_QUERY, params, query } from "./input.js";
import { matchesETag, notModified, PageCache, pageKey } from "./page-cache.js";
import { registerCorePages } from "./pages/core-routes.js";
import { registerDelegationPages } from "./pages/delegation-routes.js";
import { registerDiscoveryRoutes } from "./pages/discovery-routes.js";
import { ErrorPage } from "./pages/error-page.js";
import { registerEventPages } from "./pages/event-routes.js";
import { registerLibraryPages } from "./pages/library-routes.js";
import { registerShareRoutes } from "./pages/share-routes.js";
import { registerSubscriptionPages } from "./pages/subscription-routes.js";
import { UnknownFilterValueError } from "./search/filters.js";

/** Longest URL we serve; anything longer is a mistake or an attack, and gets a clear 400. */
export const MAX_URL_LENGTH = 2048;

/** The public site: every route, with security headers, caching and localized errors. */
export function createSite(deps: SiteDeps) {
  const app = new Hono<SiteEnv>();
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? cloudLog;
  const cursors = new Cursors(deps.cursorKey);
  const pages = deps.pages ?? new PageCache();
  const files = fileShelf(log);

  // Outermost, so what it keeps is the response as sent, security headers included: the
  // handler's fast path (handler.ts) writes these bytes and headers without the app.
  // A conditional request for a page rendered just now is answered as one for a kept page.
  app.use(async (c, next) => {
    await next();
    const key = c.get("pageKey");
    if (key === undefined) return;
    const page = await pages.put(c.var.data, key, c.res);
    if (!page) return;
    if (!matchesETag(c.req.header("if-none-match"), page.etag)) {
      c.res.headers.set("ETag", page.etag);
      return;
    }
    // Unset first: Hono would otherwise copy the page's headers, its length included, onto the 304.
    c.res = undefined;
    c.res = notModified(page);
  });

  // Before anything that can fail, so that every response carries them, errors included.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        manifestSrc: ["'self'"],
        // Same-origin fetches only (Lighthouse reads robots.txt from within the page).
        connectSrc: ["'self'"],
      },
      strictTransportSecurity: "max-age=63072000; includeSubDomains; preload",
      referrerPolicy: "strict-origin-when-cross-origin",
      xContentTypeOptions: "nosniff",
      xFrameOptions: "DENY",
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
      // A page stricter than these keeps its own header (a delegate's answer page sends no Referer at all).
      overwrite: false,
    }),
  );

  // The language of `/` and of error pages: the path's prefix if it is one of ours, else the
  // browser's preference. No cookie: a page's language is its URL's.
  app.use(
    languageDetector({
      supportedLanguages: [...LANGS],
      fallbackLanguage: "es",
      order: ["path", "header"],
      caches: false,
    }),
  );

  // One view check per request, then a rendered copy of the page if this instance has already
  // made one for this view version.
  app.use(async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH) {
      throw new BadRequestError((t) => t("error.urlTooLong", { max: MAX_URL_LENGTH }));
    }
    const { derived } = await deps.view();
    c.set("data", derived);
    if (c.req.method !== "GET") return next();
    const url = c.req.url;
    const key = pageKey(now(), url.slice(url.indexOf("/", url.indexOf("//") + 2)));
    const hit = pages.get(derived, key, c.req.header("if-none-match"));
    if (hit) return hit;
    c.set("pageKey", key);
    await next();
  });

  const errorPage = async (c: Context<SiteEnv>, status: 400 | 404 | 500, detail?: BadRequestError["detail"]) => {
    const lang = LangSchema.catch("es").parse(c.get("language"));
    let data: SiteData | undefined = c.get("data");
    try {
      data ??= (await deps.view()).derived;
    } catch {
      data = undefined;
    }
    const t = translator(lang);
    if (!data) {
      c.header("Cache-Control", "no-store");
      return c.text(t(status === 500 ? "error.unavailable" : `error.${status}.title`), status);
    }
    const ctx = pageContext({ lang, data, assets: deps.assets, origin: deps.origin, now: now(), path: "/" });
    return sendPage(c, <ErrorPage ctx={ctx} status={status} detail={detail?.(t)} />, status);
  };

  app.get("/", query(NO_QUERY), (c) => {
    c.header("Vary", "Accept-Language");
    c.header("Cache-Control", "public, max-age=300, s-maxage=0");
    return c.redirect(`/${c.var.language}/`, 302);
  });

  registerDiscoveryRoutes(app, deps, files);
  registerShareRoutes(app, deps);

  app.use("/:lang/*", async (c, next) => {
    const lang = c.req.param("lang");
    if (!isLang(lang)) throw new NotFoundError();
    const path = c.req.path.slice(lang.length + 1) || "/";
    c.set("ctx", pageContext({ lang, data: c.var.data, assets: deps.assets, origin: deps.origin, now: now(), path }));
    await next();
  });
  // "/es" without the slash is the Spanish home page.
  app.get("/:lang{[a-z]{2}}", params(z.object({ lang: LangSchema })), (c) =>
    c.redirect(`/${c.req.valid("param").lang}/`, 301),
  );

  registerCorePages(app);
  registerEventPages(app, files);
  registerLibraryPages(app, cursors);
  registerSubscriptionPages(app, deps.origin, deps.subscriptions);
  registerDelegationPages(app, deps.delegations);

  app.notFound((c) => errorPage(c, 404));
  app.onError((error, c) => {
    if (error instanceof NotFoundError) return errorPage(c, 404);
    if (error instanceof BadRequestError) return errorPage(c, 400, error.detail);
    if (error instanceof UnknownFilterValueError) {
      const { filter, value } = error;
      return errorPage(c, 400, (t) =>
        t("query.error.invalid", { name: t(`library.filter.${filter}`), value: value.slice(0, 40) }),
      );
    }
    log({
      severity: "ERROR",
      message: "site.render_failed",
      path: c.req.path,
      error: String(error),
      stack: error.stack,
    });
    return errorPage(c, 500);
  });
  return app;
}

export type SiteApp = ReturnType<typeof createSite>;
