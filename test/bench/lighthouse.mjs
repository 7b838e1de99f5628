// Section d of `npm run bench`: Lighthouse scores of the main pages in each language, and of the
// committee console's sign-in screen.
import { launch as launchChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { ensureChromium } from "../../scripts/chromium.mjs";
import { CHROMIUM_ARGS } from "../support/browser.ts";
import { emit, LIGHTHOUSE_RUNS, status, TARGETS, table } from "./common.mjs";
import { freePort } from "./firestore-emulator.mjs";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "./pages.ts";
import { serveConsole, serveSite, siteOver } from "./site-server.mjs";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

export async function lighthouseScores(fns, db) {
  emit("### Lighthouse 12 (mobile defaults, simulated throttling)");
  emit();
  emit(`Median of ${LIGHTHOUSE_RUNS} run(s) per page by performance score.`);
  emit();
  emit(
    "Pages served over local HTTP by the compiled site app plus hosting/public/assets, compressed (brotli/gzip) as Hosting would (test/bench/site-server.mjs), not through the Hosting emulator.",
  );
  emit();
  emit(
    `The committee console's sign-in screen, in each language, has targets of its own: accessibility ${TARGETS.consoleAccessibility}, performance ≥ ${TARGETS.consolePerformance}; its best practices and SEO are shown without a target (the console is \`noindex\` on purpose). The built console (hosting/public-console) is served over local HTTP with the headers the Hosting emulator gives it, compressed as Hosting would, with the demo project's web config at /__/firebase/init.json as the Hosting emulator serves it (test/bench/site-server.mjs, serveConsole); no emulator runs, as the sign-in screen needs none.`,
  );
  emit();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { app } = siteOver(fns, db, { maxAgeMs: fns.settings.viewMaxAgeMs, origin });
  const server = await serveSite(app, { port });
  const chrome = await launchChrome({
    chromePath: ensureChromium(),
    chromeFlags: CHROMIUM_ARGS,
  });
  const rows = [];
  const failing = [];
  const target = () => TARGETS.lighthouse;
  try {
    for (const type of PAGE_TYPES.filter((t) => t.lighthouse)) {
      for (const lang of PAGE_LANGS) {
        const page = pageUrl(lang, type);
        const lhr = await medianRun(chrome, `${origin}${page}`);
        rows.push(scoreRow(page, lhr, target, failing));
      }
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  rows.push(...(await consoleSignIn(failing)));
  table(["page", ...CATEGORIES], rows);
  auditsBelow(failing);
  if (failing.some((line) => line.includes("robots-txt"))) {
    emit(
      "robots-txt: Lighthouse downloads robots.txt from inside the page, which the site's CSP (default-src 'none', no connect-src) forbids; crawlers fetch it directly and are unaffected (GoogleChrome/lighthouse#4386).",
    );
    emit();
  }
  if (failing.some((line) => line.includes("is-crawlable"))) {
    emit("is-crawlable: search result pages carry `noindex` on purpose (endless combinations of the same content).");
    emit();
  }
}

/**
 * The console's sign-in screen, the first thing an official loads, in each working language.
 * The console picks its language from the browser's (hosting/console/i18n), so each language
 * gets a browser of its own that asks for it (--accept-lang); Lighthouse clears the origin's
 * storage before each run, so no saved choice carries over. Its rows; the audits that cost a
 * category its target go to `failing`.
 */
async function consoleSignIn(failing) {
  const server = await serveConsole({ port: await freePort() });
  const targets = {
    performance: TARGETS.consolePerformance,
    accessibility: TARGETS.consoleAccessibility,
  };
  const rows = [];
  try {
    for (const lang of PAGE_LANGS) {
      const chrome = await launchChrome({
        chromePath: ensureChromium(),
        chromeFlags: [...CHROMIUM_ARGS, `--accept-lang=${lang}`],
      });
      try {
        const lhr = await medianRun(chrome, `${server.url}/`);
        rows.push(scoreRow(`console sign-in (${lang})`, lhr, (id) => targets[id], failing));
      } finally {
        await chrome.kill();
      }
    }
  } finally {
    await server.close();
  }
  return rows;
}

/**
 * Lighthouse's performance score varies from run to run on a busy machine; the run with the
 * median performance score stands for the page, as Lighthouse's docs advise.
 */
async function medianRun(chrome, url) {
  status(`lighthouse ${url}`);
  const runs = [];
  // A run that fails to record its trace (NO_NAVSTART and the like) is retried, a few times.
  for (let attempt = 0; runs.length < LIGHTHOUSE_RUNS && attempt < LIGHTHOUSE_RUNS + 3; attempt++) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: CATEGORIES,
    });
    const lhr = result?.lhr;
    if (lhr && !lhr.runtimeError) runs.push(lhr);
    else status(`Lighthouse run failed on ${url}: ${lhr?.runtimeError?.message ?? "no result"}; retrying`);
  }
  if (runs.length === 0) throw new Error(`Lighthouse failed on ${url} every time`);
  runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  return runs[Math.floor(runs.length / 2)];
}

/**
 * The table row of `lhr`, a score below its category's target (`targetOf(id)`, undefined: none)
 * in bold; the audits that cost such a category points are added to `failing`.
 */
function scoreRow(label, lhr, targetOf, failing) {
  const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
  const missed = (i) => targetOf(CATEGORIES[i]) !== undefined && scores[i] < targetOf(CATEGORIES[i]);
  for (const [i, id] of CATEGORIES.entries()) {
    if (!missed(i)) continue;
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        failing.push(`${label} ${id}: ${audit.id} (${audit.title}) ${audit.displayValue ?? ""}`.trim());
      }
    }
  }
  return [label, ...scores.map((s, i) => (missed(i) ? `**${s}**` : String(s)))];
}

function auditsBelow(failing) {
  if (failing.length === 0) return;
  emit("Audits below full marks:");
  emit();
  for (const line of failing) emit(`- ${line}`);
  emit();
}
