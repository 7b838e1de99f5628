// Sections b and c of `npm run bench`: every output type, worst request cold and warm.
import { emit, ITERATIONS, kb, mark, ms, percentile, status, TARGETS, table } from "./common.mjs";
import { SEARCH_QUERIES } from "./generate.mjs";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "./pages.ts";
import { siteOver } from "./site-server.mjs";

/**
 * The URLs of each output type over a loaded view. At scale the HTML pages are the list pages,
 * the document with the longest body and an event (the other pages do not grow with content).
 */
export function outputUrls(fns, derived, { atScale = false } = {}) {
  const longest = [...derived.documents.values()].reduce((a, b) => (bodyLength(b) > bodyLength(a) ? b : a));
  const event = [...derived.events.values()].find((e) => e.start && e.start.length >= 10);
  const html = atScale
    ? PAGE_LANGS.flatMap((lang) => [
        ...PAGE_TYPES.filter((t) => t.list && !t.path.startsWith("/search")).map((t) => pageUrl(lang, t)),
        `/${lang}/documents/${longest.id}`,
        `/${lang}/events/${event.id}`,
      ])
    : PAGE_TYPES.filter((t) => t.status === 200 && !t.path.startsWith("/search")).flatMap((t) =>
        PAGE_LANGS.map((lang) => pageUrl(lang, t)),
      );
  return {
    HTML: html,
    ICS: PAGE_LANGS.flatMap((lang) => [`/${lang}/calendar.ics`, `/${lang}/events/${event.id}/calendar.ics`]),
    Atom: PAGE_LANGS.map((lang) => `/${lang}/feed.xml`),
    // The index (or the one file) and, at scale, its first, second and last files.
    sitemap: ["/sitemap.xml", ...sitemapParts(fns.sitemap.sitemapPartCount(derived)).map((n) => `/sitemaps/${n}.xml`)],
    JSON: ["/data/public.json"],
    CSV: fns.openData.DATASETS.map((dataset) => `/data/${dataset}.csv`),
    search: PAGE_LANGS.flatMap((lang) =>
      SEARCH_QUERIES.slice(0, atScale ? 6 : 3).map((q) => `/${lang}/search?q=${encodeURIComponent(q)}`),
    ),
  };
}

const sitemapParts = (count) => (count === 1 ? [] : [...new Set([1, 2, count])].filter((n) => n <= count));
const bodyLength = (document) => Object.values(document.body).reduce((sum, text) => sum + text.length, 0);

/**
 * For each output type: "cold", the first request of each of its URLs on a new instance whose
 * view is loaded (a new view cache and a new app: the view read and derived, nothing built or
 * rendered yet), worst URL; "warm", the p95 of the same URLs asked again on that instance, view
 * checked on every request (one read), worst URL. Bodies are read as bytes. Requests say what
 * the Hosting CDN forwards from browsers, `Accept-Encoding: gzip` (what /data/public.json is
 * served as when it can be).
 */
const AS_CDN = { "Accept-Encoding": "gzip" };

export async function outputFigures(fns, db, title, { atScale = false, iterations = ITERATIONS } = {}) {
  emit(`### Every output type, worst request: ${title}`);
  emit();
  emit(
    `"Cold": the first request of each URL on a new instance whose view is already loaded, its view checked (one read); the worst URL. "Warm": ${iterations} more requests of each URL on that instance, view checked on every request; the worst URL's p95.`,
  );
  emit();
  const loaded = await siteOver(fns, db, { maxAgeMs: 0 }).cache.current();
  const rows = [];
  for (const [type, urls] of Object.entries(outputUrls(fns, loaded.derived, { atScale }))) {
    status(`outputs (${title}): ${type}, ${urls.length} URL(s)`);
    const { app, cache } = siteOver(fns, db, { maxAgeMs: 0 });
    await cache.current();
    let cold = { ms: 0, url: "" };
    let largest = 0;
    const statuses = new Set();
    for (const url of urls) {
      const started = performance.now();
      const response = await app.request(url, { headers: AS_CDN });
      const bytes = (await response.arrayBuffer()).byteLength;
      const elapsed = performance.now() - started;
      statuses.add(response.status);
      largest = Math.max(largest, bytes);
      if (elapsed > cold.ms) cold = { ms: elapsed, url };
    }
    let warm = { p95: 0, url: "" };
    for (const url of urls) {
      const times = [];
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        await (await app.request(url, { headers: AS_CDN })).arrayBuffer();
        times.push(performance.now() - started);
      }
      const p95 = percentile(times, 95);
      if (p95 > warm.p95) warm = { p95, url };
    }
    rows.push([
      `${type} (${urls.length} URL${urls.length === 1 ? "" : "s"}, ${[...statuses].join("/")})`,
      `${ms(cold.ms)} ${mark(cold.ms <= TARGETS.coldMs)}`,
      `\`${cold.url}\``,
      `${ms(warm.p95)} ${mark(warm.p95 <= TARGETS.p95Ms)}`,
      `\`${warm.url}\``,
      kb(largest),
    ]);
  }
  table(
    [
      "output",
      `worst cold (≤ ${TARGETS.coldMs} ms)`,
      "its URL",
      `worst warm p95 (≤ ${TARGETS.p95Ms} ms)`,
      "its URL",
      "largest body (as sent)",
    ],
    rows,
  );
}
