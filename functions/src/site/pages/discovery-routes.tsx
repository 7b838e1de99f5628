import type { Context, Hono } from "hono";
import { LANGS } from "../../model/index.js";
import type { SiteDeps } from "../app.js";
import { pageContext } from "../context.js";
import { documentsFeed } from "../feeds/atom.js";
import { datasetCsv, isDataset, snapshotJson } from "../feeds/open-data.js";
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

/** Open data is meant to be fetched from anywhere, including other sites' scripts. */
const OPEN = { "Access-Control-Allow-Origin": "*" };

/**
 * Routes outside the page tree (sitemap, robots, open data) and the per-language feed and data
 * page. They are registered before the `/:lang/*` middleware, so they load the view themselves.
 */
export function registerDiscoveryRoutes(app: Hono<SiteEnv>, deps: SiteDeps): void {
  const now = () => (deps.now ? deps.now() : new Date());
  const data = async () => (await deps.view()).derived;
  const context = async (c: Context, path: string) => {
    const lang = c.req.param("lang") ?? "";
    if (!isLang(lang)) throw new NotFoundError();
    return pageContext({ lang, data: await data(), assets: deps.assets, origin: deps.origin, now: now(), path });
  };

  app.get("/robots.txt", (c) => {
    const lines = [
      "User-agent: *",
      "Allow: /",
      "Disallow: /console/",
      // Search results are endless combinations of the same pages.
      ...LANGS.map((lang) => `Disallow: /${lang}/search`),
      "",
      `Sitemap: ${deps.origin}/sitemap.xml`,
      "",
    ];
    return send(c, lines.join("\n"), "text/plain; charset=utf-8");
  });

  app.get("/sitemap.xml", async (c) =>
    send(c, sitemapXml(await data(), deps.origin), "application/xml; charset=utf-8"),
  );

  app.get("/data/public.json", async (c) =>
    send(c, snapshotJson((await data()).snapshot), "application/json; charset=utf-8", OPEN),
  );

  app.get("/data/:file", async (c) => {
    const match = /^([a-z]+)\.csv$/.exec(c.req.param("file"));
    const dataset = match?.[1];
    if (!dataset || !isDataset(dataset)) throw new NotFoundError();
    return send(c, datasetCsv((await data()).snapshot, dataset), "text/csv; charset=utf-8; header=present", {
      ...OPEN,
      "Content-Disposition": `inline; filename="compraspublicas-${dataset}.csv"`,
    });
  });

  app.get("/:lang/feed.xml", async (c) => {
    const ctx = await context(c, "/feed.xml");
    return send(c, documentsFeed(ctx, ctx.data.latestDocuments), "application/atom+xml; charset=utf-8");
  });

  app.get("/:lang/data", async (c) => sendPage(c, <DataPage ctx={await context(c, "/data")} />));
}
