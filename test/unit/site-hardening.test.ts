import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../functions/src/i18n/index.js";
import { LANGS } from "../../functions/src/model/index.js";
import { createSite, MAX_URL_LENGTH } from "../../functions/src/site/app.js";
import { deriveSiteData, type SiteData } from "../../functions/src/site/data.js";
import type { SiteDeps } from "../../functions/src/site/deps.js";
import { siteRequestListener } from "../../functions/src/site/handler.js";
import { PageCache } from "../../functions/src/site/page-cache.js";
import type { PublicSnapshot } from "../../functions/src/views/public-snapshot.js";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "../bench/pages.js";
import { ORIGIN, seedSnapshot, TEST_ASSETS, TEST_CURSOR_KEY } from "../support/seeded-site.js";

let snapshot: PublicSnapshot;
let derived: SiteData;
const NOW = new Date("2026-11-25T12:00:00Z");

const siteWith = (deps: Partial<SiteDeps> = {}) =>
  createSite({
    view: async () => ({ derived }),
    assets: TEST_ASSETS,
    origin: ORIGIN,
    cursorKey: TEST_CURSOR_KEY,
    now: () => NOW,
    log: () => {},
    ...deps,
  });

beforeAll(async () => {
  snapshot = await seedSnapshot();
  derived = deriveSiteData(snapshot);
});

/** The security headers of a response, each parsed into what a browser reads from it. */
function securityHeaders(headers: Headers) {
  const csp = Object.fromEntries(
    (headers.get("content-security-policy") ?? "")
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources.sort()]),
  );
  const hsts = Object.fromEntries(
    (headers.get("strict-transport-security") ?? "").split(";").map((part) => {
      const [name = "", value = "true"] = part.trim().split("=");
      return [name.toLowerCase(), value];
    }),
  );
  return {
    csp,
    hsts,
    frameOptions: headers.get("x-frame-options"),
    contentTypeOptions: headers.get("x-content-type-options"),
    referrerPolicy: headers.get("referrer-policy"),
    permissionsPolicy: headers.get("permissions-policy"),
  };
}

describe("security headers", () => {
  let reference: ReturnType<typeof securityHeaders>;
  beforeAll(async () => {
    reference = securityHeaders((await siteWith().request("/es/about")).headers);
    // What the comparison stands on: the page's own set is the strict one.
    expect(reference.csp["default-src"]).toEqual(["'none'"]);
    expect(reference.csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(Number(reference.hsts["max-age"])).toBeGreaterThanOrEqual(31_536_000);
    expect(reference.hsts).toHaveProperty("includesubdomains");
    expect(reference.frameOptions).toBe("DENY");
    expect(reference.contentTypeOptions).toBe("nosniff");
  });

  it("are the same on every error path, redirect and cached answer as on a page", async () => {
    const broken: SiteData = Object.defineProperties({} as SiteData, Object.getOwnPropertyDescriptors(derived));
    Object.defineProperty(broken, "search", {
      get() {
        throw new Error("index exploded");
      },
    });
    const cases: [string, () => Response | Promise<Response>, number][] = [
      ["URL too long", () => siteWith().request(`/en/about?x=${"a".repeat(MAX_URL_LENGTH)}`), 400],
      ["bad filter", () => siteWith().request("/es/library?kind=nope"), 400],
      ["unknown topic", () => siteWith().request("/es/library?topic=nope"), 400],
      ["unknown language", () => siteWith().request("/de/about"), 404],
      ["unknown page", () => siteWith().request("/es/nope"), 404],
      ["unknown document", () => siteWith().request("/es/documents/nope"), 404],
      [
        "view read failure",
        () =>
          siteWith({
            view: async () => {
              throw new Error("Firestore unavailable");
            },
          }).request("/es/about"),
        500,
      ],
      ["render failure", () => siteWith({ view: async () => ({ derived: broken }) }).request("/es/search?q=x"), 500],
      ["redirect of /", () => siteWith().request("/"), 302],
      ["redirect of /es", () => siteWith().request("/es"), 301],
      ["redirect of an unknown parameter", () => siteWith().request("/es/about?utm_source=x"), 301],
      [
        "the app's page cache",
        async () => {
          const site = siteWith();
          await (await site.request("/es/about")).text();
          return site.request("/es/about");
        },
        200,
      ],
      ["an export", () => siteWith().request("/data/public.json"), 200],
    ];
    for (const [name, request, status] of cases) {
      const response = await request();
      expect(response.status, name).toBe(status);
      expect(securityHeaders(response.headers), name).toEqual(reference);
    }
  });

  describe("from the site function's fast path", () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const listener = siteRequestListener({
        view: async () => ({ derived }),
        assets: TEST_ASSETS,
        origin: ORIGIN,
        cursorKey: TEST_CURSOR_KEY,
        now: () => NOW,
        log: () => {},
      });
      server = createServer((req, res) => void listener(req, res));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("are the same on a page written from the instance's cache", async () => {
      await (await fetch(`${base}/es/about`)).text();
      const cached = await fetch(`${base}/es/about`);
      expect(cached.status).toBe(200);
      expect(securityHeaders(cached.headers)).toEqual(reference);
      const tooLong = await fetch(`${base}/es/about?x=${"a".repeat(MAX_URL_LENGTH)}`);
      expect(tooLong.status).toBe(400);
      expect(securityHeaders(tooLong.headers)).toEqual(reference);
    });
  });
});

