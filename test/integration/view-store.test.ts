import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { LogEntry } from "../../functions/src/log.js";
import { converterFor, type Document } from "../../functions/src/model/index.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { buildPublicSnapshot } from "../../functions/src/views/public-snapshot.js";
import { chunkId } from "../../functions/src/views/view-meta.js";
import { PublicViewCache } from "../../functions/src/views/view-reader.js";
import { rebuildPublicView, refreshPublicView, storePublicView } from "../../functions/src/views/view-writer.js";
import { emulatedProject } from "../support/functions-admin.js";
import { SEED_DIR } from "../support/seeded-site.js";

const PROJECT_ID = `demo-view-store-${process.pid}`;
const db = emulatedProject(PROJECT_ID);

beforeAll(async () => {
  await loadSeed(db, SEED_DIR);
});

/** A published news item. */
const news = (id: string, title: string, body: string): Document => ({
  id,
  kind: "news",
  title: { en: title },
  summary: { en: "Summary" },
  body: { en: body },
  translations: { en: "original" },
  countries: [],
  topics: [],
  status: "published",
  publishedOn: "2006-01-01",
  version: 1,
  source: "Written by test/integration/view-store.test.ts",
});

/**
 * Published documents whose bodies gzip cannot shrink much, enough to push the view past inline
 * size: each body at its maximum length in each of the four languages.
 */
const incompressibleDocuments = (count: number) =>
  Array.from({ length: count }, (_, n) => {
    const bulky = news(`bulky-${n}`, `Bulky document ${n}`, "");
    const text = () => randomBytes(30_000).toString("base64").slice(0, 30_000);
    return { ...bulky, body: { es: text(), en: text(), pt: text(), fr: text() } };
  });

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
    const bulky = incompressibleDocuments(5);
    await Promise.all(bulky.map((d) => docs.doc(d.id).set(d)));
    const meta = await rebuildPublicView(db);
    expect(meta.chunks).toBeGreaterThan(0);
    expect((await db.doc("views/public").get()).get("data"), "no inline copy beside the chunks").toBeUndefined();
    expect(await chunkIds()).toEqual(
      [...Array.from({ length: meta.chunks }, (_, n) => chunkId(meta.version, n)), "public"].sort(),
    );

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

  it("never lets a view read earlier replace one read later, whichever trigger finishes last", async () => {
    const docs = db.collection("documents").withConverter(converterFor("documents"));
    await rebuildPublicView(db);
    const older = await buildPublicSnapshot(db);
    const late = news("late-news", "Late news", "Short.");
    await docs.doc(late.id).set(late);
    const newer = await buildPublicSnapshot(db);
    expect(newer.readTime.valueOf() > older.readTime.valueOf()).toBe(true);

    const logs: LogEntry[] = [];
    const log = (entry: LogEntry) => logs.push(entry);
    const won = await storePublicView(db, newer.snapshot, newer.readTime, { log });
    const lost = await storePublicView(db, older.snapshot, older.readTime, { log });
    expect(won.stored).toBe(true);
    expect(lost).toEqual({ ...won, stored: false });
    expect(logs).toEqual([
      expect.objectContaining({ severity: "INFO", message: "view.rebuilt", version: won.version, chunks: 0 }),
      expect.objectContaining({ message: expect.stringMatching(/^view\.superseded/), current: won.version }),
    ]);
    expect(logs[1]?.version, "the log names the dropped view").not.toBe(won.version);
    for (const entry of logs) {
      expect(entry.bytes).toBeGreaterThan(0);
      expect(entry.ms).toBeGreaterThanOrEqual(0);
    }
    const cache = new PublicViewCache(
      () => db,
      () => null,
    );
    expect(await titlesIn(cache)).toContain("Late news");
    await docs.doc(late.id).delete();
  });

  it("drops the chunks of a view that lost to a newer one", async () => {
    const docs = db.collection("documents").withConverter(converterFor("documents"));
    const bulky = incompressibleDocuments(5);
    await Promise.all(bulky.map((d) => docs.doc(d.id).set(d)));
    const older = await buildPublicSnapshot(db);
    await Promise.all(bulky.map((d) => docs.doc(d.id).delete()));
    const newer = await buildPublicSnapshot(db);

    expect((await storePublicView(db, newer.snapshot, newer.readTime)).chunks).toBe(0);
    const lost = await storePublicView(db, older.snapshot, older.readTime);
    expect(lost.stored).toBe(false);
    expect(await chunkIds(), "the losing view's chunks are deleted").toEqual(["public"]);
  });

  it("skips the rebuild for a write the stored view already shows, and rebuilds for one it does not", async () => {
    const docs = db.collection("documents").withConverter(converterFor("documents"));
    const first = news("burst-1", "Burst one", "One.");
    const second = news("burst-2", "Burst two", "Two.");
    const firstWrite = await docs.doc(first.id).set(first);
    const secondWrite = await docs.doc(second.id).set(second);
    // The first trigger of the burst rebuilds, and its view shows both writes...
    const logs: LogEntry[] = [];
    const log = (entry: LogEntry) => logs.push(entry);
    const rebuilt = await refreshPublicView(db, firstWrite.writeTime, { log });
    expect(rebuilt).toMatchObject({ skipped: false, stored: true });
    // ...so the second trigger costs one read and no rebuild.
    const skipped = await refreshPublicView(db, secondWrite.writeTime, { log });
    expect(skipped).toMatchObject({ skipped: true, stored: false, version: rebuilt.version });
    expect(logs.map((e) => e.message?.split(":")[0])).toEqual(["view.rebuilt", "view.skipped"]);
    expect(logs[1]).toMatchObject({
      version: rebuilt.version,
      writtenAt: secondWrite.writeTime.toDate().toISOString(),
    });
    const cache = new PublicViewCache(
      () => db,
      () => null,
    );
    expect(await titlesIn(cache)).toEqual(expect.arrayContaining(["Burst one", "Burst two"]));

    // A later write is not in the view: it is rebuilt.
    const third = news("burst-3", "Burst three", "Three.");
    const thirdWrite = await docs.doc(third.id).set(third);
    expect(await refreshPublicView(db, thirdWrite.writeTime)).toMatchObject({ skipped: false, stored: true });
    // A delete carries no commit time: always rebuilt.
    await Promise.all([first, second, third].map((d) => docs.doc(d.id).delete()));
    const afterDelete = await refreshPublicView(db, undefined);
    expect(afterDelete).toMatchObject({ skipped: false, stored: true });
    expect(
      await titlesIn(
        new PublicViewCache(
          () => db,
          () => null,
        ),
      ),
    ).not.toContain("Burst one");
  });
});
