import { create } from "xmlbuilder2";
import { LANGS } from "../../model/index.js";
import type { SiteData } from "../data.js";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS = "http://www.w3.org/1999/xhtml";

const segment = (id: string) => encodeURIComponent(id);

/**
 * Every public page, as a path without the language prefix ("/", "/events/x"). Search results are
 * not pages of their own and are left out.
 */
export function publicPaths(data: SiteData): string[] {
  const { snapshot } = data;
  return [
    "/",
    "/about",
    "/members",
    ...snapshot.countries.map((c) => `/countries/${segment(c.id.toLowerCase())}`),
    "/events",
    ...snapshot.events.map((e) => `/events/${segment(e.id)}`),
    "/library",
    ...snapshot.documents.map((d) => `/documents/${segment(d.id)}`),
    "/committee",
    "/initiatives",
    "/hosting",
    "/data",
  ];
}

/**
 * Pages per sitemap file. A file of 250 pages in four languages (1,000 URLs with their
 * alternates, about 500 KB) is built in a fraction of a second; the sitemap of 10,000 documents
 * as one file would take seconds to build and weigh 24 MB.
 */
export const SITEMAP_PART_PAGES = 250;

/** How many sitemap files the view needs: one while every page fits in one. */
export function sitemapPartCount(data: SiteData): number {
  return Math.max(1, Math.ceil(publicPaths(data).length / SITEMAP_PART_PAGES));
}

/** The URL of sitemap file `part` (1-based) when there are several. */
const sitemapPartUrl = (origin: string, part: number) => `${origin}/sitemaps/${part}.xml`;

/**
 * A sitemap file: the public pages of `part` (1-based; the only one while they fit in one file),
 * in every language, each listing its translations as hreflang alternates (Spanish is the
 * x-default, as on the pages themselves).
 */
export function sitemapXml(data: SiteData, origin: string, part = 1): string {
  const urlset = create({ version: "1.0", encoding: "UTF-8" })
    .ele(SITEMAP_NS, "urlset")
    .att("http://www.w3.org/2000/xmlns/", "xmlns:xhtml", XHTML_NS);
  const url = (lang: string, path: string) => `${origin}/${lang}${path}`;
  const paths = publicPaths(data).slice((part - 1) * SITEMAP_PART_PAGES, part * SITEMAP_PART_PAGES);
  for (const path of paths) {
    for (const lang of LANGS) {
      const entry = urlset.ele(SITEMAP_NS, "url");
      entry.ele(SITEMAP_NS, "loc").txt(url(lang, path));
      for (const other of LANGS) {
        entry.ele(XHTML_NS, "xhtml:link").att({ rel: "alternate", hreflang: other, href: url(other, path) });
      }
      entry.ele(XHTML_NS, "xhtml:link").att({ rel: "alternate", hreflang: "x-default", href: url("es", path) });
    }
  }
  return urlset.end({ prettyPrint: true });
}

/** The sitemap index: every sitemap file, for a view whose pages need more than one. */
export function sitemapIndexXml(data: SiteData, origin: string): string {
  const index = create({ version: "1.0", encoding: "UTF-8" }).ele(SITEMAP_NS, "sitemapindex");
  for (let part = 1; part <= sitemapPartCount(data); part++) {
    index.ele(SITEMAP_NS, "sitemap").ele(SITEMAP_NS, "loc").txt(sitemapPartUrl(origin, part));
  }
  return index.end({ prettyPrint: true });
}
