import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { converterFor, type Document } from "../../functions/src/model/index.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import type { SiteData } from "../../functions/src/site/data.js";
import type { PublicViewCache } from "../../functions/src/views/view-reader.js";
import { rebuildPublicView } from "../../functions/src/views/view-writer.js";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "../bench/pages.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import { SEED_DIR, siteOverFirestore } from "../support/seeded-site.js";

// Firestore reads are what the site pays for per request. Every page reads the view through
// PublicViewCache; with maxAgeMs 0 each request checks the view's meta document, the most a page
// can cost.

const PROJECT_ID = `demo-reads-${process.pid}`;
/** The meta check, shared by every route and the error pages; never more. */
const READS_PER_PAGE = 1;

let app: ReturnType<typeof initializeApp>;
let db: Firestore;
let cache: PublicViewCache<SiteData>;
let site: ReturnType<typeof siteOverFirestore>["site"];

beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT_ID }, PROJECT_ID);
  db = getFirestore(app);
  await loadSeed(db, SEED_DIR);
  await rebuildPublicView(db);
  ({ site, cache } = siteOverFirestore(db));
});

afterAll(async () => {
  await clearFirestore(PROJECT_ID);
  if (app) await deleteApp(app);
});

/** Renders `path` and returns its status, its HTML and the reads it cost. */
async function render(path: string) {
  const before = cache.meter.reads;
  const response = await site.request(path);
  const html = await response.text();
  return { status: response.status, html, reads: cache.meter.reads - before };
}

const PAGES = PAGE_LANGS.flatMap((lang) => PAGE_TYPES.map((type) => ({ ...type, url: pageUrl(lang, type) })));

describe("Firestore reads per page", () => {
  it("loads the whole view with one read on the first request of an instance", async () => {
    const first = await render("/es/");
    expect(first.status).toBe(200);
    // The seed's view rides inline in the meta document: one read for the whole view.
    expect(first.reads).toBe(1);
  });

  it.each(PAGES)(
    "renders $url ($status) for one read, the view check, whether or not the instance rendered it before",
    async (page) => {
      const first = await render(page.url);
      const again = await render(page.url);
      expect(first.status).toBe(page.status);
      expect(again.status).toBe(page.status);
      expect(first.reads).toBe(READS_PER_PAGE);
      expect(again.reads).toBe(READS_PER_PAGE);
    },
  );

  it("shows a content change on the next request, reading the view again only once", async () => {
    const published: Document = {
      id: "reads-test-news",
      kind: "news",
      title: { es: "Noticia de prueba de lecturas", en: "Reads test news item" },
      summary: { es: "Una noticia escrita por la prueba.", en: "A news item written by the test." },
      body: { es: "Texto.", en: "Text." },
      translations: { es: "original", en: "translated" },
      countries: ["CL"],
      topics: [],
      status: "published",
      publishedOn: "2099-01-01",
      version: 1,
      source: "Written by test/integration/reads.test.ts",
    };
    await render("/en/");
    await db.collection("documents").withConverter(converterFor("documents")).doc(published.id).set(published);
    const meta = await rebuildPublicView(db);

    const changed = await render("/en/");
    expect(changed.html).toContain("Reads test news item");
    // The meta check, then the new chunks: nothing else.
    expect(changed.reads).toBe(1 + meta.chunks);

    const after = await render("/en/");
    expect(after.html).toContain("Reads test news item");
    expect(after.reads).toBe(1);
  });
});
