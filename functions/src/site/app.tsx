import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { cloudLog, type Log } from "../log.js";
import type { Lang } from "../model/index.js";
import { pageContext } from "./context.js";
import { Cursors } from "./cursor.js";
import type { SiteData } from "./data.js";
import { BadRequestError, NotFoundError, type SiteEnv, sendPage } from "./http.js";
import { isLang, negotiateLang } from "./i18n/index.js";
import { PageCache, pageKey } from "./page-cache.js";
import { registerCorePages } from "./pages/core-routes.js";
import { registerDiscoveryRoutes } from "./pages/discovery-routes.js";
import { ErrorPage } from "./pages/error-page.js";
import { registerEventPages } from "./pages/event-routes.js";
import { registerLibraryPages } from "./pages/library-routes.js";
import { registerShareRoutes } from "./pages/share-routes.js";
import type { ShareCard } from "./share/card.js";

export interface SiteDeps {
  /** The current public view; one small read per call at most (see PublicViewCache). */
  view: () => Promise<{ derived: SiteData }>;
  assets: Record<string, string>;
  /** The site's canonical origin (the SITE_ORIGIN parameter in production). */
  origin: string;
  /** Key of the HMAC that seals paging cursors (the CURSOR_KEY secret in production). */
  cursorKey: string;
  now?: () => Date;
  /** Where render failures are logged; Cloud Logging unless a test listens. */
  log?: Log;
  /** Draws a share image (share/render.ts unless a test makes it fail). */
  drawShareImage?: (card: ShareCard) => Promise<Uint8Array<ArrayBuffer>>;
  /** Rendered pages of this instance; pass one to share it with a server's fast path (handler.ts). */
  pages?: PageCache;
}

/** Longest URL we serve; anything longer is a mistake or an attack, and gets a clear 400. */
const MAX_URL_LENGTH = 2048;

/** The public site: every route, with security headers, caching and localized errors. */
export function createSite(deps: SiteDeps) {
  const app = new Hono<SiteEnv>();
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? cloudLog;
  const cursors = new Cursors(deps.cursorKey);
  const pages = deps.pages ?? new PageCache();

  // Outermost: one view check per request, then a rendered copy of the page if this instance
  // has already made one for this view version (security headers included, as first sent).
  app.use(async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH) throw new BadRequestError("URL too long / URL demasiado larga");
    const { derived } = await deps.view();
    c.set("data", derived);
    if (c.req.method !== "GET") return next();
    const url = c.req.url;
    const key = pageKey(now(), url.slice(url.indexOf("/", url.indexOf("//") + 2)));
    const hit = pages.get(derived, key);
    if (hit) return hit;
    await next();
    await pages.put(derived, key, c.res);
  });

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
    }),
  );

  // Language of a request for error pages: its prefix if valid, else the browser's preference.
  const langOf = (path: string, header: string | undefined): Lang => {
    const prefix = path.split("/")[1] ?? "";
    return isLang(prefix) ? prefix : negotiateLang(header);
  };

  const errorPage = async (
    c: Parameters<Parameters<typeof app.notFound>[0]>[0],
    status: 400 | 404 | 500,
    detail?: string,
  ) => {
    const lang = langOf(c.req.path, c.req.header("accept-language"));
    let data: SiteData | undefined = c.get("data");
    try {
      data ??= (await deps.view()).derived;
    } catch {
      data = undefined;
    }
    if (!data) {
      return c.text(
        status === 500 ? "Service temporarily unavailable. Please try again shortly." : "Not found",
        status,
      );
    }
    const ctx = pageContext({ lang, data, assets: deps.assets, origin: deps.origin, now: now(), path: "/" });
    return sendPage(c, <ErrorPage ctx={ctx} status={status} detail={detail} />, status);
  };

  app.get("/", (c) => {
    c.header("Vary", "Accept-Language");
    c.header("Cache-Control", "public, max-age=300, s-maxage=0");
    return c.redirect(`/${negotiateLang(c.req.header("accept-language"))}/`, 302);
  });

  registerDiscoveryRoutes(app, deps);
  registerShareRoutes(app, deps);

  app.use("/:lang/*", async (c, next) => {
    const lang = c.req.param("lang");
    if (!isLang(lang)) throw new NotFoundError();
    const path = c.req.path.slice(lang.length + 1) || "/";
    c.set("ctx", pageContext({ lang, data: c.var.data, assets: deps.assets, origin: deps.origin, now: now(), path }));
    await next();
  });
  // "/es" without the slash is the Spanish home page.
  app.get("/:lang{[a-z]{2}}", (c) => {
    const lang = c.req.param("lang");
    if (!isLang(lang)) throw new NotFoundError();
    return c.redirect(`/${lang}/`, 301);
  });

  registerCorePages(app);
  registerEventPages(app);
  registerLibraryPages(app, cursors);

  app.notFound((c) => errorPage(c, 404));
  app.onError((error, c) => {
    if (error instanceof NotFoundError) return errorPage(c, 404);
    if (error instanceof BadRequestError) return errorPage(c, 400, error.detail);
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
