import type { SiteData } from "./data.js";

interface CachedPage {
  body: ArrayBuffer;
  headers: [string, string][];
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
    private readonly maxEntries = 1000,
    private readonly maxPageBytes = 256 * 1024,
  ) {}

  get(view: SiteData, key: string): Response | undefined {
    if (view !== this.view) {
      this.view = view;
      this.pages.clear();
      return undefined;
    }
    const page = this.pages.get(key);
    return page && new Response(page.body, { status: 200, headers: page.headers });
  }

  async put(view: SiteData, key: string, response: Response): Promise<void> {
    if (view !== this.view || response.status !== 200) return;
    const body = await response.clone().arrayBuffer();
    if (body.byteLength > this.maxPageBytes) return;
    if (this.pages.size >= this.maxEntries) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      headers.push([name, value]);
    });
    this.pages.set(key, { body, headers });
  }

  get size(): number {
    return this.pages.size;
  }
}
