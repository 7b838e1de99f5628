import type { Context, Hono } from "hono";
import { z } from "zod";
import { type Lang, LangSchema } from "../../model/index.js";
import { pageContext } from "../context.js";
import type { SiteDeps } from "../deps.js";
import { documentsFeed } from "../feeds/atom.js";
import { DATASETS, type Dataset, datasetCsv, snapshotJson } from "../feeds/open-data.js";
import { robotsTxt } from "../feeds/robots.js";
import { sitemapIndexXml, sitemapPartCount, sitemapXml } from "../feeds/sitemap.js";
import type { FileShelf } from "../files.js";
import { acceptsGzip, NotFoundError, type SiteEnv, sendFile, sendPage } from "../http.js";
import { NO_QUERY, params, query } from "../input.js";
import { DataPage } from "./data-page.js";

/** Sitemap files are numbered from 1: /sitemaps/1.xml. */
const SitemapPartParams = z.object({
  file: z
    .string()
    .regex(/^[1-9]\d{0,4}\.xml$/)
    .transform((file) => Number.parseInt(file, 10)),
});
/** Open data is meant to be fetched from anywhere, including other sites' scripts. */
const OPEN = { "Access-Control-Allow-Origin": "*" };

/**
 * Routes outside the page tree (sitemap, robots, open data) and the per-language feed and data
 * page. They are registered before the `/:lang/*` middleware, so they build their own page context.
 */
export function registerDiscoveryRoutes(app: Hono<SiteEnv>, deps: SiteDeps, files: FileShelf): void {
  const now = () => (deps.now ? deps.now() : new Date());
  const context = (c: Context<SiteEnv>, lang: Lang, path: string) =>
    pageContext({ lang, data: c.var.data, assets: deps.assets, origin: deps.origin, now: now(), path });
  const langParams = params(z.object({ lang: LangSchema }));
  const robots = new TextEncoder().encode(robotsTxt(deps.origin));

  app.get("/robots.txt", query(NO_QUERY), (c) => sendFile(c, robots, "text/plain; charset=utf-8"));

  // One file while the pages fit in one, else an index of bounded files, each built on its own.
  app.get("/sitemap.xml", query(NO_QUERY), (c) => {
    const site = c.var.data;
    const sitemap = files(site, "sitemap.xml", () =>
      sitemapPartCount(site) === 1 ? sitemapXml(site, deps.origin) : sitemapIndexXml(site, deps.origin),
    );
    return sendFile(c, sitemap, "application/xml; charset=utf-8");
  });

  app.get("/sitemaps/:file", params(SitemapPartParams), query(NO_QUERY), (c) => {
    const site = c.var.data;
    const { file: part } = c.req.valid("param");
    if (sitemapPartCount(site) === 1 || part > sitemapPartCount(site)) throw new NotFoundError();
    const sitemap = files(site, `sitemaps/${part}.xml`, () => sitemapXml(site, deps.origin, part));
    return sendFile(c, sitemap, "application/xml; charset=utf-8");
  });

  app.get("/data/public.json", query(NO_QUERY), (c) => {
    const site = c.var.data;
    // Its answer depends on Accept-Encoding, so the URL-keyed page cache must not keep either
    // form; both are kept once per view version already.
    c.set("pageKey", undefined);
    if (site.publicJsonGzip && acceptsGzip(c.req.header("accept-encoding"))) {
      return sendFile(c, site.publicJsonGzip, "application/json; charset=utf-8", {
        ...OPEN,
        "Content-Encoding": "gzip",
      });
    }
    const json = files(site, "public.json", () => snapshotJson(site.snapshot));
    return sendFile(c, json, "application/json; charset=utf-8", OPEN);
  });

  app.get(
    "/data/:file",
    params(z.object({ file: z.templateLiteral([z.enum(DATASETS), ".csv"]) })),
    query(NO_QUERY),
    (c) => {
      const dataset = c.req.valid("param").file.slice(0, -".csv".length) as Dataset;
      const site = c.var.data;
      const csv = files(site, `${dataset}.csv`, () => datasetCsv(site.snapshot, dataset));
      return sendFile(c, csv, "text/csv; charset=utf-8; header=present", {
        ...OPEN,
        "Content-Disposition": `inline; filename="compraspublicas-${dataset}.csv"`,
      });
    },
  );

  app.get("/:lang/feed.xml", langParams, query(NO_QUERY), (c) => {
    const ctx = context(c, c.req.valid("param").lang, "/feed.xml");
    const feed = files(ctx.data, `feed.${ctx.lang}.xml`, () => documentsFeed(ctx, ctx.data.latestDocuments));
    return sendFile(c, feed, "application/atom+xml; charset=utf-8");
  });

  app.get("/:lang/data", langParams, query(NO_QUERY), (c) =>
    sendPage(c, <DataPage ctx={context(c, c.req.valid("param").lang, "/data")} />),
  );
}