describe("unknown query parameters", () => {
  const pages = PAGE_TYPES.filter((type) => type.status === 200).flatMap((type) =>
    PAGE_LANGS.map((lang) => pageUrl(lang, type)),
  );
  const files = ["/es/calendar.ics", "/en/feed.xml", "/sitemap.xml", "/data/public.json", "/data/events.csv"];

  it.each([...pages, ...files])(
    "redirects %s with unknown parameters for good to it, which answers 200",
    async (url) => {
      const site = siteWith();
      const withNoise = `${url}${url.includes("?") ? "&" : "?"}n=1&utm_source=feed`;
      const moved = await site.request(withNoise);
      expect(moved.status).toBe(301);
      const location = moved.headers.get("location") ?? "";
      expect(location).toBe(url);
      expect(moved.headers.get("cache-control"), "the CDN may keep the redirect").toMatch(/^public/);
      const target = await site.request(location);
      expect(target.status).toBe(200);
      expect(target.headers.get("location")).toBeNull();
    },
  );

  it("keeps declared parameters in declared order, without blanks, when it redirects", async () => {
    const site = siteWith();
    const moved = await site.request("/es/search?utm=1&topic=sme-participation&kind=&q=%20pymes%20");
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/es/search?q=pymes&topic=sme-participation");
    expect((await site.request(moved.headers.get("location") ?? "")).status).toBe(200);
  });

  it("answers a blank or reordered declared parameter from the canonical page's cache entry", async () => {
    let renders = 0;
    const site = siteWith({
      now: () => {
        renders += 1;
        return NOW;
      },
    });
    const canonical = await (await site.request("/es/library?topic=sme-participation&year=2005")).text();
    const before = renders;
    const variant = await site.request("/es/library?year=2005&kind=&topic=sme-participation");
    expect(variant.status).toBe(200);
    expect(await variant.text()).toBe(canonical);
    expect(renders - before, "a cache hit reads the clock for its key only").toBe(1);
  });
});

describe("files built once per view version", () => {
  const FILES = [
    ["/es/calendar.ics", "calendar.es.ics"],
    ["/en/calendar.ics", "calendar.en.ics"],
    ["/es/events/iii-seminar-santiago-2005/calendar.ics", "events/iii-seminar-santiago-2005.es.ics"],
    ["/data/public.json", "public.json"],
    ["/data/documents.csv", "documents.csv"],
    ["/pt/feed.xml", "feed.pt.xml"],
    ["/sitemap.xml", "sitemap.xml"],
  ] as const;

  it("builds each feed, calendar, sitemap and open-data file once per view version, whatever the page cache keeps", async () => {
    let view = derived;
    const built: string[] = [];
    const site = siteWith({
      view: async () => ({ derived: view }),
      // No room in the page cache: every request reaches its route.
      pages: new PageCache(0),
      log: (entry) => {
        if (entry.message === "site.file_built") built.push(String(entry.file));
      },
    });
    for (let round = 0; round < 3; round++) {
      for (const [url] of FILES) expect((await site.request(url)).status, url).toBe(200);
    }
    expect(built.sort()).toEqual(FILES.map(([, file]) => file).sort());
    const first = await (await site.request("/data/public.json")).text();

    const renamed = structuredClone(snapshot);
    if (!renamed.network) throw new Error("seed has no network");
    renamed.network.name.en = "Renamed Network";
    view = deriveSiteData(renamed);
    built.length = 0;
    const second = await (await site.request("/data/public.json")).text();
    expect(built).toEqual(["public.json"]);
    expect(second).not.toBe(first);
    expect(JSON.parse(second).network.name.en).toBe("Renamed Network");
  });
});

describe("language of / and of error pages", () => {
  it.each([
    ["the best-rated supported language", "de-DE,de;q=0.9,en;q=0.8,es;q=0.7", "en"],
    ["a regional variant", "pt-BR", "pt"],
    ["the higher quality", "fr-CA;q=0.5, es-CL", "es"],
    ["French", "fr", "fr"],
    ["Spanish when there is no header", undefined, "es"],
    ["Spanish for unsupported languages", "zh-CN,ja;q=0.9", "es"],
    ["Spanish for a garbled header", ";;;q=abc,,", "es"],
    ["Spanish for a huge header", "x".repeat(10_000), "es"],
  ])("sends / to %s", async (_name, header, lang) => {
    const response = await siteWith().request("/", { headers: header ? { "accept-language": header } : {} });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/${lang}/`);
  });

  it("answers in the path's language, else in the browser's", async () => {
    const inPath = await siteWith().request("/fr/nope", { headers: { "accept-language": "pt" } });
    expect(await inPath.text()).toContain(translator("fr")("error.404.title"));
    const unknownPrefix = await siteWith().request("/de/about", { headers: { "accept-language": "pt-BR" } });
    const html = await unknownPrefix.text();
    expect(html).toContain('<html lang="pt">');
    expect(html).toContain(translator("pt")("error.404.title"));
  });

  it.each(LANGS)("refuses an over-long URL in %s, through the message catalogue", async (lang) => {
    const t = translator(lang);
    const response = await siteWith().request(`/${lang}/about?x=${"a".repeat(MAX_URL_LENGTH)}`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(t("error.400.title"));
    expect(html).toContain(t("error.urlTooLong", { max: MAX_URL_LENGTH }));
  });

  it("says the service is unavailable in the visitor's language when the view cannot be read", async () => {
    const site = siteWith({
      view: async () => {
        throw new Error("Firestore unavailable");
      },
    });
    const response = await site.request("/", { headers: { "accept-language": "fr" } });
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe(translator("fr")("error.unavailable"));
  });
});
