// What every section of `npm run bench` shares: its settings (from the command's flags), the
// Markdown report each section prints into, and the request timer.
export const flags = new Set(process.argv.slice(2));
export const QUICK = flags.has("--quick");
const ONLY = ["--notify-only", "--freshness-only", "--rush-only", "--lighthouse-only"].find((flag) => flags.has(flag));
/** The site's sections run unless one section alone was asked for. */
export const SITE = ONLY === undefined;
export const LIGHTHOUSE = ONLY === undefined || ONLY === "--lighthouse-only";
export const NOTIFY = ONLY === undefined || ONLY === "--notify-only";
export const FRESHNESS = ONLY === undefined || ONLY === "--freshness-only";
export const RUSH = ONLY === undefined || ONLY === "--rush-only";
export const ITERATIONS = QUICK ? 20 : 100;
export const SCALE = QUICK ? { documents: 1000, events: 100 } : { documents: 10_000, events: 1000 };
export const LOAD_SECONDS = QUICK ? 2 : 5;
export const LIGHTHOUSE_RUNS = QUICK ? 1 : 3;
export const TARGETS = {
  wireKb: 30,
  firstResponseKb: 14,
  p95Ms: 25,
  ratio: 0.5,
  searchP95Ms: 50,
  coldMs: 500,
  lighthouse: 100,
  /** The console's sign-in screen (section d): a single-page app that loads Firebase's SDK. */
  consoleAccessibility: 100,
  consolePerformance: 95,
};

// Output: every section is Markdown, printed as it is measured and collected for .bench/latest.md.

export const report = [];
export function emit(text = "") {
  console.log(text);
  report.push(text);
}
export function table(headers, rows) {
  emit(`| ${headers.join(" | ")} |`);
  emit(`| ${headers.map((_h, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
  for (const row of rows) emit(`| ${row.join(" | ")} |`);
  emit();
}
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value) => `${value.toFixed(1)} ms`;
export const mark = (ok) => (ok ? "✓" : "✗ over target");
export const status = (message) => process.stderr.write(`… ${message}\n`);

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Requests `url` `iterations` times after one warm-up on the same app: the path of a warm
 * instance (the view checked as `cache` is configured, the page from the app's cache of rendered
 * pages). Latency percentiles and reads per request.
 */
export async function measure(app, cache, url, iterations = ITERATIONS) {
  await (await app.request(url)).text();
  return timed(() => app, cache, url, iterations);
}

/**
 * The same, each time on a new app over the same warm view (`site.fresh()`), so every request
 * renders the page: the first request of a URL on an instance, or after a content change.
 */
export async function measureRender(site, url, iterations = ITERATIONS) {
  await (await site.fresh().request(url)).text();
  return timed(site.fresh, site.cache, url, iterations);
}

export async function timed(appFor, cache, url, iterations) {
  const times = [];
  const readsBefore = cache.meter.reads;
  let code = 0;
  let bytes = 0;
  for (let i = 0; i < iterations; i++) {
    const app = appFor();
    const started = performance.now();
    const response = await app.request(url);
    bytes = (await response.text()).length;
    times.push(performance.now() - started);
    code = response.status;
  }
  return {
    status: code,
    bytes,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    reads: (cache.meter.reads - readsBefore) / iterations,
    times,
  };
}
