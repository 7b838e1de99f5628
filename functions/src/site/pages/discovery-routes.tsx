import type { Context, Hono } from "hono";
import type { SiteDeps } from "../app.js";
import { pageContext } from "../context.js";
import type { SiteData } from "../data.js";
import { documentsFeed } from "../feeds/atom.js";
import { datasetCsv, isDataset, snapshotJson } from "../feeds/open-data.js";
import { robotsTxt } from "../feeds/robots.js";
import { sitemapXml } from "../feeds/sitemap.js";
import { NotFoundError, PUBLIC_CACHE, type SiteEnv, sendPage } from "../http.js";
import { isLang } from "../i18n/index.js";
import { DataPage } from "./data-page.js";

function send(c: Context, body: string, contentType: string, headers: Record<string, string> = {}) {
  c.header("Content-Type", contentType);
  c.header("Cache-Control", PUBLIC_CACHE);
  c.header("Vary", "Accept-Encoding");
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.body(body);
}

/**
 * The exports are pure functions of one view version (and this app's origin), and SiteData is
 * derived once per version: keyed on it, each file is built once per version and instance,
 * however often it is fetched.
 */
function perView() {
  const built = new WeakMap<SiteData, Map<string, string>>();
  return (data: SiteData, key: string, build: () => string): string => {
    let files = built.get(data);
    if (!files) {
      files = new Map();
      built.set(data, files);
    }
    let file = files.get(key);
    if (file === undefined) {
      file = build();
      files.set(key, file);
    }
    return file;
  };
}

/** Open data is meant to be fetched from anywhere, including other sites' scripts. */
const OPEN = { "Access-Control-Allow-Origin": "*" };

/**
 * Routes outside the page tree (sitemap, robots, open data) and the per-language feed and data
 * page. They are registered before the `/:lang/*` middleware, so they build their own page context.
 */
export function registerDiscoveryRoutes(app: Hono<SiteEnv>, deps: SiteDeps): void {
  const now = () => (deps.now ? deps.now() : new Date());
  const once = perView();
  const context = (c: Context<SiteEnv>, path: string) => {
    const lang = c.req.param("lang") ?? "";
    if (!isLang(lang)) throw new NotFoundError();
    return pageContext({ lang, data: c.var.data, assets: deps.assets, origin: deps.origin, now: now(), path });
  };

  app.get("/robots.txt", (c) => send(c, robotsTxt(deps.origin), "text/plain; charset=utf-8"));

  app.get("/sitemap.xml", (c) => {
    const site = c.var.data;
    return send(
      c,
      once(site, "sitemap", () => sitemapXml(site, deps.origin)),
      "application/xml; charset=utf-8",
    );
  });

  app.get("/data/public.json", (c) => {
    const site = c.var.data;
    return send(
      c,
      once(site, "json", () => snapshotJson(site.snapshot)),
      "application/json; charset=utf-8",
      OPEN,
    );
  });

  app.get("/data/:file", (c) => {
    const match = /^([a-z]+)\.csv$/.exec(c.req.param("file"));
    const dataset = match?.[1];
    if (!dataset || !isDataset(dataset)) throw new NotFoundError();
    const site = c.var.data;
    const csv = once(site, `csv:${dataset}`, () => datasetCsv(site.snapshot, dataset));
    return send(c, csv, "text/csv; charset=utf-8; header=present", {
      ...OPEN,
      "Content-Disposition": `inline; filename="compraspublicas-${dataset}.csv"`,
    });
  });

  app.get("/:lang/feed.xml", (c) => {
    const ctx = context(c, "/feed.xml");
    const feed = once(ctx.data, `feed:${ctx.lang}`, () => documentsFeed(ctx, ctx.data.latestDocuments));
    return send(c, feed, "application/atom+xml; charset=utf-8");
  });

  app.get("/:lang/data", (c) => sendPage(c, <DataPage ctx={context(c, "/data")} />));
}
