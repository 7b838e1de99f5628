import { beforeAll, describe, expect, it } from "vitest";
import { library } from "../../functions/src/i18n/library.js";
import { type Document, LANGS } from "../../functions/src/model/index.js";
import { Cursors } from "../../functions/src/site/cursor.js";
import { type PublicSnapshot, publicSnapshotOf } from "../../functions/src/views/public-snapshot.js";
import { generatedDocuments } from "../support/library-fixtures.js";
import { seedRecords, seedSnapshot, siteOver, TEST_CURSOR_KEY } from "../support/seeded-site.js";

const REPORT = "santiago-2005-executive-report";
let seed: PublicSnapshot;
let site: ReturnType<typeof siteOver>;
/** The seed plus 50 generated documents, for paging. */
let big: ReturnType<typeof siteOver>;
beforeAll(async () => {
  seed = await seedSnapshot();
  site = siteOver(seed);
  big = siteOver({ ...seed, documents: [...seed.documents, ...generatedDocuments(50)] });
});

const get = async (path: string, app = site) => {
  const res = await app.request(path);
  return { res, html: await res.text() };
};

/** Ids of the documents a library page lists, in order. */
const listed = (html: string) =>
  [...html.matchAll(/<article class="card"><h2><a href="\/\w\w\/documents\/([a-z0-9-]+)">/g)].map((m) => m[1]);
const nextLink = (html: string) => {
  const match = /<a href="([^"]+)" rel="next">/.exec(html);
  return match?.[1]?.replaceAll("&amp;", "&");
};

describe("library", () => {
  it("lists the Santiago report in Spanish and in English", async () => {
    const es = await get("/es/library");
    expect(es.res.status).toBe(200);
    expect(es.html).toContain("III Seminario Interamericano en E-Compras Gubernamentales: Resumen Ejecutivo");
    expect(es.html).toContain("1 documento");
    expect(es.html).toContain('<time datetime="2005-06">junio de 2005</time>');
    expect(es.html).toContain("Idiomas: Español, English");
    const en = await get("/en/library");
    expect(en.html).toContain("III Inter-American Seminar in E-Government Procurement: Executive Report");
    expect(en.html).toContain("1 document<");
    expect(listed(en.html)).toEqual([REPORT]);
  });

  it.each([
    ["kind=executive-report", 1],
    ["kind=news", 0],
    ["topic=harmonization", 1],
    ["topic=public-private-partnerships", 1],
    ["country=CL", 1],
    ["country=cl", 1],
    ["country=CA", 0],
    ["year=2005", 1],
    ["year=2004", 0],
    ["language=en", 1],
    ["language=pt", 0],
    ["kind=executive-report&country=BR&year=2005&language=es&topic=sme-participation", 1],
  ])("filters the library by %s", async (query, count) => {
    const { res, html } = await get(`/es/library?${query}`);
    expect(res.status).toBe(200);
    expect(listed(html)).toHaveLength(count);
    if (count === 0) expect(html).toContain("Ningún documento coincide con estos filtros");
  });

  it("filters generated documents exactly as their fields say", async () => {
    const docs = [...seed.documents, ...generatedDocuments(50)];
    const cases: [string, (d: (typeof docs)[number]) => boolean][] = [
      ["kind=minutes", (d) => d.kind === "minutes"],
      ["topic=sme-participation", (d) => d.topics.includes("sme-participation")],
      ["country=PE", (d) => d.countries.includes("PE")],
      ["year=2007", (d) => d.publishedOn?.startsWith("2007") === true],
      ["language=pt", (d) => d.body.pt !== undefined],
    ];
    for (const [query, keep] of cases) {
      const { html } = await get(`/en/library?${query}`, big);
      const expected = docs.filter(keep).length;
      expect(expected).toBeGreaterThan(0);
      expect(html).toContain(`${expected} documents`);
    }
  });

  it("keeps the chosen filters selected in a form that works without JavaScript", async () => {
    const { html } = await get(
      "/en/library?kind=executive-report&country=br&year=2005&language=en&topic=harmonization",
    );
    expect(html).toContain('<form method="get" action="/en/library"');
    expect(html).toContain('<option value="executive-report" selected="">');
    expect(html).toContain('<option value="BR" selected="">');
    expect(html).toContain('<option value="2005" selected="">');
    expect(html).toContain('<option value="en" selected="">');
    expect(html).toContain('<option value="harmonization" selected="">');
    for (const name of ["kind", "topic", "country", "year", "language"]) {
      expect(html).toContain(`<label for="filter-${name}">`);
      expect(html).toContain(`<select id="filter-${name}" name="${name}">`);
    }
    expect(html).toContain('<button type="submit">Filter</button>');
    expect(html).toContain('<a href="/en/library">Clear filters</a>');
  });

  it("pages by cursor through every document exactly once, newest first", async () => {
    for (const filter of ["", "language=es", "kind=agreement"]) {
      const seen: string[] = [];
      let path: string | undefined = `/es/library${filter ? `?${filter}` : ""}`;
      let pages = 0;
      while (path) {
        const { res, html } = await get(path, big);
        expect(res.status).toBe(200);
        const ids = listed(html);
        expect(ids.length).toBeLessThanOrEqual(20);
        seen.push(...(ids as string[]));
        if (pages > 0) expect(html).toContain(">Primera página</a>");
        path = nextLink(html);
        if (path) {
          expect(path).toContain("cursor=");
          expect(path).not.toMatch(/offset|page=/);
          if (filter) expect(path).toContain(filter);
          expect(html).toContain('<link rel="next"');
        }
        pages++;
      }
      const all = [...seed.documents, ...generatedDocuments(50)].filter((d) =>
        filter === "language=es"
          ? d.body.es !== undefined
          : filter === "kind=agreement"
            ? d.kind === "agreement"
            : true,
      );
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.sort()).toEqual(all.map((d) => d.id).sort());
      expect(pages).toBe(Math.max(1, Math.ceil(all.length / 20)));
    }
  });

  it("orders documents by publish date (more precise first within a year), then by id", async () => {
    const { html } = await get("/en/library", big);
    const ids = listed(html) as string[];
    const docs = new Map([...seed.documents, ...generatedDocuments(50)].map((d) => [d.id, d]));
    const keys = ids.map((id) => docs.get(id)?.publishedOn ?? "");
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(ids[0]).toMatch(/^generated-/);
  });
});

