import { beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_KINDS, type Document, type Lang } from "../../functions/src/model/index.js";
import { deriveSiteData, type SiteData } from "../../functions/src/site/data.js";
import { planQuery, runQuery } from "../../functions/src/site/search/query.js";
import { seedSnapshot, siteOver } from "../support/seeded-site.js";

const DOCUMENTS = 10_000;

/** A deterministic pseudo-random generator, so the corpus is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Ten thousand documents of a few hundred words each, from a Spanish-looking vocabulary with accents. */
function corpus(): Document[] {
  const next = random(42);
  const syllables = [
    "ca",
    "pro",
    "tión",
    "lí",
    "ci",
    "ta",
    "gu",
    "ber",
    "na",
    "men",
    "tal",
    "ción",
    "com",
    "pras",
    "red",
    "mé",
    "xi",
    "co",
    "ar",
    "mo",
    "ni",
    "za",
    "pú",
    "bli",
    "cas",
  ];
  const vocabulary = Array.from({ length: 6000 }, () => {
    const n = 2 + Math.floor(next() * 3);
    return Array.from({ length: n }, () => syllables[Math.floor(next() * syllables.length)]).join("");
  });
  vocabulary.push("licitación", "pymes", "armonización", "gubernamentales", "compras", "São", "Paulo");
  // Zipf-like: a few words are everywhere, most are rare.
  const word = () => vocabulary[Math.floor(vocabulary.length * next() ** 3)] as string;
  const words = (n: number) => Array.from({ length: n }, word).join(" ");
  return Array.from({ length: DOCUMENTS }, (_, i) => {
    const langs: Lang[] = i % 3 === 0 ? ["es", "en"] : ["es"];
    const text = (n: number) => Object.fromEntries(langs.map((l) => [l, words(n)]));
    return {
      id: `perf-${i}`,
      kind: DOCUMENT_KINDS[i % DOCUMENT_KINDS.length] as Document["kind"],
      title: text(8),
      summary: text(40),
      body: Object.fromEntries(
        langs.map((l) => [l, `## ${words(5)}\n\n${words(200)}\n\n- ${words(20)}\n- ${words(20)}\n\n${words(150)}`]),
      ),
      translations: {},
      countries: [["CL", "BR", "PE", "MX"][i % 4] as string],
      topics: [],
      status: "published",
      publishedOn: `${1990 + (i % 35)}-${String(1 + (i % 12)).padStart(2, "0")}`,
      version: 1,
      source: "generated",
    } satisfies Document;
  });
}

const QUERIES = [
  "licitacion",
  "PYMES",
  "compras gubernamentales",
  "armonizacion",
  "sao paulo",
  "ca",
  "pro",
  "comprasred",
  "tal ción",
  "ciónpú",
  "mé xi co",
  "zzzz",
  "li",
  "gu ber",
  "a b c d e f g h",
];

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)] ?? 0;

let data: SiteData;
let site: ReturnType<typeof siteOver>;
let buildMs = 0;
beforeAll(async () => {
  const seed = await seedSnapshot();
  const snapshot = { ...seed, documents: [...seed.documents, ...corpus()] };
  const start = performance.now();
  data = deriveSiteData(snapshot);
  expect(data.search.terms.length).toBeGreaterThan(0);
  buildMs = performance.now() - start;
  site = siteOver(snapshot);
}, 120_000);

describe("search over 10,000 documents", { timeout: 120_000 }, () => {
  it("builds its index once per view version in a few seconds at most", () => {
    expect(data.search.entries.length).toBeGreaterThan(DOCUMENTS);
    expect(buildMs).toBeLessThan(15_000);
  });

  it("answers queries from the inverted index with a p95 well under 50 ms", () => {
    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of QUERIES) {
        const start = performance.now();
        runQuery(data.search, planQuery(data.search, q), () => true);
        samples.push(performance.now() - start);
      }
    }
    expect(p95(samples)).toBeLessThan(50);
  });

  it("serves whole search pages with a p95 of at most 50 ms", async () => {
    for (const q of QUERIES.slice(0, 3)) await site.request(`/es/search?q=${encodeURIComponent(q)}`); // warm up
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of QUERIES) {
        const start = performance.now();
        const res = await site.request(`/es/search?q=${encodeURIComponent(q)}&language=es`);
        await res.text();
        samples.push(performance.now() - start);
        expect(res.status).toBe(200);
      }
    }
    expect(p95(samples)).toBeLessThanOrEqual(50);
  });

  it("pages the library of 10,000 documents quickly too", async () => {
    const samples: number[] = [];
    let path: string | undefined = "/es/library?language=es";
    for (let page = 0; page < 20 && path; page++) {
      const start = performance.now();
      const html = await (await site.request(path)).text();
      samples.push(performance.now() - start);
      path = /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    }
    expect(samples).toHaveLength(20);
    expect(p95(samples)).toBeLessThanOrEqual(50);
  });
});
