import { join } from "node:path";
import type { Firestore } from "firebase-admin/firestore";
import { readSeed } from "../../functions/src/seed/read-seed.js";
import { validateSeed } from "../../functions/src/seed/validate-seed.js";
import { createSite } from "../../functions/src/site/app.js";
import { deriveSiteData } from "../../functions/src/site/data.js";
import type { PublicSnapshot } from "../../functions/src/views/public-snapshot.js";
import { PublicViewCache } from "../../functions/src/views/view-reader.js";

export const SEED_DIR = join(import.meta.dirname, "../../seed");
export const TEST_ASSETS = { "site.css": "/assets/site.test.css", "icon.svg": "/assets/icon.test.svg" };
export const ORIGIN = "https://www.compraspublicas.org";
/** Seals the test sites' paging cursors; a deployed site uses the CURSOR_KEY secret instead. */
export const TEST_CURSOR_KEY = "test-only cursor key";

/** The public snapshot the real seed produces, built without any emulator. */
export async function seedSnapshot(): Promise<PublicSnapshot> {
  const records = validateSeed(await readSeed(SEED_DIR));
  return {
    network: records.network[0] ?? null,
    countries: records.countries,
    institutions: records.institutions,
    members: records.members.filter((m) => m.public),
    topics: records.topics,
    events: records.events,
    documents: records.documents.filter((d) => d.status === "published"),
    initiatives: records.initiatives,
    committee: records.committee,
    commitments: records.commitments,
  };
}

/** The site app over a fixed snapshot, for fast in-process rendering tests. */
export function siteOver(snapshot: PublicSnapshot, now = new Date("2026-11-25T12:00:00Z")) {
  const derived = deriveSiteData(snapshot);
  return createSite({
    view: async () => ({ derived }),
    assets: TEST_ASSETS,
    origin: ORIGIN,
    cursorKey: TEST_CURSOR_KEY,
    now: () => now,
    log: () => {},
  });
}

/**
 * The site over a Firestore (the emulator), as the `site` function builds it, with the view cache
 * whose `meter.reads` counts reads. `maxAgeMs: 0` checks the view on every request.
 */
export function siteOverFirestore(db: Firestore) {
  const cache = new PublicViewCache(() => db, deriveSiteData, { maxAgeMs: 0 });
  const site = createSite({
    view: () => cache.current(),
    assets: TEST_ASSETS,
    origin: ORIGIN,
    cursorKey: TEST_CURSOR_KEY,
    log: () => {},
  });
  return { site, cache };
}