describe("refusing bad library and search addresses", () => {
  const cursor = async (path: string) => {
    const { html } = await get(path, big);
    const next = nextLink(html);
    expect(next).toBeDefined();
    return new URL(next as string, "https://x").searchParams.get("cursor") as string;
  };
  const tamper = (token: string) => {
    const [body = "", tag = ""] = token.split(".");
    const flipped = body.slice(0, 5) + (body[5] === "A" ? "B" : "A") + body.slice(6);
    return `${flipped}.${tag}`;
  };

  it("rejects a tampered, forged, malformed or foreign cursor with a localized 400", async () => {
    const good = await cursor("/es/library");
    const otherFilters = await cursor("/es/library?language=es");
    // Sealed with the site's own key, so only its scope gives it away.
    const forged = new Cursors(TEST_CURSOR_KEY).encode("search", { q: "x", f: {}, after: [1, "d:x"] });
    const bad = [
      tamper(good),
      `${good.split(".")[0]}.AAAAAAAAAAAAAAAAAAAAAA`,
      "abc",
      "",
      "%%%",
      "....",
      Buffer.from(JSON.stringify({ f: {}, after: ["9999", "zzz"] })).toString("base64url"),
      forged,
      // The same position sealed by a site with another key.
      new Cursors("another deployment's key").encode(
        "library",
        JSON.parse(Buffer.from(good.split(".")[0] ?? "", "base64url").toString("utf8")),
      ),
      `${good}x`,
    ];
    for (const token of bad.filter(Boolean)) {
      const { res, html } = await get(`/es/library?cursor=${encodeURIComponent(token)}`, big);
      expect(res.status, token).toBe(400);
      expect(html).toContain("Solicitud no válida");
      expect(html).toContain("el enlace de página no es válido o fue modificado");
    }
    const { res, html } = await get(`/en/library?cursor=${encodeURIComponent(otherFilters)}`, big);
    expect(res.status).toBe(400);
    expect(html).toContain("Invalid request");
    expect(html).toContain("the page link was made for another search or other filters");
    const en = await get(`/en/library?cursor=${encodeURIComponent(tamper(good))}`, big);
    expect(en.html).toContain("the page link is invalid or was altered. Go back to the first page of results.");
  });

  it.each([
    ["kind=xyz", "«xyz» no es un valor válido para «Tipo»", "“xyz” is not a valid value for “Type”"],
    ["year=abc", "«abc» no es un valor válido para «Año»", "“abc” is not a valid value for “Year”"],
    ["country=ZZ", "«ZZ» no es un valor válido para «País»", "“ZZ” is not a valid value for “Country”"],
    ["topic=nope", "«nope» no es un valor válido para «Tema»", "“nope” is not a valid value for “Topic”"],
    ["language=de", "«de» no es un valor válido para «Idioma»", "“de” is not a valid value for “Language”"],
    [
      "kind=news&kind=agreement",
      "el parámetro «Tipo» aparece más de una vez",
      "the parameter “Type” appears more than once",
    ],
    [`topic=${"a".repeat(300)}`, "el valor de «Tema» es demasiado largo", "the value of “Topic” is too long"],
    [`cursor=${"a".repeat(700)}`, "el valor de «cursor» es demasiado largo", "the value of “cursor” is too long"],
  ])("answers %s with a localized 400 that says what to do", async (query, es, en) => {
    for (const page of ["library", "search?q=x&"]) {
      const spanish = await get(`/es/${page.includes("?") ? page : `${page}?`}${query}`);
      expect(spanish.res.status).toBe(400);
      expect(spanish.html).toContain(es);
      const english = await get(`/en/${page.includes("?") ? page : `${page}?`}${query}`);
      expect(english.res.status).toBe(400);
      expect(english.html).toContain(en);
    }
  });

  it("refuses a search longer than 200 characters, in the visitor's language", async () => {
    const q = "compras ".repeat(30).trim();
    const es = await get(`/es/search?q=${encodeURIComponent(q)}`);
    expect(es.res.status).toBe(400);
    expect(es.html).toContain("la búsqueda tiene 239 caracteres y el máximo es 200. Use menos palabras.");
    const en = await get(`/en/search?q=${encodeURIComponent(q)}`);
    expect(en.html).toContain("the search has 239 characters and the maximum is 200. Use fewer words.");
    const ok = await get(`/en/search?q=${encodeURIComponent(q.slice(0, 200))}`);
    expect(ok.res.status).toBe(200);
    const twice = await get("/en/search?q=a&q=b");
    expect(twice.res.status).toBe(400);
  });

  it("never answers odd input with a 500", async () => {
    const odd = [
      "/es/library?cursor=%E0%A4%A",
      "/es/library?kind=%00",
      "/es/library?year=20O5",
      "/es/library?country=%C3%9F%C3%9F",
      "/es/search?q=%E0%A4%A",
      "/es/search?q=%00%01%02",
      "/es/search?q=*",
      "/es/search?q=%F0%9F%98%80",
      "/es/search?q=constructor",
      "/es/search?q=__proto__",
      "/es/search?q=hasOwnProperty%20toString",
      "/es/search?q[]=x",
      "/es/library?kind[]=x",
      "/es/search?cursor=x",
    ];
    for (const path of odd) {
      const { res } = await get(path);
      // "q[]" and "kind[]" are no parameters of these pages: a redirect to the page without them.
      expect([200, 301, 400], path).toContain(res.status);
    }
  });
});

