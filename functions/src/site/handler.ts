import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { firestore } from "../admin.js";
import { assetManifest, siteSettings } from "../config.js";
import { registrationDeps } from "../registration/runtime.js";
import { subscriptionDeps } from "../subscriptions/runtime.js";
import { PublicViewCache } from "../views/view-reader.js";
import { createSite } from "./app.js";
import { deriveSiteData } from "./data.js";
import type { SiteDeps } from "./deps.js";
import { matchesETag, PageCache, pageKey } from "./page-cache.js";

/**
 * A Node request listener for the site. A page this instance has already rendered for the current
 * view is written straight from its cache, without going through the Fetch adapter and the Hono
 * app; everything else goes to the app, which renders the page and keeps it.
 */
export function siteRequestListener(deps: Omit<SiteDeps, "pages">) {
  const pages = new PageCache();
  const app = createSite({ ...deps, pages });
  const render = getRequestListener(app.fetch);
  const now = deps.now ?? (() => new Date());
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET" && req.url !== undefined) {
      try {
        const page = pages.lookup((await deps.view()).derived, pageKey(now(), req.url));
        if (page && matchesETag(req.headers["if-none-match"], page.etag)) {
          // The CDN revalidating a page this instance holds: a few header bytes, nothing rendered.
          res.writeHead(304, page.notModifiedHeaders);
          res.end();
          return;
        }
        if (page) {
          res.writeHead(200, page.rawHeaders);
          res.end(page.body);
          return;
        }
      } catch {
        // The app reports the same failure as a proper error page.
      }
    }
    await render(req, res);
  };
}

let listener: ReturnType<typeof siteRequestListener> | undefined;

/**
 * The `site` HTTPS function's handler, built on the first request: a cold instance reads its view
 * only when serving, and its parameters and secret, which have values only at run time.
 */
export function handleSiteRequest(req: IncomingMessage, res: ServerResponse) {
  if (!listener) {
    const { origin, viewMaxAgeMs, cursorKey } = siteSettings();
    const cache = new PublicViewCache(firestore, deriveSiteData, { maxAgeMs: viewMaxAgeMs });
    listener = siteRequestListener({
      view: () => cache.current(),
      assets: assetManifest(),
      origin,
      cursorKey,
      subscriptions: subscriptionDeps(origin),
      delegations: registrationDeps(origin),
    });
  }
  return listener(req, res);
}
