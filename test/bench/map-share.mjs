// The map's and the share previews' figures for `npm run bench` (scripts/bench.mjs):
//   - the map's weight on each page that carries it: brotli of the page minus brotli of the same
//     page without its <figure class="map">, in es and en, against the 15 KB budget;
//   - one share image's render time (first, then warm) and PNG size;
//   - the function's deployed dependencies (functions/package.json "dependencies" and what they
//     pull in, as the lockfile resolves them), with and without the packages the previews added.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { ROOT } from "../../scripts/emulators.mjs";
import { PAGE_LANGS, pageUrl } from "./pages.ts";

const MAP_PAGES = [
  { name: "members", path: "/members" },
  { name: "committee", path: "/committee" },
  { name: "event", path: "/events/iii-seminar-santiago-2005" },
  { name: "country", path: "/countries/cl" },
];
const MAP_BUDGET_KB = 15;
/** The budget for a page's first response (docs/figures.md), which now carries the map. */
const FIRST_RESPONSE_KB = 14;
/** The dependencies the share previews brought; "before" is the bundle without them. */
const SHARE_PACKAGES = ["satori", "@resvg/resvg-js", "@fontsource/atkinson-hyperlegible"];
const FUNCTIONS = join(ROOT, "functions");

const br = (text) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Bytes of the files in a package's folder, not counting its own nested node_modules. */
function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" && entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/**
 * The installed packages a production install of functions/ holds, reached from `roots` through
 * the lockfile (Node's lookup: the nearest node_modules up the tree). Optional packages for other
 * platforms are in the lockfile but not on disk, and are not counted.
 */
function productionClosure(lock, roots) {
  const seen = new Set();
  // "node_modules/a/node_modules/b" → "node_modules/a" → "": where Node looks next for a package.
  const parent = (base) => base.slice(0, Math.max(0, base.lastIndexOf("/node_modules/")));
  const visit = (from, name) => {
    for (let base = from; ; base = parent(base)) {
      const key = `${base ? `${base}/` : ""}node_modules/${name}`;
      const entry = lock.packages[key];
      if (entry) {
        if (seen.has(key)) return;
        seen.add(key);
        for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(key, dep);
        return;
      }
      if (!base) return;
    }
  };
  for (const name of roots) visit("", name);
  return [...seen].filter((key) => {
    try {
      return statSync(join(FUNCTIONS, key)).isDirectory();
    } catch {
      return false;
    }
  });
}

function bundleBytes(roots) {
  const lock = JSON.parse(readFileSync(join(FUNCTIONS, "package-lock.json"), "utf8"));
  const packages = productionClosure(lock, roots);
  return { count: packages.length, bytes: packages.reduce((sum, key) => sum + folderBytes(join(FUNCTIONS, key)), 0) };
}

/** Prints the section; `app` is the site over the seeded view, as for the page-weight table. */
export async function mapShareFigures({ app, emit, table }) {
  emit("### Map and share previews");
  emit();
  const rows = [];
  for (const page of MAP_PAGES) {
    const weights = [];
    let gzipped = 0;
    for (const lang of PAGE_LANGS) {
      const html = await (await app.request(pageUrl(lang, page))).text();
      gzipped = Math.max(gzipped, gzipSync(html, { level: 6 }).length);
      const start = html.indexOf('<figure class="map">');
      const end = html.indexOf("</figure>", start) + "</figure>".length;
      weights.push(start < 0 ? 0 : br(html) - br(html.slice(0, start) + html.slice(end)));
    }
    const worst = Math.max(...weights);
    rows.push([
      page.name,
      weights.map(kb).join(" / "),
      `${kb(worst)} ${worst <= MAP_BUDGET_KB * 1024 ? "✓" : "✗ over target"}`,
      `${kb(gzipped)} ${gzipped <= FIRST_RESPONSE_KB * 1024 ? "✓" : "✗ over target"}`,
    ]);
  }
  table(
    [
      "page",
      "map, brotli (es / en)",
      `worst (≤ ${MAP_BUDGET_KB} KB)`,
      `whole page, HTML gzip, headers aside (≤ ${FIRST_RESPONSE_KB} KB)`,
    ],
    rows,
  );

  const lib = (path) => import(pathToFileURL(join(FUNCTIONS, "lib", path)).href);
  const [{ renderCard }, { networkCard }, { translator }] = await Promise.all([
    lib("site/share/render.js"),
    lib("site/share/card.js"),
    lib("i18n/index.js"),
  ]);
  const card = {
    ...networkCard({ lang: "es", t: translator("es"), origin: "https://www.compraspublicas.org" }),
    title: "Informe ejecutivo del III Seminario Interamericano de E-Compras Gubernamentales, Santiago de Chile",
  };
  let started = performance.now();
  const png = await renderCard(card);
  const first = performance.now() - started;
  const warm = [];
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    await renderCard({ ...card, kicker: `${card.kicker} ${i}` });
    warm.push(performance.now() - started);
  }
  warm.sort((a, b) => a - b);
  const production = Object.keys(JSON.parse(readFileSync(join(FUNCTIONS, "package.json"), "utf8")).dependencies);
  const after = bundleBytes(production);
  const before = bundleBytes(production.filter((name) => !SHARE_PACKAGES.includes(name)));
  table(
    ["share image", "value"],
    [
      ["render, first of an instance (loads fonts, Satori's layout engine)", `${first.toFixed(0)} ms`],
      [
        "render, median of 5 more (each drawn once per view version, then served from memory)",
        `${warm[2]?.toFixed(0)} ms`,
      ],
      ["PNG, 1200 × 630", kb(png.length)],
      [
        `function dependencies before (without ${SHARE_PACKAGES.join(", ")})`,
        `${mb(before.bytes)}, ${before.count} packages`,
      ],
      [
        "function dependencies after",
        `${mb(after.bytes)}, ${after.count} packages (+${mb(after.bytes - before.bytes)})`,
      ],
    ],
  );
}
