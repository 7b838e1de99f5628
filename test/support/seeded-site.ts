import { join } from "node:path";
import type { Firestore } from "firebase-admin/firestore";
import type { LogEntry } from "../../functions/src/log.js";
import { PUBLIC_RECORDS, type PublicCollection, PublicParticipantSchema } from "../../functions/src/model/index.js";
import { readSeed } from "../../functions/src/seed/read-seed.js";
import { validateSeed } from "../../functions/src/seed/validate-seed.js";
import { createSite } from "../../functions/src/site/app.js";
import { deriveSiteData, type SiteData } from "../../functions/src/site/data.js";
import type { SiteDeps } from "../../functions/src/site/deps.js";
import { type PublicSnapshot, publicSnapshotOf } from "../../functions/src/views/public-snapshot.js";
import { PublicViewCache } from "../../functions/src/views/view-reader.js";

export const SEED_DIR = join(import.meta.dirname, "../../seed");
export const TEST_ASSETS = { "site.css": "/assets/site.test.css", "icon.svg": "/assets/icon.test.svg" };
export const ORIGIN = "https://www.compraspublicas.org";
/** Seals the test sites' paging cursors; a deployed site uses the CURSOR_KEY secret instead. */
export const TEST_CURSOR_KEY = "test-only cursor key";

/** The seed's records, read and validated as the seed loader does. */
export async function seedRecords() {
  return validateSeed(await readSeed(SEED_DIR));
}

/** The public snapshot the real seed produces, built as the view trigger builds it, without any emulator. */
export async function seedSnapshot(): Promise<PublicSnapshot> {
  return publicSnapshotOf(await seedRecords());
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
 * What the test site needs to render the view `view()` gives, on 25 November 2026 at noon (UTC);
 * `onClock` is told each time the site reads the clock, which is how a test sees it render.
 */
export const countedClockSite = (view: () => SiteData, onClock: () => void): SiteDeps => ({
  view: async () => ({ derived: view() }),
  assets: TEST_ASSETS,
  origin: ORIGIN,
  cursorKey: TEST_CURSOR_KEY,
  now: () => {
    onClock();
    return new Date("2026-11-25T12:00:00Z");
  },
  log: () => {},
});

/**
 * The site over the view `derived()` gives, at `clock`, with its forms wired to `forms`: what it
 * logs goes into `logged`, and an error is printed too, so a failing form shows why.
 */
export function siteWithForms(
  derived: () => SiteData,
  clock: () => Date,
  logged: LogEntry[],
  forms: Pick<SiteDeps, "registration" | "subscriptions" | "delegations">,
) {
  return createSite({
    view: async () => ({ derived: derived() }),
    assets: TEST_ASSETS,
    origin: ORIGIN,
    cursorKey: TEST_CURSOR_KEY,
    now: clock,
    log: (entry) => {
      logged.push(entry);
      if (entry.severity === "ERROR") console.error(entry);
    },
    ...forms,
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

/**
 * Every field of an exported snapshot (public.json, parsed) that its collection's public
 * projection does not list, as "collection/id.field"; empty when the export shows only those.
 */
export function unlistedFields(exported: Record<string, unknown>): string[] {
  return Object.entries(exported).flatMap(([collection, value]) => {
    // The participant lists come from registrations, cut to their own projection.
    const projection =
      collection === "participants"
        ? { schema: PublicParticipantSchema }
        : PUBLIC_RECORDS[collection as PublicCollection];
    if (!projection) return [`${collection} (not a public collection)`];
    const listed = new Set(Object.keys(projection.schema.shape));
    const records = [value ?? []].flat() as Record<string, unknown>[];
    return records.flatMap((record) =>
      Object.keys(record)
        .filter((field) => !listed.has(field))
        .map((field) => `${collection}/${record.id}.${field}`),
    );
  });
}
