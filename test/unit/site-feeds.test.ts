import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { type Document, LANGS, type Member } from "../../functions/src/model/index.js";
import { deriveSiteData } from "../../functions/src/site/data.js";
import { DATASETS } from "../../functions/src/site/feeds/open-data.js";
import { publicPaths, SITEMAP_PART_PAGES } from "../../functions/src/site/feeds/sitemap.js";
import {
  type PublicSnapshot,
  PublicSnapshotSchema,
  publicSnapshotOf,
} from "../../functions/src/views/public-snapshot.js";
import { generatedDocuments } from "../support/library-fixtures.js";
import { ORIGIN, seedRecords, seedSnapshot, siteOver, unlistedFields } from "../support/seeded-site.js";

const REPORT = "santiago-2005-executive-report";

let snapshot: PublicSnapshot;
let site: ReturnType<typeof siteOver>;
beforeAll(async () => {
  snapshot = await seedSnapshot();
  site = siteOver(snapshot);
});

const get = async (path: string, on = site) => {
  const res = await on.request(path);
  return { res, body: await res.text() };
};
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "entry" });

describe("the Atom feed", () => {
  it("is well-formed Atom carrying the report in each language", async () => {
    for (const lang of LANGS) {
      const { res, body } = await get(`/${lang}/feed.xml`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
      expect(XMLValidator.validate(body)).toBe(true);
      const feed = xml.parse(body).feed;
      expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
      const [entry] = feed.entry;
      expect(entry.link["@href"]).toBe(`${ORIGIN}/${lang}/documents/${REPORT}`);
      expect(entry.id).toBe(`${ORIGIN}/${lang}/documents/${REPORT}`);
      // Published "2005-06": the feed dates it from the first day of the month.
      expect(entry.updated).toBe("2005-06-01T00:00:00.000Z");
      expect(feed.updated).toBe("2005-06-01T00:00:00.000Z");
    }
    const title = async (lang: string) => xml.parse((await get(`/${lang}/feed.xml`)).body).feed.entry[0].title["#text"];
    expect(await title("es")).toBe("III Seminario Interamericano en E-Compras Gubernamentales: Resumen Ejecutivo");
    expect(await title("en")).toBe("III Inter-American Seminar in E-Government Procurement: Executive Report");
    // No Portuguese text: the best available one, as on the pages.
    expect(await title("pt")).toBe("III Seminario Interamericano en E-Compras Gubernamentales: Resumen Ejecutivo");
  });

  it("carries the 50 newest documents, newest first, their plain-text titles escaped for type=html", async () => {
    const many = structuredClone(snapshot);
    const base = many.documents[0] as Document;
    for (let n = 1; n <= 60; n++) {
      const month = String((n % 12) + 1).padStart(2, "0");
      many.documents.push({
        ...base,
        id: `news-${n}`,
        title: { es: `Noticia ${n} & <b>más</b> ]]>` },
        publishedOn: `${2000 + n}-${month}`,
      });
    }
    const { body } = await get("/es/feed.xml", siteOver(many));
    expect(XMLValidator.validate(body)).toBe(true);
    const entries = xml.parse(body).feed.entry as { updated: string; title: { "#text": string } }[];
    expect(entries).toHaveLength(50);
    expect(entries[0]?.title["#text"]).toBe("Noticia 60 &amp; &lt;b&gt;más&lt;/b&gt; ]]&gt;");
    const dates = entries.map((e) => e.updated);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe("the sitemap and robots.txt", () => {
  it("lists every public page in every language with its hreflang alternates", async () => {
    const { res, body } = await get("/sitemap.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(XMLValidator.validate(body)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => true }).parse(
      body,
    );
    const urlset = parsed.urlset[0];
    expect(urlset["@xmlns"]).toEqual(["http://www.sitemaps.org/schemas/sitemap/0.9"]);
    expect(urlset["@xmlns:xhtml"]).toEqual(["http://www.w3.org/1999/xhtml"]);
    const urls = urlset.url as { loc: string[]; "xhtml:link": { "@hreflang": string[]; "@href": string[] }[] }[];
    const locs = urls.map((u) => u.loc[0]);

    const paths = publicPaths(deriveSiteData(snapshot));
    const expected = paths.flatMap((path) => LANGS.map((lang) => `${ORIGIN}/${lang}${path}`));
    expect(new Set(locs)).toEqual(new Set(expected));
    expect(locs).toHaveLength(expected.length);
    const required = [
      "/",
      "/about",
      "/members",
      "/events",
      "/library",
      "/committee",
      "/initiatives",
      "/hosting",
      "/data",
    ];
    for (const path of required) expect(paths).toContain(path);
    for (const country of snapshot.countries) expect(paths).toContain(`/countries/${country.id.toLowerCase()}`);
    for (const event of snapshot.events) expect(paths).toContain(`/events/${event.id}`);
    expect(paths).toContain(`/documents/${REPORT}`);

    const fr = urls.find((u) => u.loc[0] === `${ORIGIN}/fr/countries/cl`);
    const alternates = Object.fromEntries((fr?.["xhtml:link"] ?? []).map((l) => [l["@hreflang"][0], l["@href"][0]]));
    expect(alternates).toEqual({
      es: `${ORIGIN}/es/countries/cl`,
      en: `${ORIGIN}/en/countries/cl`,
      pt: `${ORIGIN}/pt/countries/cl`,
      fr: `${ORIGIN}/fr/countries/cl`,
      "x-default": `${ORIGIN}/es/countries/cl`,
    });
  });

  it("splits the sitemap into bounded files listed by an index once the pages outgrow one file", async () => {
    const big = { ...snapshot, documents: [...snapshot.documents, ...generatedDocuments(SITEMAP_PART_PAGES + 40)] };
    const bigSite = siteOver(big);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => true });
    const index = await get("/sitemap.xml", bigSite);
    expect(XMLValidator.validate(index.body)).toBe(true);
    const sitemaps = parser.parse(index.body).sitemapindex[0].sitemap as { loc: string[] }[];
    expect(sitemaps.map((s) => s.loc[0])).toEqual([`${ORIGIN}/sitemaps/1.xml`, `${ORIGIN}/sitemaps/2.xml`]);
    const locs: string[] = [];
    for (const sitemap of sitemaps) {
      const part = await get(new URL(sitemap.loc[0] ?? "").pathname, bigSite);
      expect(part.res.status).toBe(200);
      expect(XMLValidator.validate(part.body)).toBe(true);
      const urls = parser.parse(part.body).urlset[0].url as { loc: string[] }[];
      expect(urls.length).toBeLessThanOrEqual(SITEMAP_PART_PAGES * LANGS.length);
      locs.push(...urls.map((u) => u.loc[0] ?? ""));
    }
    const expected = publicPaths(deriveSiteData(big)).flatMap((path) =>
      LANGS.map((lang) => `${ORIGIN}/${lang}${path}`),
    );
    expect(locs.sort()).toEqual(expected.sort());
    expect((await get("/sitemaps/3.xml", bigSite)).res.status).toBe(404);
    expect((await get("/sitemaps/1.xml")).res.status, "a site that fits one file has no parts").toBe(404);
  });

  it("lets crawlers in, except the console, and points them at the sitemap", async () => {
    const { res, body } = await get("/robots.txt");
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const lines = body.split("\n");
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain("Allow: /");
    expect(lines).toContain("Disallow: /console/");
    expect(lines.filter((line) => line.startsWith("Disallow:"))).toEqual(["Disallow: /console/"]);
    expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});

describe("open data", () => {
  it("describes and links every dataset on the data page, with the licence note", async () => {
    const { res, body } = await get("/es/data");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(body).toContain("<h1>Datos abiertos</h1>");
    expect(body).toContain("registros públicos de la Red");
    expect(body).toContain('href="/data/public.json"');
    for (const dataset of DATASETS) expect(body).toContain(`href="/data/${dataset}.csv"`);
    expect(body).toContain('href="/es/feed.xml"');
    const en = (await get("/en/data")).body;
    expect(en).toContain("public records of the Network");
    expect(en).toContain("so that spreadsheets do not run it as a formula");
    expect(en).toContain('rel="canonical" href="https://www.compraspublicas.org/en/data"');
  });

  it("exports the public snapshot as JSON, and nothing private", async () => {
    const { res, body } = await get("/data/public.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const data = PublicSnapshotSchema.parse(JSON.parse(body));
    expect(Object.keys(JSON.parse(body)).sort()).toEqual(Object.keys(PublicSnapshotSchema.shape).sort());
    expect(body).not.toContain("memberContacts");
    expect(body).not.toMatch(/"email"|"phone"|"directory"|"languages"|"confirmedAt"/);
    expect(data.documents.map((d) => d.id)).toEqual([REPORT]);
    expect(unlistedFields(JSON.parse(body))).toEqual([]);
  });

  it("exports of a listed member only what the pages show: name, title, institution and country", async () => {
    const records = await seedRecords();
    const member: Member = {
      id: "listed-member",
      name: "Ana Pérez",
      title: { es: "Directora de Compras", en: "Procurement Director" },
      institutionId: "chilecompra",
      countryId: "CL",
      preferredLanguage: "pt",
      timeZone: "America/Sao_Paulo",
      public: true,
      source: "Agreed by email to be listed, 2005-07-01",
    };
    const withMember = siteOver(publicSnapshotOf({ ...records, members: [member] }));
    const page = (await get("/en/countries/cl", withMember)).body;
    expect(page).toContain("Ana Pérez");
    expect(page).toContain("Procurement Director");
    const { body } = await get("/data/public.json", withMember);
    expect(JSON.parse(body).members).toEqual([
      { id: "listed-member", name: "Ana Pérez", title: member.title, institutionId: "chilecompra", countryId: "CL" },
    ]);
    expect(unlistedFields(JSON.parse(body))).toEqual([]);
    expect(body).not.toMatch(/preferredLanguage|Sao_Paulo|Agreed by email/);
  });

  it("serves each collection as a CSV table with one column per language", async () => {
    for (const dataset of DATASETS) {
      const { res, body } = await get(`/data/${dataset}.csv`);
      expect(res.status, dataset).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
      expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
      const rows = parseCsv(body, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(snapshot[dataset].length);
    }
    const events = parseCsv((await get("/data/events.csv")).body, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const santiago = events.find((e) => e.id === "iii-seminar-santiago-2005");
    expect(santiago).toMatchObject({
      title_en: "III Inter-American Seminar on E-Government Procurement",
      title_pt: "",
      start: "2005-06-20",
      end: "2005-06-23",
      participation_officials: "38",
      participation_countries: "18",
      participation_multilateralInstitutions: "2",
    });
    expect(santiago?.attendingCountries?.split("; ")).toHaveLength(18);
    const documents = (await get("/data/documents.csv")).body;
    expect(documents.split("\r\n")[0]).not.toMatch(/body/);
  });

  it("answers an unknown collection with a 404", async () => {
    for (const path of [
      "/data/members.csv",
      "/data/memberContacts.csv",
      "/data/directory.csv",
      "/data/nothing.csv",
      "/data/countries.xls",
    ]) {
      expect((await get(path)).res.status, path).toBe(404);
    }
  });
});
