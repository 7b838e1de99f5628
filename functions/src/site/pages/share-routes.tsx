import type { Hono } from "hono";
import { isLang } from "../../i18n/index.js";
import { cloudLog } from "../../log.js";
import { pageContext } from "../context.js";
import type { SiteData } from "../data.js";
import type { SiteDeps } from "../deps.js";
import { PUBLIC_CACHE, type SiteEnv } from "../http.js";
import { NO_QUERY, query } from "../input.js";
import { cardHash, cardOf, networkCard, parseShareImagePath, type ShareCard } from "../share/card.js";

/** A share image's URL names what it draws (cardHash), so browsers and the CDN may keep it a year. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Share images (Open Graph, Twitter cards): /og/<lang>/network.<hash>.png, and one per event and
 * document. Each is drawn once per view version and instance, and kept as bytes. An image that
 * is missing (unknown event, stale or malformed URL) or fails to draw is answered with the
 * network's image, briefly cached, never with an error page: a card validator would show none.
 */
export function registerShareRoutes(app: Hono<SiteEnv>, deps: SiteDeps): void {
  const log = deps.log ?? cloudLog;
  // Satori and resvg take about half a second to load: only an instance asked for an image pays
  // it, not every cold start of the site and of the view triggers (index.ts loads them all).
  const render =
    deps.drawShareImage ?? (async (card: ShareCard) => (await import("../share/render.js")).renderCard(card));
  const drawn = new WeakMap<SiteData, Map<string, Promise<Uint8Array<ArrayBuffer>>>>();
  const draw = (data: SiteData, card: ShareCard): Promise<Uint8Array<ArrayBuffer>> => {
    let images = drawn.get(data);
    if (!images) {
      images = new Map();
      drawn.set(data, images);
    }
    const key = cardHash(card);
    let image = images.get(key);
    if (!image) {
      image = render(card);
      images.set(key, image);
      // A failed drawing is not kept: the next request tries again.
      image.catch(() => images.delete(key));
    }
    return image;
  };

  app.get("/og/*", query(NO_QUERY), async (c) => {
    const asked = parseShareImagePath(c.req.path);
    const lang = asked && isLang(asked.lang) ? asked.lang : "es";
    const ctx = pageContext({
      lang,
      data: c.var.data,
      assets: deps.assets,
      origin: deps.origin,
      now: deps.now ? deps.now() : new Date(),
      path: "/",
    });
    const card = (asked && cardOf(ctx, asked.subject)) ?? networkCard(ctx);
    let exact = asked !== undefined && cardHash(card) === asked.hash;
    let image: Uint8Array<ArrayBuffer>;
    try {
      image = await draw(ctx.data, card);
    } catch (error) {
      log({ severity: "ERROR", message: "share.render_failed", path: c.req.path, error: String(error) });
      image = await draw(ctx.data, networkCard(ctx));
      exact = false;
      // The stand-in must not stay under this URL in the page cache: the next request draws again.
      c.set("pageKey", undefined);
    }
    c.header("Content-Type", "image/png");
    c.header("Cache-Control", exact ? IMMUTABLE : PUBLIC_CACHE);
    return c.body(image);
  });
}
