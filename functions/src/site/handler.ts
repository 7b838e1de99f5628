import { getRequestListener } from "@hono/node-server";
import { firestore } from "../admin.js";
import { assetManifest, SITE_ORIGIN, VIEW_MAX_AGE_MS } from "../config.js";
import { PublicViewCache } from "../views/view-store.js";
import { createSite } from "./app.js";
import { deriveSiteData } from "./data.js";

let listener: ReturnType<typeof getRequestListener> | undefined;

/** Built on the first request, so an instance reads its view only when it is about to serve. */
function siteListener() {
  if (!listener) {
    const cache = new PublicViewCache(firestore, deriveSiteData, { maxAgeMs: VIEW_MAX_AGE_MS });
    const app = createSite({ view: () => cache.current(), assets: assetManifest(), origin: SITE_ORIGIN });
    listener = getRequestListener(app.fetch);
  }
  return listener;
}

/** The `site` HTTPS function's handler: Express-style request in, Hono response out. */
export function handleSiteRequest(
  req: Parameters<ReturnType<typeof getRequestListener>>[0],
  res: Parameters<ReturnType<typeof getRequestListener>>[1],
) {
  return siteListener()(req, res);
}
