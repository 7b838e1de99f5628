import type { Context, MiddlewareHandler } from "hono";
import type { Child } from "hono/jsx";
import { HTML_CACHE } from "../config.js";
import type { Translate } from "../i18n/index.js";
import type { PageContext } from "./context.js";
import type { SiteData } from "./data.js";

export type SiteEnv = {
  Variables: {
    ctx: PageContext;
    data: SiteData;
    /** The visitor's language as hono/language negotiated it (path prefix, then Accept-Language). */
    language: string;
    /** Set for a GET the page cache may keep: its canonical key (see page-cache.ts); undefined for one it must not. */
    pageKey: string | undefined;
  };
};
export type SiteContext = Context<SiteEnv>;

/**
 * Public pages and files may be cached by browsers and the CDN for the lifetimes of HTML_CACHE,
 * and served stale while they refresh: a visitor sees a change within `htmlStalenessBound()`.
 */
export const PUBLIC_CACHE = `public, max-age=${HTML_CACHE.maxAge}, s-maxage=${HTML_CACHE.sMaxAge}, stale-while-revalidate=${HTML_CACHE.staleWhileRevalidate}`;
/**
 * Error pages are never served stale and carry no validator (the page cache keeps 200s only),
 * so the CDN keeps one for the same bound as a page: a page created a moment later appears as soon.
 */
const ERROR_CACHE = `public, max-age=${HTML_CACHE.maxAge}, s-maxage=${HTML_CACHE.sMaxAge + HTML_CACHE.staleWhileRevalidate}`;

/** Sends a rendered page as a complete HTML document. */
export function sendPage(c: Context, page: Child, status: 200 | 400 | 404 | 500 = 200) {
  c.header("Cache-Control", status === 200 ? PUBLIC_CACHE : status === 500 ? "no-store" : ERROR_CACHE);
  c.header("Vary", "Accept-Encoding");
  return c.html(`<!doctype html>${String(page)}`, status);
}

/**
 * For the routes of personal pages (a token in the URL, an address in a form, the answer to one
 * request): neither the instance's page cache, nor the CDN, nor the browser may keep them.
 */
export const privatePage: MiddlewareHandler<SiteEnv> = async (c, next) => {
  c.set("pageKey", undefined);
  await next();
  c.res.headers.set("Cache-Control", "no-store");
};

/** Sends a personal page as a complete HTML document; privatePage, on its route, sets its caching. */
export function sendPrivate(c: Context<SiteEnv>, page: Child, status: 200 | 400 | 403 | 404 | 429 = 200) {
  return c.html(`<!doctype html>${String(page)}`, status);
}

/**
 * Sends a file built once per view version (a feed, a calendar, open data) as the bytes it was
 * built as: nothing is encoded per request, and its stated length lets the page cache skip it
 * without copying when it is too large to keep.
 */
export function sendFile(
  c: Context,
  body: Uint8Array<ArrayBuffer>,
  contentType: string,
  headers: Record<string, string> = {},
) {
  c.header("Content-Type", contentType);
  c.header("Content-Length", String(body.byteLength));
  c.header("Cache-Control", PUBLIC_CACHE);
  c.header("Vary", "Accept-Encoding");
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.body(body);
}

/**
 * A request we understood but cannot serve as asked: a malformed filter, a tampered cursor, an
 * over-long address. `detail` says, in the error page's language, what was wrong and what to do;
 * it must be safe and short.
 */
export class BadRequestError extends Error {
  override name = "BadRequestError";
  constructor(readonly detail: (t: Translate) => string) {
    super("bad request");
  }
}

/** A well-formed request for something that does not exist. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/**
 * Whether an Accept-Encoding header takes gzip (RFC 9110 §12.5.3: a coding listed with a
 * q-value above 0, or `*`). Browsers and the Hosting CDN always send it.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name === "gzip" || name === "x-gzip") return weight > 0;
    if (name === "*") star = weight > 0;
  }
  return star;
}
