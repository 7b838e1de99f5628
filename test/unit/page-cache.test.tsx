import { describe, expect, it } from "vitest";
import { createSite } from "../../functions/src/site/app.js";
import { deriveSiteData, type SiteData } from "../../functions/src/site/data.js";
import { canonicalKey, etagOf, matchesETag, PageCache } from "../../functions/src/site/page-cache.js";
import { countedClockSite, seedSnapshot } from "../support/seeded-site.js";

describe("rendered page cache", () => {
  it("renders a page once per view version and day, and afresh when the view changes", async () => {
    const snapshot = await seedSnapshot();
    let view: SiteData = deriveSiteData(snapshot);
    let renders = 0;
    // Every render asks for the time once per page context; a cache hit asks only for the key's day.
    const site = createSite(
      countedClockSite(
        () => view,
        () => {
          renders += 1;
        },
      ),
    );
    const first = await (await site.request("/en/committee")).text();
    const afterFirst = renders;
    const second = await site.request("/en/committee");
    expect(await second.text()).toBe(first);
    expect(second.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(renders - afterFirst).toBe(1);

    const renamed = structuredClone(snapshot);
    if (!renamed.network) throw new Error("seed has no network");
    renamed.network.name.en = "Renamed Network";
    view = deriveSiteData(renamed);
    const network = await (await site.request("/en/about")).text();
    expect(network).toContain("Renamed Network");
  });

  it("keeps no more bytes than its budget, least recently used out first, and skips a page over its share", async () => {
    const view = deriveSiteData(await seedSnapshot());
    const cache = new PageCache(10, 5);
    cache.get(view, "warm-up");
    await cache.put(view, "a", new Response("aaaa"));
    await cache.put(view, "b", new Response("bbbb"));
    expect(cache.get(view, "a"), "a hit makes a the most recently used").toBeDefined();
    await cache.put(view, "c", new Response("cccc"));
    expect(cache.get(view, "b"), "b was the least recently used").toBeUndefined();
    expect(await cache.get(view, "a")?.text()).toBe("aaaa");
    expect(await cache.get(view, "c")?.text()).toBe("cccc");
    expect(cache.held).toBe(8);
    await cache.put(view, "big", new Response("x".repeat(6)));
    await cache.put(view, "stated", new Response("x", { headers: { "content-length": "6" } }));
    expect(cache.get(view, "big")).toBeUndefined();
    expect(cache.get(view, "stated"), "a stated length over the share is not even read").toBeUndefined();
    await cache.put(view, "a", new Response("AA"));
    expect(cache.held, "replacing a page counts its new size only").toBe(6);
    expect(cache.size).toBe(2);
  });

  it("serves a 200,000-character document page from the cache on the second request", async () => {
    const snapshot = await seedSnapshot();
    const [first] = snapshot.documents;
    if (!first) throw new Error("seed has no document");
    const long = { ...first, id: "long-document", body: { es: "Licitación electrónica. ".repeat(8400) } };
    expect(long.body.es.length).toBeGreaterThanOrEqual(200_000);
    const view = deriveSiteData({ ...snapshot, documents: [...snapshot.documents, long] });
    let clock = 0;
    const site = createSite(
      countedClockSite(
        () => view,
        () => {
          clock += 1;
        },
      ),
    );
    const rendered = await site.request("/es/documents/long-document");
    const html = await rendered.text();
    expect(rendered.status).toBe(200);
    expect(Buffer.byteLength(html)).toBeGreaterThan(128 * 1024);
    const before = clock;
    const again = await site.request("/es/documents/long-document");
    expect(await again.text()).toBe(html);
    expect(clock - before, "a cache hit reads the clock for its key only, and renders nothing").toBe(1);
  });

  it("keys a page by what the routes read: blank values dropped, values trimmed, names in order", () => {
    expect(canonicalKey("/es/library?topic=x&kind=&year=%202005")).toBe("/es/library?topic=x&year=2005");
    expect(canonicalKey("/es/library?year=2005&topic=x")).toBe("/es/library?topic=x&year=2005");
    expect(canonicalKey("/es/search?q=a+b")).toBe(canonicalKey("/es/search?q=a%20b"));
    expect(canonicalKey("/es/library?kind=")).toBe("/es/library");
    expect(canonicalKey("/es/library?kind=a&kind=b")).not.toBe(canonicalKey("/es/library?kind=a"));
    expect(canonicalKey("/es/about")).toBe("/es/about");
  });

  it("never keeps error pages", async () => {
    const view = deriveSiteData(await seedSnapshot());
    const cache = new PageCache();
    cache.get(view, "warm-up");
    await cache.put(view, "missing", new Response("nope", { status: 404 }));
    expect(cache.get(view, "missing")).toBeUndefined();
  });

  it("gives each page an ETag of its bytes and answers it with a 304 without rendering, or a 200 once the view changed", async () => {
    const snapshot = await seedSnapshot();
    let view: SiteData = deriveSiteData(snapshot);
    let clockReads = 0;
    const site = createSite(
      countedClockSite(
        () => view,
        () => {
          clockReads += 1;
        },
      ),
    );
    // Asked first with a stale tag: rendered, kept, and sent whole with its own tag.
    const first = await site.request("/es/about", { headers: { "if-none-match": '"older"' } });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toBe(etagOf(new Uint8Array(await first.arrayBuffer())));
    const before = clockReads;
    const again = await site.request("/es/about", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(clockReads - before, "a 304 renders nothing").toBe(1);

    // Another instance, which has not rendered the page yet, renders it once and gives the same answer.
    const other = createSite(
      countedClockSite(
        () => view,
        () => {},
      ),
    );
    const cold = await other.request("/es/about", { headers: { "if-none-match": etag } });
    expect(cold.status).toBe(304);
    expect(cold.headers.get("content-length")).toBeNull();

    const renamed = structuredClone(snapshot);
    if (!renamed.network) throw new Error("seed has no network");
    renamed.network.name.es = "Red renombrada";
    view = deriveSiteData(renamed);
    const changed = await site.request("/es/about", { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toContain("Red renombrada");
  });

  it("reads If-None-Match as RFC 9110 says: a list, weak tags compared weakly, and *", () => {
    expect(matchesETag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesETag("*", '"b"')).toBe(true);
    expect(matchesETag('"ab"', '"b"')).toBe(false);
    expect(matchesETag(undefined, '"b"')).toBe(false);
    expect(matchesETag("", '"b"')).toBe(false);
  });
});
