// Section c2 of `npm run bench`: the search index over the scale section's view.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { emit, mark, ms, percentile, QUICK, TARGETS, table } from "./common.mjs";
import { JUDGED_QUERIES, SEARCH_QUERIES } from "./generate.mjs";

/**
 * The search page when every result is a long text: twenty documents of 200,000 characters
 * whose match sits about 93,000 characters in, rendered anew each time (excerpts cannot be cached).
 */
export async function longBodies(fns, snapshot) {
  const filler = "Texto de relleno sobre el gasto del Estado y sus proveedores. ".repeat(1500);
  const documents = snapshot.documents.slice(0, 20).map((document, i) => ({
    ...document,
    id: `long-body-${i}`,
    title: { es: `Documento extenso ${i}` },
    summary: { es: "Un documento muy largo." },
    body: { es: `${filler}La palabra buscada: zanahoria.\n\n`.padEnd(200_000, "Más texto. ") },
  }));
  const view = { version: "long-bodies", snapshot: { ...snapshot, documents }, derived: undefined };
  view.derived = fns.deriveSiteData(view.snapshot);
  const deps = {
    view: async () => view,
    assets: fns.config.assetManifest(),
    origin: fns.settings.origin,
    cursorKey: fns.settings.cursorKey,
    log: () => {},
  };
  const times = [];
  for (let i = 0; i < (QUICK ? 5 : 20); i++) {
    const app = fns.createSite(deps);
    const started = performance.now();
    const html = await (await app.request("/es/search?q=zanahoria")).text();
    times.push(performance.now() - started);
    if (!html.includes("<mark>zanahoria</mark>")) throw new Error("the long-body excerpts lost their match");
  }
  const p95 = percentile(times, 95);
  emit(
    `Search page whose 20 results are 200,000-character bodies matched about 93,000 characters in, rendered anew: p50 ${ms(percentile(times, 50))}, p95 **${ms(p95)}** ${mark(p95 <= TARGETS.p95Ms)} (target ≤ ${TARGETS.p95Ms} ms).`,
  );
  emit();
}

/**
 * The search index over the same view: build time and the heap it keeps, query latency (search
 * plus one ranked page) and result quality (precision at 10 and first-result relevance on judged
 * queries). docs/public-site.md, "Search", compares these with MiniSearch's.
 */
export async function searchIndex(fns, snapshot) {
  const { buildSearchIndex, queryWords, rankPage, tokenize } = fns.search;
  emit(
    `### Search index (${snapshot.documents.length.toLocaleString("en")} documents, ${snapshot.events.length.toLocaleString("en")} events)`,
  );
  emit();
  setFlagsFromString("--expose_gc");
  const gc = runInNewContext("gc");
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const relevantTo = (judged) => {
    const words = tokenize(judged.words);
    const about = (record) => {
      const title = new Set(tokenize(record.title[judged.lang] ?? ""));
      return words.every((word) => title.has(word));
    };
    return new Set([
      ...snapshot.documents.filter(about).map((d) => `d:${d.id}`),
      ...snapshot.events.filter(about).map((e) => `e:${e.id}`),
    ]);
  };
  const queries = [...SEARCH_QUERIES, ...JUDGED_QUERIES.map((j) => j.q)];
  const repeats = QUICK ? 2 : 5;
  const before = heap();
  const started = performance.now();
  const index = buildSearchIndex(snapshot.documents, snapshot.events);
  const buildMs = performance.now() - started;
  const kept = heap() - before;
  const times = [];
  const top = new Map();
  for (let r = 0; r < repeats; r++) {
    for (const q of queries) {
      const t = performance.now();
      const { items } = rankPage(index.search(queryWords(q), () => true).hits, undefined, 20);
      times.push(performance.now() - t);
      top.set(
        q,
        items.slice(0, 10).map((hit) => hit.entry.ref),
      );
    }
  }
  let precision = 0;
  let firsts = 0;
  for (const judged of JUDGED_QUERIES) {
    const relevant = relevantTo(judged);
    const refs = top.get(judged.q) ?? [];
    precision += refs.filter((ref) => relevant.has(ref)).length / Math.max(1, Math.min(10, relevant.size));
    if (refs[0] !== undefined && relevant.has(refs[0])) firsts++;
  }
  const p95 = percentile(times, 95);
  table(
    [
      "build",
      "heap kept",
      "query p50",
      `query p95 (≤ ${TARGETS.p95Ms} ms)`,
      "precision at 10 (judged)",
      "first result relevant",
    ],
    [
      [
        `${(buildMs / 1000).toFixed(2)} s`,
        `${(kept / 2 ** 20).toFixed(1)} MB`,
        ms(percentile(times, 50)),
        `${ms(p95)} ${mark(p95 <= TARGETS.p95Ms)}`,
        `${((100 * precision) / JUDGED_QUERIES.length).toFixed(0)} %`,
        `${firsts} / ${JUDGED_QUERIES.length}`,
      ],
    ],
  );
  emit(
    `${queries.length} queries (${SEARCH_QUERIES.length} of the scale section, ${JUDGED_QUERIES.length} judged, some misspelt), each ${repeats} times. Heap kept: the live heap after building less before, after full garbage collections.`,
  );
  emit();
}
