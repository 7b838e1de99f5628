import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { HTML_CACHE } from "../config.js";
import type { PageContext } from "./context.js";
import type { SiteData } from "./data.js";

export type SiteEnv = { Variables: { ctx: PageContext; data: SiteData } };
export type SiteContext = Context<SiteEnv>;

/** Public pages may be cached by browsers and the CDN, and served stale while they refresh. */
export const PUBLIC_CACHE = `public, max-age=${HTML_CACHE.maxAge}, s-maxage=${HTML_CACHE.sMaxAge}, stale-while-revalidate=${HTML_CACHE.staleWhileRevalidate}`;
/** Error pages are cached briefly, so a page created a moment later appears soon. */
export const ERROR_CACHE = "public, max-age=60, s-maxage=60";

/** Sends a rendered page as a complete HTML document. */
export function sendPage(c: Context, page: Child, status: 200 | 400 | 404 | 500 = 200) {
  c.header("Cache-Control", status === 200 ? PUBLIC_CACHE : status === 500 ? "no-store" : ERROR_CACHE);
  c.header("Vary", "Accept-Encoding");
  return c.html(`<!doctype html>${String(page)}`, status);
}

/**
 * A request we understood but cannot serve as asked: a malformed filter, a tampered cursor.
 * `detail` is shown to the visitor, so it must be safe, short and say what was wrong.
 */
export class BadRequestError extends Error {
  override name = "BadRequestError";
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** A well-formed request for something that does not exist. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}
