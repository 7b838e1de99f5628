import type { SiteData } from "./data.js";

/** A rendered page as first sent: its bytes and headers (security headers included). */
export interface CachedPage {
  body: Buffer;
  headers: [string, string][];
  /** The same headers with the body's length, flat, as `ServerResponse.writeHead` takes them. */
  rawHeaders: string[];
}

/** The cache key of a request: the day (pages count days) and the path with its query. */
export function pageKey(now: Date, pathAndQuery: string): string {
  return `${now.toISOString().slice(0, 10)} ${pathAndQuery}`;
}

/**
 * Rendered responses of one view version, so a page asked for twice on an instance is formatted
 * once. A page is a pure function of the view, the URL and the day (the hosting term counts
 * days), so the key is the day and the URL, and a new view version empties the cache. Bounded
 * in entries and in the size of one page, oldest first out.
 */
export class PageCache {
  private view: SiteData | undefined;
  private readonly pages = new Map<string, CachedPage>();

  constructor(
    private readonly maxEntries = 500,
    private readonly maxPageBytes = 128 * 1024,
  ) {}

  /** The page kept for `key` under this view version; a different version empties the cache. */
  lookup(view: SiteData, key: string): CachedPage | undefined {
    if (view !== this.view) {
      this.view = view;
      this.pages.clear();
      return undefined;
    }
    return this.pages.get(key);
  }

  get(view: SiteData, key: string): Response | undefined {
    const page = this.lookup(view, key);
    return page && new Response(new Uint8Array(page.body), { status: 200, headers: page.headers });
  }

  async put(view: SiteData, key: string, response: Response): Promise<void> {
    if (view !== this.view || response.status !== 200) return;
    const body = Buffer.from(await response.clone().arrayBuffer());
    if (body.byteLength > this.maxPageBytes) return;
    if (this.pages.size >= this.maxEntries) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "transfer-encoding") headers.push([name, value]);
    });
    const rawHeaders = [...headers.flat(), "content-length", String(body.length)];
    this.pages.set(key, { body, headers, rawHeaders });
  }

  get size(): number {
    return this.pages.size;
  }
}
