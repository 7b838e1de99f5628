import { createHash } from "node:crypto";
import type { SiteData } from "./data.js";

/** A rendered page as first sent: its bytes and headers (security headers and ETag included). */
export interface CachedPage {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
  /** The same headers with the body's length, flat, as `ServerResponse.writeHead` takes them. */
  rawHeaders: string[];
  /** A strong validator: a hash of the bytes, so every instance gives the same page the same one. */
  etag: string;
  /** The headers of a 304 for this page, flat: the same without those that describe a body. */
  notModifiedHeaders: string[];
}

/** A hash of a page's bytes as a strong ETag (RFC 9110 §8.8.3). */
export function etagOf(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * Whether an If-None-Match header names `etag` (RFC 9110 §13.1.2): `*`, or a list compared
 * weakly, so a copy the CDN marked weak when it compressed it still counts as the same page.
 */
export function matchesETag(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

/** Headers of a 304: it repeats the validator and the caching rules, never what describes a body. */
const BODY_HEADERS = new Set(["content-type", "content-length", "content-encoding", "transfer-encoding"]);

/**
 * The path and query of a request as the page cache knows it. Every route reads a blank value as
 * absent, trims values and reads each name on its own, so `?kind=&topic=x`, `?topic=x` and
 * `?topic=%20x` are one page, and one cache entry. Names keep their values' relative order, so a
 * repeated name (a 400, never kept) never collides with a single one.
 */
export function canonicalKey(pathAndQuery: string): string {
  const mark = pathAndQuery.indexOf("?");
  if (mark === -1) return pathAndQuery;
  const params = [...new URLSearchParams(pathAndQuery.slice(mark + 1))]
    .map(([name, value]) => [name, value.trim()] as const)
    .filter(([, value]) => value !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params as [string, string][]).toString();
  return query ? `${pathAndQuery.slice(0, mark)}?${query}` : pathAndQuery.slice(0, mark);
}

/** The cache key of a request: the day (pages count days) and its canonical path and query. */
export function pageKey(now: Date, pathAndQuery: string): string {
  return `${now.toISOString().slice(0, 10)} ${canonicalKey(pathAndQuery)}`;
}

/** What the `site` function keeps of rendered pages, beside its view and built files (see index.ts). */
const PAGE_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Rendered responses of one view version, so a page asked for twice on an instance is formatted
 * once. A page is a pure function of the view, the URL and the day (the hosting term counts
 * days), so the key is the day and the URL, and a new view version empties the cache.
 *
 * Bounded by the bytes it holds, least recently used out first: a 300 KB document page is kept
 * like any other (re-rendering it costs far more than a small one), and one response may take at
 * most a quarter of the budget, so a single large export cannot empty the cache. Exports are built
 * once per view version anyway (files.ts), but one kept here is written without going through the
 * Fetch adapter, which copies it: the documents table at 10,000 documents is 8.75 MB.
 */
export class PageCache {
  private view: SiteData | undefined;
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = PAGE_CACHE_BYTES,
    private readonly maxPageBytes = Math.floor(maxBytes / 4),
  ) {}

  /** The page kept for `key` under this view version; a different version empties the cache. */
  lookup(view: SiteData, key: string): CachedPage | undefined {
    if (view !== this.view) {
      this.view = view;
      this.pages.clear();
      this.bytes = 0;
      return undefined;
    }
    const page = this.pages.get(key);
    if (page) {
      // Map order is insertion order: moving a hit to the end makes the first key the least recent.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /** The kept page as a response: a 304 when `ifNoneMatch` names it, else the page itself. */
  get(view: SiteData, key: string, ifNoneMatch?: string | null): Response | undefined {
    const page = this.lookup(view, key);
    if (!page) return undefined;
    if (matchesETag(ifNoneMatch, page.etag)) return notModified(page);
    // The kept bytes themselves, not a copy: a hit costs the same for a 300 KB page as for a 3 KB one.
    return new Response(page.body, { status: 200, headers: page.headers });
  }

  /** Keeps a 200 under `key`, with an ETag added to its headers; the page as kept, or undefined if not kept. */
  async put(view: SiteData, key: string, response: Response): Promise<CachedPage | undefined> {
    // A response whose encoding the request chose must not answer the same URL for everyone.
    if (view !== this.view || response.status !== 200 || response.headers.has("content-encoding")) return;
    // Exports state their length: an oversized one is not even copied.
    if (Number(response.headers.get("content-length") ?? 0) > this.maxPageBytes) return;
    const body = new Uint8Array(await response.clone().arrayBuffer());
    if (body.byteLength > this.maxPageBytes) return;
    this.remove(key);
    for (const oldest of this.pages.keys()) {
      if (this.bytes + body.byteLength <= this.maxBytes) break;
      this.remove(oldest);
    }
    const etag = etagOf(body);
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "transfer-encoding" && name !== "etag") headers.push([name, value]);
    });
    headers.push(["etag", etag]);
    const rawHeaders = [...headers.flat(), "content-length", String(body.length)];
    const notModifiedHeaders = headers.filter(([name]) => !BODY_HEADERS.has(name)).flat();
    const page = { body, headers, rawHeaders, etag, notModifiedHeaders };
    this.pages.set(key, page);
    this.bytes += body.byteLength;
    return page;
  }

  private remove(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.body.byteLength;
  }

  get size(): number {
    return this.pages.size;
  }

  /** Bytes of the bodies held. */
  get held(): number {
    return this.bytes;
  }
}

/** A 304 for a kept page: no body, its validator and caching rules. */
export function notModified(page: CachedPage): Response {
  const headers = new Headers();
  for (let i = 0; i < page.notModifiedHeaders.length; i += 2) {
    headers.append(page.notModifiedHeaders[i] ?? "", page.notModifiedHeaders[i + 1] ?? "");
  }
  return new Response(null, { status: 304, headers });
}
