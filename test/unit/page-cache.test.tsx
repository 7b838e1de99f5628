import { describe, expect, it } from "vitest";
import { createSite } from "../../functions/src/site/app.js";
import { deriveSiteData, type SiteData } from "../../functions/src/site/data.js";
import { PageCache } from "../../functions/src/site/page-cache.js";
import { ORIGIN, seedSnapshot, TEST_ASSETS, TEST_CURSOR_KEY } from "../support/seeded-site.js";

describe("rendered page cache", () => {
  it("renders a page once per view version and day, and afresh when the view changes", async () => {
    const snapshot = await seedSnapshot();
    let view: SiteData = deriveSiteData(snapshot);
    let renders = 0;
    const site = createSite({
      view: async () => ({ derived: view }),
      assets: TEST_ASSETS,
      origin: ORIGIN,
      cursorKey: TEST_CURSOR_KEY,
      // Every render asks for the time once per page context; a cache hit asks only for the key's day.
      now: () => {
        renders += 1;
        return new Date("2026-11-25T12:00:00Z");
      },
      log: () => {},
    });
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

  it("keeps no more than its bound, oldest out first, and skips oversized pages", async () => {
    const view = deriveSiteData(await seedSnapshot());
    const cache = new PageCache(2, 10);
    cache.get(view, "warm-up");
    await cache.put(view, "a", new Response("aaa"));
    await cache.put(view, "b", new Response("bbb"));
    await cache.put(view, "c", new Response("ccc"));
    await cache.put(view, "big", new Response("x".repeat(11)));
    expect(cache.get(view, "a")).toBeUndefined();
    expect(await cache.get(view, "c")?.text()).toBe("ccc");
    expect(cache.get(view, "big")).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it("never keeps error pages", async () => {
    const view = deriveSiteData(await seedSnapshot());
    const cache = new PageCache();
    cache.get(view, "warm-up");
    await cache.put(view, "missing", new Response("nope", { status: 404 }));
    expect(cache.get(view, "missing")).toBeUndefined();
  });
});
