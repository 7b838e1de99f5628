import { describe, expect, it } from "vitest";
import type { Document } from "../../model/index.js";
import { planQuery, rankPage, runQuery } from "./query.js";
import { buildSearchIndex } from "./search-index.js";
import { highlight, snippet } from "./snippet.js";

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

const index = buildSearchIndex(
  [
    doc("a", "Licitación pública", "Reglas de la licitación", "Texto sobre contratos y licitaciones."),
    doc("b", "Contratos marco", "Acuerdos", "Las licitaciones electrónicas en Chile."),
    doc("c", "Firma digital", "Seguridad", "Firma, firma y más firma electrónica."),
  ],
  [],
);
const ids = (q: string) =>
  rankPage(
    runQuery(index, planQuery(index, q), () => true),
    undefined,
    100,
  ).items.map((hit) => hit.entry.id);

describe("search queries", () => {
  it("keeps a sorted vocabulary for prefix lookups", () => {
    expect([...index.terms].sort()).toEqual(index.terms);
    expect(index.postings.get("licitacion")?.entries.length).toBe(1);
  });

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

  it("ignores words a filter rejects", () => {
    expect(runQuery(index, planQuery(index, "licit"), (entry) => entry.id !== "a").map((h) => h.entry.id)).toEqual([
      "b",
    ]);
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
});
