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
 * The sitemap: every public page in every language, each listing its translations as hreflang
 * alternates (Spanish is the x-default, as on the pages themselves). Well under the protocol's
 * 50,000 URLs for any network this size.
 */
export function sitemapXml(data: SiteData, origin: string): string {
  const urlset = create({ version: "1.0", encoding: "UTF-8" })
    .ele(SITEMAP_NS, "urlset")
    .att("http://www.w3.org/2000/xmlns/", "xmlns:xhtml", XHTML_NS);
  const url = (lang: string, path: string) => `${origin}/${lang}${path}`;
  for (const path of publicPaths(data)) {
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
