// `npm run build`: content-hashes the static assets into hosting/public/assets, writes the
// manifest the site function reads, and compiles the functions.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, extname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./emulators.mjs";
import { writeMapGeometry } from "./map.mjs";
import { isMain, run } from "./process.mjs";

const ASSETS_SRC = join(ROOT, "hosting/src");
const ASSETS_OUT = join(ROOT, "hosting/public/assets");
export const MANIFEST = join(ROOT, "functions/asset-manifest.json");

/**
 * Copies every file of `srcDir` to `outDir` as `<name>.<8 hex of sha256>.<ext>` and returns the
 * manifest, e.g. { "site.css": "/assets/site.1a2b3c4d.css" }. Files in `outDir` that the
 * manifest no longer names are removed, so old versions do not pile up.
 */
async function hashAssets({ srcDir = ASSETS_SRC, outDir = ASSETS_OUT, manifestPath = MANIFEST } = {}) {
  const files = await listFiles(srcDir);
  const manifest = {};
  const keep = new Set();
  for (const file of files) {
    const name = relative(srcDir, file).split(sep).join("/");
    const hash = createHash("sha256")
      .update(await readFile(file))
      .digest("hex")
      .slice(0, 8);
    const ext = extname(name);
    const hashed = `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
    const target = join(outDir, hashed);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file, target);
    manifest[name] = `/assets/${hashed}`;
    keep.add(target);
  }
  for (const file of await listFiles(outDir)) {
    if (!keep.has(file)) await rm(file);
  }
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function listFiles(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Compiles functions/src to functions/lib from scratch, so no stale module survives a rename. */
async function compileFunctions() {
  await rm(join(ROOT, "functions/lib"), { recursive: true, force: true });
  await run("npm", ["--prefix", "functions", "run", "build", "--silent"]);
}

/**
 * Cloud Functions answer /robots.txt with a 404 before the site's code runs, so Hosting must
 * serve it as a file; the text comes from the site's own module, compiled just before. Being
 * static, it names the sitemap at the SITE_ORIGIN parameter's default, the network's one domain.
 */
async function writeRobots() {
  const { robotsTxt } = await import(pathToFileURL(join(ROOT, "functions/lib/site/feeds/robots.js")).href);
  const { SITE_ORIGIN } = await import(pathToFileURL(join(ROOT, "functions/lib/config.js")).href);
  await writeFile(join(ROOT, "hosting/public/robots.txt"), robotsTxt(SITE_ORIGIN.options.default));
}

/** The committee console's Hosting site's public directory (firebase.json's "console" target). */
export const CONSOLE_OUT = join(ROOT, "hosting/public-console");

/** Bundles the committee console (hosting/console, Vite) into CONSOLE_OUT. */
async function buildConsole() {
  await run("vite", ["build", "--config", "hosting/console/vite.config.ts", "--logLevel", "warn"]);
  // Where builds before the console had an origin of its own put it; the public site's Hosting
  // redirect would hide it, but a stale copy has no business in the site's files.
  await rm(join(ROOT, "hosting/public/console"), { recursive: true, force: true });
}

export async function build() {
  const manifest = await hashAssets();
  console.log(`Assets: ${Object.values(manifest).join(", ") || "none"} (manifest in functions/asset-manifest.json).`);
  const map = await writeMapGeometry();
  console.log(`Map of the Americas: ${map.countries.length} countries (functions/map-geometry.json).`);
  await compileFunctions();
  console.log("Functions compiled to functions/lib.");
  await writeRobots();
  console.log("hosting/public/robots.txt written.");
  await buildConsole();
  console.log("Console built into hosting/public-console (its own Hosting site).");
}

if (isMain(import.meta.url)) {
  try {
    await build();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
