import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Every setting of the system, read in this one module.
 *
 * REGION: São Paulo (southamerica-east1) is the Cloud Functions and Firestore region closest to
 * most of the network's members in Latin America. firebase.json repeats it for the Hosting
 * rewrite (a test keeps the two equal).
 */
export const REGION = "southamerica-east1";

/** The public site's canonical origin, used in canonical links, feeds and the sitemap. */
export const SITE_ORIGIN = process.env.SITE_ORIGIN ?? "https://www.compraspublicas.org";

/** How long a site instance trusts its cached public view before checking for a newer one. */
export const VIEW_MAX_AGE_MS = Number(process.env.VIEW_MAX_AGE_MS ?? 2000);

/** Cache lifetimes of public HTML: browsers, the Hosting CDN, and how long stale copies may be served while refreshing. */
export const HTML_CACHE = { maxAge: 300, sMaxAge: 600, staleWhileRevalidate: 86400 } as const;

const functionsRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Content-hashed names of the static assets Hosting serves, written by `npm run build`
 * (scripts/build.mjs) beside functions/package.json.
 */
export function assetManifest(): Record<string, string> {
  const file = join(functionsRoot, "asset-manifest.json");
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` first, which hashes the site's assets.`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}

/**
 * Key of the HMAC that seals the site's paging cursors. It protects integrity only (a visitor
 * cannot forge a position or swap filters); cursors carry nothing secret, so a constant default
 * is fine, and every instance must share it so a cursor works on any of them.
 */
export const CURSOR_KEY = process.env.CURSOR_KEY ?? "compraspublicas.org/cursor/v1";

/** How long an invitation to the console stays valid, in days. */
export const INVITATION_TTL_DAYS = 14;
