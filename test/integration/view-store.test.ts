import { randomBytes } from "node:crypto";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { converterFor, type Document } from "../../functions/src/model/index.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { PublicViewCache, rebuildPublicView } from "../../functions/src/views/view-store.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import { SEED_DIR } from "../support/seeded-site.js";

const PROJECT_ID = `demo-view-store-${process.pid}`;
let app: ReturnType<typeof initializeApp>;
let db: Firestore;

beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT_ID }, PROJECT_ID);
  db = getFirestore(app);
  await loadSeed(db, SEED_DIR);
});

afterAll(async () => {
  await clearFirestore(PROJECT_ID);
  if (app) await deleteApp(app);
});

/** Published documents whose bodies gzip cannot shrink much, enough to push the view past inline size. */
function incompressibleDocuments(count: number): Document[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `bulky-${n}`,
    kind: "news",
    title: { es: `Documento voluminoso ${n}`, en: `Bulky document ${n}` },
    summary: { es: "Resumen", en: "Summary" },
    body: { es: randomBytes(90_000).toString("base64"), en: randomBytes(90_000).toString("base64") },
    translations: { es: "original", en: "translated" },
    countries: [],
    topics: [],
    status: "published",
    publishedOn: "2006-01-01",
    version: 1,
    source: "Written by test/integration/view-store.test.ts",
  }));
}

const chunkIds = async () => (await db.collection("views").listDocuments()).map((d) => d.id).sort();
const titlesIn = (cache: PublicViewCache<null>) =>
  cache.current().then((v) => v.snapshot.documents.map((d) => d.title.en));

describe("public view storage", () => {
  it("keeps the seed's view inline in the meta document, so an instance starts with one read", async () => {
    const meta = await rebuildPublicView(db);
    expect(meta.chunks).toBe(0);
    expect(await chunkIds()).toEqual(["public"]);
    const cache = new PublicViewCache(
      () => db,
      () => null,
    );
    const view = await cache.current();
    expect(view.snapshot.documents.map((d) => d.id)).toContain("santiago-2005-executive-report");
    expect(cache.meter.reads).toBe(1);
  });

  it("moves a view too big for the meta document into chunks, read once per instance start", async () => {
    const docs = db.collection("documents").withConverter(converterFor("documents"));
    const bulky = incompressibleDocuments(3);
    await Promise.all(bulky.map((d) => docs.doc(d.id).set(d)));
    const meta = await rebuildPublicView(db);
    expect(meta.chunks).toBeGreaterThan(0);
    expect((await db.doc("views/public").get()).get("data"), "no inline copy beside the chunks").toBeUndefined();
    expect(await chunkIds()).toContain("public-chunk-0");

    const cache = new PublicViewCache(
      () => db,
      () => null,
    );
    expect(await titlesIn(cache)).toContain("Bulky document 2");
    expect(cache.meter.reads).toBe(1 + meta.chunks);

    // Back under the inline size, the chunks are deleted and readers switch without a restart.
    await Promise.all(bulky.map((d) => docs.doc(d.id).delete()));
    const small = await rebuildPublicView(db);
    expect(small.chunks).toBe(0);
    expect(await chunkIds()).toEqual(["public"]);
    expect(await titlesIn(cache)).not.toContain("Bulky document 2");
  });
});
