// Section c of `npm run bench`: the site over 10,000 documents and 1,000 events.
import { fork } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../scripts/emulators.mjs";
import {
  emit,
  ITERATIONS,
  kb,
  mark,
  measure,
  measureRender,
  ms,
  percentile,
  QUICK,
  SCALE,
  status,
  TARGETS,
  table,
} from "./common.mjs";
import { generateContent, SEARCH_QUERIES } from "./generate.mjs";
import { outputFigures, outputUrls } from "./outputs.mjs";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "./pages.ts";
import { pageRow, startReadsNote, storedView } from "./render.mjs";
import { longBodies, searchIndex } from "./search-index.mjs";
import { siteOver } from "./site-server.mjs";

/**
 * The memory of one instance (a process of its own) after it has requested `urls`: every output
 * built and pages rendered, which the `site` function's memory setting must hold.
 */
async function instanceMemory(projectId, urls) {
  const child = fork(join(ROOT, "test/bench/instance-memory.mjs"), [projectId], {
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const message = () =>
      new Promise((resolve, reject) => {
        child.once("message", resolve);
        child.once("exit", (code) => reject(new Error(`instance-memory exited (${code})`)));
      });
    await message();
    child.send({ urls });
    return await message();
  } finally {
    child.disconnect();
  }
}

export async function scale(fns, seedDir) {
  emit(`### At scale: ${SCALE.documents.toLocaleString("en")} documents, ${SCALE.events.toLocaleString("en")} events`);
  emit();
  const db = fns.firestore("demo-bench-scale");
  const seed = await fns.loadSeed(db, seedDir);
  const generated = generateContent({
    ...SCALE,
    countries: seed.countries.map((c) => c.id),
    topics: seed.topics.map((t) => t.id),
    institutions: seed.institutions.map((i) => i.id),
  });
  status(`writing ${generated.documents.length + generated.events.length} generated records`);
  let started = performance.now();
  const writer = db.bulkWriter();
  for (const [collection, records] of [
    ["documents", generated.documents],
    ["events", generated.events],
  ]) {
    const ref = db.collection(collection).withConverter(fns.model.converterFor(collection));
    for (const record of records) void writer.set(ref.doc(record.id), record);
  }
  await writer.close();
  const writeMs = performance.now() - started;
  status("rebuilding the public view");
  started = performance.now();
  await fns.rebuildPublicView(db);
  const rebuildMs = performance.now() - started;
  const { meta, bytes: stored } = await storedView(fns, db);

  // A new instance: the whole view is read, unzipped, validated and indexed once.
  const site = siteOver(fns, db, { maxAgeMs: 0 });
  const { app, cache } = site;
  started = performance.now();
  const loaded = await cache.current();
  const startMs = performance.now() - started;
  const startReads = cache.meter.reads;
  // The search index is built with the view, so the first search of an instance only searches.
  started = performance.now();
  await (await app.request("/es/search?q=pymes")).text();
  const firstSearchMs = performance.now() - started;
  started = performance.now();
  await (await app.request("/en/library")).text();
  const firstLibraryMs = performance.now() - started;
  const raw = Buffer.byteLength(JSON.stringify(loaded.snapshot));
  table(
    ["view", "value"],
    [
      [
        "public documents / events",
        `${loaded.snapshot.documents.length.toLocaleString("en")} / ${loaded.snapshot.events.length.toLocaleString("en")}`,
      ],
      ["view JSON / stored gzip", `${kb(raw)} / ${kb(stored)}`],
      ["chunks", String(meta.chunks)],
      ["reads per instance start", `${startReads} (${startReadsNote(meta)})`],
      ["instance start (read, unzip, validate, index, build the search index)", ms(startMs)],
      [
        `first search after the view is loaded (≤ ${TARGETS.coldMs} ms)`,
        `${ms(firstSearchMs)} ${mark(firstSearchMs <= TARGETS.coldMs)}`,
      ],
      [
        `first library page after the view is loaded (≤ ${TARGETS.coldMs} ms)`,
        `${ms(firstLibraryMs)} ${mark(firstLibraryMs <= TARGETS.coldMs)}`,
      ],
      [
        "write generated records / rebuild view",
        `${(writeMs / 1000).toFixed(1)} s / ${(rebuildMs / 1000).toFixed(1)} s`,
      ],
    ],
  );

  const rows = [];
  const iterations = Math.ceil(ITERATIONS / 2);
  for (const type of PAGE_TYPES.filter((t) => t.list)) {
    const warm = [];
    const render = [];
    for (const lang of PAGE_LANGS) {
      warm.push(await measure(app, cache, pageUrl(lang, type), iterations));
      render.push(await measureRender(site, pageUrl(lang, type), iterations));
    }
    rows.push(pageRow(type, warm, render).toSpliced(1, 1));
  }
  emit(
    `"Render" here includes the view check (one read), as the first request of a URL on an instance would; ${iterations} requests per page and language.`,
  );
  emit();
  table(
    [
      "list page",
      `warm p95 (≤ ${TARGETS.p95Ms} ms)`,
      "reads / request",
      "render p50",
      `render p95 (≤ ${TARGETS.p95Ms} ms)`,
      "HTML",
    ],
    rows,
  );

  // Every query rendered anew (visitors rarely repeat one), with the view check.
  const times = [];
  let slowest = { query: "", p95: 0 };
  for (const query of SEARCH_QUERIES) {
    for (const lang of PAGE_LANGS) {
      const url = `/${lang}/search?q=${encodeURIComponent(query)}`;
      const figures = await measureRender(site, url, QUICK ? 5 : 10);
      times.push(...figures.times);
      if (figures.p95 > slowest.p95) slowest = { query: `${lang}: ${query}`, p95: figures.p95 };
    }
  }
  const searchP95 = percentile(times, 95);
  emit(
    `Search over ${SEARCH_QUERIES.length} queries × ${PAGE_LANGS.length} languages, each rendered anew: p50 ${ms(percentile(times, 50))}, p95 **${ms(searchP95)}** ${mark(searchP95 <= TARGETS.searchP95Ms)} (target ≤ ${TARGETS.searchP95Ms} ms); slowest query "${slowest.query}" p95 ${ms(slowest.p95)}.`,
  );
  emit();

  await outputFigures(
    fns,
    db,
    `${SCALE.documents.toLocaleString("en")} documents, ${SCALE.events.toLocaleString("en")} events`,
    { atScale: true, iterations },
  );

  status("memory of one instance");
  const every = Object.values(outputUrls(fns, loaded.derived, { atScale: true })).flat();
  const parts = fns.sitemap.sitemapPartCount(loaded.derived);
  const sitemaps = Array.from({ length: parts }, (_, i) => `/sitemaps/${i + 1}.xml`);
  const documents = [...loaded.derived.documents.keys()].slice(0, 2000).map((id) => `/es/documents/${id}`);
  const memory = await instanceMemory("demo-bench-scale", [...every, ...sitemaps, ...documents]);
  const mib = (bytes) => `${Math.round(bytes / 2 ** 20)} MiB`;
  emit(
    `One instance (a process of its own) after building every output above, all ${parts} sitemap files and ${documents.length.toLocaleString("en")} document pages, garbage collected: heap ${mib(memory.heapUsed)}, buffers ${mib(memory.external)}, RSS **${mib(memory.rss)}**; the \`site\` function's memory is set in functions/src/index.ts.`,
  );
  emit();
  await longBodies(fns, loaded.snapshot);
  await searchIndex(fns, loaded.snapshot);
}
