import { Feed } from "feed";
import { html } from "hono/html";
import { partialDateToUtc } from "../../calendar/partial-date.js";
import { pick } from "../../i18n/index.js";
import type { PublicDocument } from "../../model/index.js";
import { href, type PageContext } from "../context.js";

/**
 * The `feed` package writes entry titles and summaries as type="html"; ours are plain text, so
 * they go in HTML-escaped, or a title such as "Bids <2006>" would reach readers as markup.
 */
const asHtml = (text: string) => String(html`${text}`);

/** How many documents the feed carries; readers only need what is new. */
const FEED_SIZE = 50;

/**
 * The Atom feed of published documents in the context's language, newest first. A document's date
 * is its publication date; one known only to the month or year counts from its first day.
 * `documents` must already be newest first (SiteData.latestDocuments is).
 */
export function documentsFeed(ctx: Pick<PageContext, "lang" | "t" | "origin" | "now">, documents: PublicDocument[]) {
  const latest = documents.filter((d) => d.publishedOn !== undefined).slice(0, FEED_SIZE);
  const dateOf = (d: PublicDocument) => partialDateToUtc(d.publishedOn ?? "1970");
  const home = `${ctx.origin}${href(ctx, "/")}`;
  const self = `${ctx.origin}/${ctx.lang}/feed.xml`;
  const newest = latest[0];
  const feed = new Feed({
    id: self,
    title: ctx.t("feed.title", { site: ctx.t("site.name") }),
    description: ctx.t("site.tagline"),
    link: home,
    language: ctx.lang,
    // With no documents there is nothing to date the feed by but the moment it is read.
    updated: newest ? dateOf(newest) : ctx.now,
    generator: false,
    feedLinks: { atom: self },
    copyright: ctx.t("site.name"),
  });
  for (const document of latest) {
    const link = `${ctx.origin}${href(ctx, `/documents/${document.id}`)}`;
    feed.addItem({
      id: link,
      title: asHtml(pick(document.title, ctx.lang).text),
      link,
      description: asHtml(pick(document.summary, ctx.lang).text),
      date: dateOf(document),
      published: dateOf(document),
    });
  }
  return feed.atom1();
}
