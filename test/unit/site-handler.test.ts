import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveSiteData } from "../../functions/src/site/data.js";
import { siteRequestListener } from "../../functions/src/site/handler.js";
import { countedClockSite, seedSnapshot } from "../support/seeded-site.js";

let server: Server;
let base: string;
let clockReads = 0;

beforeAll(async () => {
  const derived = deriveSiteData(await seedSnapshot());
  const listener = siteRequestListener(
    countedClockSite(
      () => derived,
      () => {
        clockReads += 1;
      },
    ),
  );
  server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the site function's request listener", () => {
  it("answers a page it has rendered before from its cache, byte for byte and with every header", async () => {
    const first = await fetch(`${base}/es/library?kind=`);
    const firstBody = await first.text();
    const before = clockReads;
    const second = await fetch(`${base}/es/library?kind=`);
    expect(clockReads - before, "a cache hit reads the clock once, for its key, and renders nothing").toBe(1);
    expect(await second.text()).toBe(firstBody);
    for (const header of ["content-type", "content-security-policy", "strict-transport-security", "cache-control"]) {
      expect(second.headers.get(header), header).toBe(first.headers.get(header));
    }
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(firstBody)));
  });

  it("renders error pages every time and never caches them", async () => {
    const first = await fetch(`${base}/en/nope`);
    expect(first.status).toBe(404);
    await first.text();
    const before = clockReads;
    const second = await fetch(`${base}/en/nope`);
    expect(second.status).toBe(404);
    expect(await second.text()).toContain("Page not found");
    expect(clockReads - before).toBeGreaterThan(1);
  });

  it("answers a conditional request for a page it holds with a 304 and nothing rendered", async () => {
    const first = await fetch(`${base}/en/events`);
    const body = await first.text();
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const before = clockReads;
    const revalidated = await fetch(`${base}/en/events`, { headers: { "if-none-match": etag ?? "" } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(clockReads - before, "a 304 reads the clock for its key only").toBe(1);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(revalidated.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    expect(revalidated.headers.get("content-type")).toBeNull();
    // A copy the CDN weakened when it compressed it is still the same page; another tag is not.
    const weak = await fetch(`${base}/en/events`, { headers: { "if-none-match": `W/${etag}` } });
    expect(weak.status).toBe(304);
    const other = await fetch(`${base}/en/events`, { headers: { "if-none-match": '"something-else"' } });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(body);
  });
});
