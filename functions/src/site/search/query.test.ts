import { describe, expect, it } from "vitest";
import type { Document } from "../../model/index.js";
import { queryWords, type SearchEntry } from "./engine.js";
import { rankPage } from "./query.js";
import { buildSearchIndex } from "./search-index.js";
import { highlight, snippet, spellingIn } from "./snippet.js";

const doc = (id: string, title: string, summary: string, body: string): Document => ({
  id,
  kind: "news",
  title: { es: title },
  summary: { es: summary },
  body: { es: body },
  translations: { es: "original" },
  countries: [],
  topics: [],
  status: "published",
  publishedOn: "2005",
  version: 1,
  source: "test",
});

const DOCUMENTS = [
  doc("a", "Licitación pública", "Reglas de la licitación", "Texto sobre contratos y licitaciones."),
  doc("b", "Contratos marco", "Acuerdos", "Las licitaciones electrónicas en Chile."),
  doc("c", "Firma digital", "Seguridad", "Firma, firma y más firma electrónica."),
  doc("d", "Accords-cadres signés", "Résumé", "Les accords."),
  doc("e", "Acordo de preços", "Resumo", "O acordo, o acordo e o acordo."),
  doc("f", "Outro acordo", "Resumo", "Mais um."),
];

describe("search queries", () => {
  const build = buildSearchIndex;
  const index = build(DOCUMENTS, []);
  const search = (q: string, accept: (entry: SearchEntry) => boolean = () => true) =>
    index.search(queryWords(q), accept);
  const ids = (q: string) => rankPage(search(q).hits, undefined, 100).items.map((hit) => hit.entry.id);

  it("matches whole words, and the last word as a prefix", () => {
    expect(ids("licitacion")).toEqual(["a", "b"]); // "licitaciones" starts with it
    expect(ids("licitacion reglas")).toEqual(["a"]);
    expect(ids("licitaci")).toEqual(["a", "b"]);
    expect(ids("LICIT")).toEqual(["a", "b"]);
    expect(ids("licit contratos")).toEqual([]);
    expect(ids("contratos licit").sort()).toEqual(["a", "b"]);
  });

  it("requires every word", () => {
    expect(ids("firma electronica")).toEqual(["c"]);
    expect(ids("firma chile")).toEqual([]);
    expect(ids("   ")).toEqual([]);
    expect(ids("!!!")).toEqual([]);
  });

  it("ranks a title match above repeated body matches", () => {
    expect(ids("contratos")).toEqual(["b", "a"]);
  });

  it("ranks a title match first even when the title is long and written in four languages", () => {
    const long = (text: string) => `${text}, con su historia, sus reglas, sus plazos y sus resultados en la región`;
    const multilingual: Document = {
      ...doc("x", "", "Resumen", "Texto."),
      title: {
        es: long("Informe sobre la zanahoria"),
        en: long("Report on carrots"),
        pt: long("Relatório sobre a cenoura"),
        fr: long("Rapport sur la carotte"),
      },
    };
    const engine = build(
      [...DOCUMENTS, multilingual, doc("y", "Cultivos", "La zanahoria, la zanahoria.", "Texto.")],
      [],
    );
    expect(rankPage(engine.search(["zanahoria"], () => true).hits, undefined, 10).items.map((h) => h.entry.id)).toEqual(
      ["x", "y"],
    );
  });

  it("reads a misspelt word as the closest index word, and says which", () => {
    const found = search("licitasion reglas");
    expect(found.hits.map((hit) => hit.entry.id)).toEqual(["a"]);
    expect(found.corrections).toEqual([{ word: "licitasion", term: "licitacion" }]);
    expect(found.matched).toContain("licitacion");
    expect(ids("firna")).toEqual(["c"]);
    expect(search("firma").corrections).toEqual([]);
  });

  it("of equally close words, reads a misspelt one as the word the other words point at", () => {
    const found = search("acords cadres");
    expect(found.hits.map((hit) => hit.entry.id)).toEqual(["d"]);
    expect(found.corrections).toEqual([{ word: "acords", term: "accords" }]);
  });

  it("leaves short or distant words uncorrected, so they find nothing", () => {
    expect(ids("fir")).toEqual(["c"]); // a prefix, not a typo
    expect(ids("frm")).toEqual([]);
    expect(ids("zanahoria")).toEqual([]);
    expect(search("zanahoria").corrections).toEqual([]);
  });

  it("ignores words a filter rejects", () => {
    expect(search("licit", (entry) => entry.id !== "a").hits.map((h) => h.entry.id)).toEqual(["b"]);
  });
});

