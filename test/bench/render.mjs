// Section b of `npm run bench`: every page type rendered in process against the Firestore emulator.
import { emit, ITERATIONS, kb, mark, measure, measureRender, ms, TARGETS, table } from "./common.mjs";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "./pages.ts";
import { siteOver } from "./site-server.mjs";

/**
 * One table row for a page type from its per-language warm and render figures (the worst
 * language stands for the page): name and statuses, warm p50 and p95, reads per request, render
 * p50 and p95, HTML size.
 */
export function pageRow(type, warm, render) {
  const worst = (figures, key) => Math.max(...figures.map((f) => f[key]));
  return [
    `${type.name} (${warm.map((f) => f.status).join("/")})`,
    ms(worst(warm, "p50")),
    `${ms(worst(warm, "p95"))} ${mark(worst(warm, "p95") <= TARGETS.p95Ms)}`,
    worst(warm, "reads").toFixed(2),
    ms(worst(render, "p50")),
    `${ms(worst(render, "p95"))} ${mark(worst(render, "p95") <= TARGETS.p95Ms)}`,
    kb(worst(warm, "bytes")),
  ];
}

/** The stored view's meta and its gzip size: inline in views/public, or the sum of its chunks. */
export async function storedView(fns, db) {
  const meta = (await db.doc("views/public").get()).data();
  if (meta.chunks === 0) return { meta, bytes: meta.data.length };
  const chunks = await db.getAll(...fns.chunkRefs(db, meta));
  return { meta, bytes: chunks.reduce((sum, chunk) => sum + chunk.get("data").length, 0) };
}

export const startReadsNote = (meta) =>
  meta.chunks === 0 ? "the meta document, view inline" : `meta + ${meta.chunks} chunk${meta.chunks === 1 ? "" : "s"}`;

export async function renderFigures(fns, db) {
  emit("### Every page type (seed data, in-process, Firestore emulator)");
  emit();
  emit(
    `${ITERATIONS} requests per page and language. "Warm": the view's freshness checked on every request (maxAgeMs 0, one meta read; production checks at most every ${fns.settings.viewMaxAgeMs} ms) and the page served from the instance's cache of rendered pages. "Render": the page formatted anew (first request of a URL on an instance or after a content change), view cached.`,
  );
  emit();
  const checked = siteOver(fns, db, { maxAgeMs: 0 });
  const cached = siteOver(fns, db, { maxAgeMs: Number.POSITIVE_INFINITY });
  const rows = [];
  for (const type of PAGE_TYPES) {
    const warm = [];
    const render = [];
    for (const lang of PAGE_LANGS) {
      const url = pageUrl(lang, type);
      warm.push(await measure(checked.app, checked.cache, url));
      render.push(await measureRender(cached, url));
    }
    rows.push(pageRow(type, warm, render));
  }
  table(
    [
      "page (es/en status)",
      "warm p50",
      `warm p95 (≤ ${TARGETS.p95Ms} ms)`,
      "reads / request",
      "render p50",
      `render p95 (≤ ${TARGETS.p95Ms} ms)`,
      "HTML",
    ],
    rows,
  );
  const start = siteOver(fns, db, { maxAgeMs: 0 }).cache;
  await start.current();
  const { meta, bytes } = await storedView(fns, db);
  emit(
    `A new instance reads the whole seeded view in **${start.meter.reads}** read(s) (${startReadsNote(meta)}, ${kb(bytes)} gzip); target ≤ 1.`,
  );
  emit();
}