describe("document page", () => {
  it("renders the report's Markdown body in Spanish with the agreements as headings and lists", async () => {
    const { res, html } = await get(`/es/documents/${REPORT}`);
    expect(res.status).toBe(200);
    expect(html).toContain("<h1>III Seminario Interamericano en E-Compras Gubernamentales: Resumen Ejecutivo</h1>");
    expect(html).toContain('<article class="prose" lang="es"');
    expect(html).toContain("<h2>Acuerdos realizados</h2>");
    expect(html).toContain("<h3>1. Áreas de interés común</h3>");
    expect(html).toContain("<h3>2. Comité Ejecutivo de la Red Interamericana de Compras Gubernamentales</h3>");
    expect(html).toContain("<li>Participación competitiva de las PYMEs en Compras Gubernamentales</li>");
    expect(html).toContain("<li>Armonización</li>");
    expect(html).toContain("<strong>Temas de las mesas de trabajo:</strong>");
    expect(html).not.toContain("<h1>Acuerdos");
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it("renders the English body on the English page, with its record", async () => {
    const { html } = await get(`/en/documents/${REPORT}`);
    expect(html).toContain('<article class="prose" lang="en"');
    expect(html).toContain("<h2>Agreements</h2>");
    expect(html).toContain("<h3>1. Areas of common interest</h3>");
    expect(html).toContain("<li>Harmonization</li>");
    expect(html).toContain("<li>Professional development and training</li>");
    expect(html).toContain("Executive report");
    expect(html).toContain('<time datetime="2005-06">June 2005</time>');
    expect(html).toContain("<dt>Version</dt><dd>1</dd>");
    expect(html).toContain('href="/en/events/iii-seminar-santiago-2005"');
    expect(html).toContain('href="/en/countries/cl"');
    expect(html).toContain('href="/en/library?topic=harmonization"');
    expect(html).toContain("English: Original");
    expect(html).toContain("Français: Not translated");
    expect(html).toContain(`href="/es/documents/${REPORT}" hreflang="es" lang="es"`);
    expect(html).toContain(`href="/en/documents/${REPORT}" hreflang="en" lang="en" aria-current="page"`);
    expect(html).not.toContain("fallback");
    expect(html).not.toContain('role="note"');
    // The report's own website becomes a link; it is ours, so no nofollow.
    expect(html).toContain('<a href="http://www.compraspublicas.org">www.compraspublicas.org</a>');
  });

  it("shows the Spanish body with a visible note and its language to a Portuguese visitor", async () => {
    const { html } = await get(`/pt/documents/${REPORT}`);
    expect(html).toContain("Este conteúdo não está disponível em português; é exibido em Español.");
    expect(html).toContain('<article class="prose" lang="es"');
    expect(html).toContain("<h2>Acuerdos realizados</h2>");
  });

  it("answers an unknown document with a 404", async () => {
    expect((await get("/es/documents/no-such-document")).res.status).toBe(404);
    expect((await get("/en/documents/SANTIAGO-2005-EXECUTIVE-REPORT")).res.status).toBe(404);
  });
});

describe("search", () => {
  const results = (html: string) =>
    [...html.matchAll(/<article class="card"><h2><a href="\/\w\w\/(documents|events)\/([a-z0-9-]+)">/g)].map(
      (m) => `${m[1]}/${m[2]}`,
    );

  it("shows the form and a hint when nothing was asked, and points every result page at one canonical search page", async () => {
    const { res, html } = await get("/es/search");
    expect(res.status).toBe(200);
    expect(html).toContain('<link rel="canonical" href="https://www.compraspublicas.org/es/search"/>');
    expect(html).toContain('<form method="get" action="/es/search"');
    expect(html).toContain('<input id="q" name="q" type="search" value="" maxlength="200"/>');
    expect(html).toContain("«licitacion» encuentra «licitación»");
    expect(results(html)).toEqual([]);
    // Endless query combinations consolidate into the search page instead of being indexed one by one.
    const found = await get("/es/search?q=pymes");
    expect(found.html).toContain('<link rel="canonical" href="https://www.compraspublicas.org/es/search"/>');
    expect(found.html).not.toContain("noindex");
  });

  it.each([
    ["pymes"],
    ["PYMES"],
    ["Pymes"],
    ["Compras Gubernamentales"],
    ["armonizacion"],
    ["ARMONIZACIÓN"],
    ["harmonization"],
    ["chilecompra"],
    ["consucode"],
  ])("finds the report for %s regardless of accents and case", async (q) => {
    const { html } = await get(`/es/search?q=${encodeURIComponent(q)}`);
    expect(results(html)).toContain(`documents/${REPORT}`);
  });

  it("highlights matches in the original spelling, as marked text", async () => {
    const { html } = await get("/es/search?q=armonizacion");
    expect(html).toContain("<mark>Armonización</mark>");
    const pymes = await get("/es/search?q=PYMES");
    expect(pymes.html).toMatch(/<mark>PYME[sS]<\/mark>/);
  });

  it("finds São Paulo whether typed with or without the tilde", async () => {
    for (const q of ["Sao Paulo", "São Paulo", "sao paulo"]) {
      const { html } = await get(`/en/search?q=${encodeURIComponent(q)}`);
      expect(results(html)).toContain("events/ii-seminar-sao-paulo-2004");
      expect(results(html)).toContain(`documents/${REPORT}`);
      expect(html).toContain("<mark>São</mark> <mark>Paulo</mark>");
    }
  });

  it("matches the last word as a prefix while it is being typed", async () => {
    expect(results((await get("/es/search?q=armoniz")).html)).toContain(`documents/${REPORT}`);
    expect(results((await get("/es/search?q=compras%20gubernam")).html)).toContain(`documents/${REPORT}`);
    // Only the last word is a prefix.
    expect(results((await get("/es/search?q=armoniz%20compras")).html)).toEqual([]);
  });

  it("reads a misspelt word as the closest known one and says so, in the visitor's language", async () => {
    const [a] = generatedDocuments(1) as [Document];
    const app = siteOver({
      ...seed,
      documents: [
        ...seed.documents,
        { ...a, id: "tender-rules", title: { es: "Reglas de la licitación pública", en: "Public tender rules" } },
      ],
    });
    const es = await get("/es/search?q=licitasion%20publica", app);
    expect(results(es.html)).toEqual(["documents/tender-rules"]);
    expect(es.html).toContain("Mostrando resultados para «licitación publica» en lugar de «licitasion publica».");
    expect(es.html).toContain("1 resultado para «licitación publica»");
    expect(es.html).toContain("<mark>licitación</mark>");
    const en = await get("/en/search?q=LICITASION", app);
    expect(results(en.html)).toEqual(["documents/tender-rules"]);
    expect(en.html).toContain("Showing results for “licitación” instead of “LICITASION”.");
    const fr = await get("/fr/search?q=licitasion", app);
    expect(fr.html).toContain("Résultats pour « licitación » au lieu de « licitasion ».");
    // A word the index knows is taken as typed.
    const exact = await get("/es/search?q=licitacion", app);
    expect(results(exact.html)).toEqual(["documents/tender-rules"]);
    expect(exact.html).not.toContain("en lugar de");
  });

  it("requires every word and says so when nothing matches", async () => {
    const { res, html } = await get("/es/search?q=pymes%20zanahoria");
    expect(res.status).toBe(200);
    expect(results(html)).toEqual([]);
    expect(html).toContain("No encontramos resultados para «pymes zanahoria»");
  });

  it("ranks title matches above body matches", async () => {
    const [a, b, c] = generatedDocuments(3) as [Document, Document, Document];
    const app = siteOver(
      publicSnapshotOf({
        ...(await seedRecords()),
        documents: [
          { ...a, id: "body-match", body: { es: "La zanahoria, la zanahoria y otra vez la zanahoria." } },
          { ...b, id: "title-match", title: { es: "Informe sobre la zanahoria" } },
          { ...c, id: "summary-match", summary: { es: "Un resumen que menciona la zanahoria." } },
        ],
      }),
    );
    const { html } = await get("/es/search?q=zanahoria", app);
    expect(results(html)).toEqual(["documents/title-match", "documents/summary-match", "documents/body-match"]);
  });

  it.each([
    ["seminario&kind=seminar", ["events/iii-seminar-santiago-2005", "events/ii-seminar-sao-paulo-2004"]],
    ["seminario&kind=executive-report", [`documents/${REPORT}`]],
    ["seminario&year=2004", ["events/ii-seminar-sao-paulo-2004"]],
    ["seminario&country=BR&kind=seminar", ["events/ii-seminar-sao-paulo-2004", "events/iii-seminar-santiago-2005"]],
    ["seminario&country=CA", []],
    ["seminario&topic=harmonization", [`documents/${REPORT}`]],
    ["seminario&language=fr", []],
    ["pymes&topic=sme-participation", [`documents/${REPORT}`, "events/iii-seminar-santiago-2005"]],
  ])("filters search results: %s", async (query, expected) => {
    const { res, html } = await get(`/es/search?q=${query}`);
    expect(res.status).toBe(200);
    expect(results(html).sort()).toEqual([...expected].sort());
  });

  it("pages results by cursor, each result exactly once, keeping words and filters", async () => {
    const seen: string[] = [];
    let path: string | undefined = "/es/search?q=EXPEDIENTE&language=es";
    let pages = 0;
    while (path) {
      const { res, html } = await get(path, big);
      expect(res.status).toBe(200);
      seen.push(...results(html));
      path = nextLink(html);
      if (path) expect(path).toContain("q=EXPEDIENTE&language=es&cursor=");
      pages++;
    }
    const expected = generatedDocuments(50).filter((d) => d.body.es !== undefined);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(expected.map((d) => `documents/${d.id}`).sort());
    expect(pages).toBe(Math.ceil(expected.length / 20));
    const first = await get("/es/search?q=expediente&language=es", big);
    expect(first.html).toContain(`${expected.length} resultados para «expediente»`);
  });

  it("accepts a cursor for the same words in another case, and refuses one made for other words", async () => {
    const { html } = await get("/es/search?q=expediente", big);
    const next = nextLink(html) as string;
    const token = new URL(next, "https://x").searchParams.get("cursor") as string;
    expect((await get(`/es/search?q=EXPEDIENTE&cursor=${token}`, big)).res.status).toBe(200);
    const other = await get(`/es/search?q=documento&cursor=${token}`, big);
    expect(other.res.status).toBe(400);
    expect(other.html).toContain("el enlace de página se hizo para otra búsqueda u otros filtros");
    const library = await get(`/es/library?cursor=${token}`, big);
    expect(library.res.status).toBe(400);
  });
});

describe("library catalogue", () => {
  it("has the same keys in every language, none empty", () => {
    const keys = Object.keys(library.es).sort();
    for (const lang of LANGS) {
      expect(Object.keys(library[lang]).sort()).toEqual(keys);
      for (const value of Object.values(library[lang])) expect(value.trim()).not.toBe("");
    }
  });
});