describe("ranked pages", () => {
  it("pages ranked hits after a cursor without repeating or skipping, ties broken by reference", () => {
    const hits = [3, 1, 2, 2, 5, 2, 4].map((score, i) => ({
      score,
      entry: { type: "document" as const, id: `x${i}`, ref: `d:x${i}` },
    }));
    const order = ["d:x4", "d:x6", "d:x0", "d:x2", "d:x3", "d:x5", "d:x1"];
    const refs = (page: { items: { entry: { ref: string } }[] }) => page.items.map((h) => h.entry.ref);
    const first = rankPage(hits, undefined, 3);
    expect(refs(first)).toEqual(order.slice(0, 3));
    expect(first.more).toBe(true);
    const second = rankPage(hits, [2, "d:x2"], 3);
    expect(refs(second)).toEqual(order.slice(4, 7));
    expect(second.more).toBe(false);
    expect(rankPage(hits, [3, "d:x0"], 10).items).toHaveLength(4);
    expect(rankPage(hits, [Number.NEGATIVE_INFINITY, "z"], 3)).toEqual({ items: [], more: false });
  });
});

describe("snippets", () => {
  it("marks matched words in their original spelling", () => {
    const parts = highlight("Otros temas: Armonización.", new Set(["armonizacion"]));
    expect(parts).toEqual([
      { text: "Otros temas: ", hit: false },
      { text: "Armonización", hit: true },
      { text: ".", hit: false },
    ]);
  });

  it("cuts an excerpt around the first match and drops Markdown syntax", () => {
    const body = `${"palabra ".repeat(100)}**Temas:** la [armonización](https://x.org) de reglas ${"otra ".repeat(100)}`;
    const parts = snippet(body, new Set(["armonizacion"])) ?? [];
    const text = parts.map((p) => p.text).join("");
    expect(text.startsWith("… ")).toBe(true);
    expect(text.endsWith(" …")).toBe(true);
    expect(text).toContain("Temas: la armonización de reglas");
    expect(text.length).toBeLessThan(260);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["armonización"]);
    expect(snippet(body, new Set(["ausente"]))).toBeUndefined();
  });

  it("finds a match far into a 200,000-character body, and keeps the excerpt short", () => {
    const filler = "Texto de relleno sobre compras del Estado. ".repeat(2_000);
    const body = `${filler}**La Licitación** pública de ${"otra ".repeat(2_000)}`.padEnd(200_000, "fin ");
    expect(body.length).toBe(200_000);
    const parts = snippet(body, new Set(["licitacion", "zzz"])) ?? [];
    const text = parts.map((p) => p.text).join("");
    expect(text).toContain("La Licitación pública de");
    expect(text.length).toBeLessThan(260);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["Licitación"]);
    // Beyond the first 100,000 characters nothing is searched: the card shows the summary instead.
    expect(snippet(`${"palabra ".repeat(20_000)}licitación`, new Set(["licitacion"]))).toBeUndefined();
  });

  it("finds words with combining accents and in any case, but not inside longer words", () => {
    const parts = snippet("Las LICITACIONES y la Licitacio\u0301n.", new Set(["licitacion"])) ?? [];
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["Licitacio\u0301n"]);
  });

  it("spells a corrected word as the texts write it", () => {
    expect(spellingIn("licitacion", ["Sin coincidencias", "Reglas de la LICITACIÓN pública"])).toBe("LICITACIÓN");
    expect(spellingIn("licitacion", ["licitaciones"])).toBeUndefined();
  });
});
