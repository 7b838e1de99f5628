import { createHash } from "node:crypto";
import { z } from "zod";
import { formatDateRange, formatPartialDate } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import { type Event, LANGS, type PublicDocument } from "../../model/index.js";
import type { PageContext } from "../context.js";

/** What a share image shows: everything it draws, so that its hash names the image. */
const ShareCardSchema = z.object({
  lang: z.enum(LANGS),
  /** Date, kind or tagline, above the title. */
  kicker: z.string(),
  title: z.string(),
  /** The network's name, at the foot. */
  site: z.string(),
});
export type ShareCard = z.infer<typeof ShareCardSchema>;

/** What a page is about, as its share image's URL names it. */
export type ShareSubject = { kind: "network" } | { kind: "events" | "documents"; id: string };

/**
 * Bump when the drawing changes (layout, colours, font): the hash of a card's text alone would
 * keep naming images that browsers and the CDN keep for a year.
 */
const DRAWING = "1";

/** The network's own card; its foot is the site's address, as people would type it. */
export function networkCard(ctx: Pick<PageContext, "lang" | "t" | "origin">): ShareCard {
  const site = new URL(ctx.origin).host.replace(/^www\./, "");
  return { lang: ctx.lang, kicker: ctx.t("site.tagline"), title: ctx.t("site.name"), site };
}

export function eventCard(ctx: PageContext, event: Event): ShareCard {
  const when = event.start ? formatDateRange(event.start, event.end, ctx.lang) : undefined;
  const city = event.city ? pick(event.city, ctx.lang).text : undefined;
  return {
    lang: ctx.lang,
    kicker: [ctx.t(`event.kind.${event.kind}`), when, city].filter(Boolean).join(" · "),
    title: pick(event.title, ctx.lang).text,
    site: ctx.t("site.name"),
  };
}

export function documentCard(ctx: PageContext, document: PublicDocument): ShareCard {
  const published = document.publishedOn ? formatPartialDate(document.publishedOn, ctx.lang) : undefined;
  return {
    lang: ctx.lang,
    kicker: [ctx.t(`library.kind.${document.kind}`), published].filter(Boolean).join(" · "),
    title: pick(document.title, ctx.lang).text,
    site: ctx.t("site.name"),
  };
}

/** The card of a subject, or undefined when the view has no such event or document. */
export function cardOf(ctx: PageContext, subject: ShareSubject): ShareCard | undefined {
  if (subject.kind === "network") return networkCard(ctx);
  if (subject.kind === "events") {
    const event = ctx.data.events.get(subject.id);
    return event && eventCard(ctx, event);
  }
  const document = ctx.data.documents.get(subject.id);
  return document && documentCard(ctx, document);
}

/** A short hash of what the card draws: a changed title is a new URL, so a year of caching is safe. */
export function cardHash(card: ShareCard): string {
  return createHash("sha256")
    .update(JSON.stringify([DRAWING, card.lang, card.kicker, card.title, card.site]))
    .digest("base64url")
    .slice(0, 12);
}

/** The image's path, e.g. /og/es/events/iii-seminar-santiago-2005.Ab12Cd34Ef56.png. */
export function shareImagePath(card: ShareCard, subject: ShareSubject): string {
  const name = subject.kind === "network" ? "network" : `${subject.kind}/${subject.id}`;
  return `/og/${card.lang}/${name}.${cardHash(card)}.png`;
}

/** Reads a path made by shareImagePath; undefined for anything else. */
export function parseShareImagePath(path: string): { lang: string; subject: ShareSubject; hash: string } | undefined {
  const match = /^\/og\/([a-z]{2})\/(?:(network)|(events|documents)\/([a-z0-9-]{1,200}))\.([\w-]{12})\.png$/.exec(path);
  if (!match) return undefined;
  const [, lang = "", network, kind, id = "", hash = ""] = match;
  const subject: ShareSubject = network ? { kind: "network" } : { kind: kind as "events" | "documents", id };
  return { lang, subject, hash };
}
