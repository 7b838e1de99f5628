import { beforeAll, describe, expect, it } from "vitest";
import { htmlStalenessBound } from "../../functions/src/config.js";
import type { PublicSnapshot } from "../../functions/src/views/public-snapshot.js";
import { seedSnapshot, siteOver } from "../support/seeded-site.js";

let snapshot: PublicSnapshot;
let site: ReturnType<typeof siteOver>;
beforeAll(async () => {
  snapshot = await seedSnapshot();
  site = siteOver(snapshot);
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await site.request(path, { headers });
  return { res, html: await res.text() };
};

describe("language routing", () => {
  it("redirects / to the visitor's language", async () => {
    const en = await site.request("/", { headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(en.status).toBe(302);
    expect(en.headers.get("location")).toBe("/en/");
    expect(en.headers.get("vary")).toContain("Accept-Language");
    const fallback = await site.request("/");
    expect(fallback.headers.get("location")).toBe("/es/");
  });

  it("marks every page with its language and links to itself in the others", async () => {
    const { html } = await get("/fr/committee");
    expect(html).toContain('<html lang="fr">');
    for (const lang of ["es", "en", "pt", "fr"]) {
      expect(html).toContain(`hreflang="${lang}" href="https://www.compraspublicas.org/${lang}/committee"`);
      expect(html).toContain(`href="/${lang}/committee" hreflang="${lang}"`);
    }
    expect(html).toContain('rel="canonical" href="https://www.compraspublicas.org/fr/committee"');
  });

  it("answers an unknown language prefix with a localized 404, not an error", async () => {
    const { res, html } = await get("/de/about", { "accept-language": "en" });
    expect(res.status).toBe(404);
    expect(html).toContain("Page not found");
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe("core pages", () => {
  it("shows the network's purpose, the latest document and the priority areas on the home page", async () => {
    const { res, html } = await get("/es/");
    expect(res.status).toBe(200);
    expect(html).toContain("Red Interamericana de Compras Gubernamentales");
    expect(html).toContain("38 altos funcionarios de 18 países y 2 instituciones multilaterales");
    expect(html).toContain("/es/documents/santiago-2005-executive-report");
    expect(html).toContain("Participación competitiva de las PYMEs");
  });

  it("lists the five committee countries with the basis of each seat", async () => {
    const { html } = await get("/en/committee");
    for (const country of ["Peru", "Costa Rica", "Brazil", "Chile", "United States"]) expect(html).toContain(country);
    expect(html.match(/Hosted: /g)).toHaveLength(4);
    expect(html.match(/Will host: /g)).toHaveLength(1);
    expect(html).toContain("/en/events/ii-seminar-sao-paulo-2004");
  });

  it("shows a seat the secretariat gave by hand with its written reason, escaped", async () => {
    const manual = siteOver({
      ...snapshot,
      committee: [
        ...snapshot.committee,
        {
          id: "MX",
          countryId: "MX",
          basis: "manual",
          reason: "Agreed at the 2026 assembly <script>alert(1)</script>",
          since: "2026-03-04",
          source: "Decision of the secretariat (2026-03-04)",
        },
      ],
    });
    const html = await (await manual.request("/en/committee")).text();
    expect(html).toContain("Seat given by the secretariat: Agreed at the 2026 assembly &lt;script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("Mexico");
  });

  it("names each merged initiative's coordinators", async () => {
    const { html } = await get("/es/initiatives");
    expect(html).toContain("ChileCompra");
    expect(html).toContain("GSA-EEUU");
    expect(html).toContain("CCC de Canadá");
    expect(html).toContain("CONSUCODE de Perú");
  });

  it("shows Chile's one-year hosting offer without inventing a start date", async () => {
    const { html } = await get("/en/hosting");
    expect(html).toContain("12 months");
    expect(html).toContain("Not recorded: the report gives no start date.");
    expect(html).toContain("Offered");
    expect(html).not.toContain("Days remaining");
  });

  it("counts the days remaining once a term has started", async () => {
    const started = structuredClone(snapshot);
    const commitment = started.commitments[0];
    if (!commitment) throw new Error("seed has no commitment");
    Object.assign(commitment, { status: "active", termStart: "2026-06-01" });
    const res = await siteOver(started, new Date("2026-11-25T12:00:00Z")).request("/en/hosting");
    const html = await res.text();
    expect(html).toContain("Days remaining");
    expect(html).toContain("188 days");
  });

  it("shows the last cross-link check of an initiative's website, and nothing before the first", async () => {
    expect((await get("/en/initiatives")).html).not.toContain("Last check");
    const checked = structuredClone(snapshot);
    const [initiative] = checked.initiatives;
    if (!initiative) throw new Error("seed has no initiative");
    Object.assign(initiative, {
      website: "https://initiative.example/",
      crossLink: "broken",
      linkCheck: { checkedOn: "2026-11-23", result: "missing" },
    });
    const html = await (await siteOver(checked).request("/en/initiatives")).text();
    expect(html).toContain("<dt>Last check</dt>");
    expect(html).toContain("November 23, 2026: does not link to this website");
  });

  it("names the next reminder of a running term, and none for an offer", async () => {
    expect((await get("/en/hosting")).html).not.toContain("Next reminder");
    const started = structuredClone(snapshot);
    const commitment = started.commitments[0];
    if (!commitment) throw new Error("seed has no commitment");
    Object.assign(commitment, { status: "active", termStart: "2026-06-01", activatedOn: "2026-05-20" });
    const html = await (await siteOver(started, new Date("2026-11-25T12:00:00Z")).request("/en/hosting")).text();
    // The term ends on 1 June 2027; its 90-day reminder falls on 3 March.
    expect(html).toMatch(/Next reminder<\/dt>\s*<dd><time datetime="2027-03-03">March 3, 2027<\/time>/);
  });

  it("serves a country page and 404s unknown or mis-cased codes", async () => {
    const { html } = await get("/es/countries/cl");
    expect(html).toContain("Oficina de Compras y Contrataciones Públicas de Chile");
    expect(html).toContain("Miembro del Comité Ejecutivo");
    expect((await get("/es/countries/zz")).res.status).toBe(404);
    expect((await get("/es/countries/CL")).res.status).toBe(404);
  });

  it("shows content in another language with a visible note when the visitor's is missing", async () => {
    const { html } = await get("/pt/about");
    expect(html).toContain('<span lang="es">Participación competitiva de las PYMEs');
    expect(html).toContain("Rede Interamericana de Compras Governamentais");
  });
});

describe("security and caching headers", () => {
  it("sends a strict Content-Security-Policy and the other security headers on every page", async () => {
    for (const path of ["/es/", "/en/about", "/es/nope", "/xx/"]) {
      const { res } = await get(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).not.toContain("unsafe-inline");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("lets the CDN cache public pages and serve them stale while revalidating", async () => {
    const { res } = await get("/es/");
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/);
  });

  it("lets no cache keep a public page, feed or error page longer than the staleness bound, about a minute", async () => {
    expect(htmlStalenessBound()).toBeLessThanOrEqual(62);
    const paths = [
      "/es/",
      "/en/about",
      "/es/library",
      "/es/events",
      "/en/feed.xml",
      "/es/calendar.ics",
      "/sitemap.xml",
      "/data/public.json",
      "/es/nope",
      "/en/library?year=never",
    ];
    for (const path of paths) {
      const { res } = await get(path);
      const directives = new Map(
        (res.headers.get("cache-control") ?? "").split(",").map((d) => {
          const [name = "", value = ""] = d.trim().split("=");
          return [name, Number(value)] as const;
        }),
      );
      expect(directives.has("public"), path).toBe(true);
      const kept = Math.max(directives.get("max-age") ?? 0, directives.get("s-maxage") ?? 0);
      expect(kept + (directives.get("stale-while-revalidate") ?? 0), path).toBeLessThanOrEqual(60);
      expect(directives.get("s-maxage"), path).toBeLessThanOrEqual(60);
    }
  });

  it("refuses oversized URLs with a localized 400 instead of a 500", async () => {
    const { res, html } = await get(`/en/about?x=${"a".repeat(5000)}`);
    expect(res.status).toBe(400);
    expect(html).toContain("Invalid request");
  });
});
