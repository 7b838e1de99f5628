import { beforeAll, describe, expect, it, vi } from "vitest";
import { converterFor, type Document } from "../../functions/src/model/index.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { buildPublicSnapshot } from "../../functions/src/views/public-snapshot.js";
import { PublicViewCache } from "../../functions/src/views/view-reader.js";
import { rebuildPublicView, refreshPublicView } from "../../functions/src/views/view-writer.js";
import { emulatedProject } from "../support/functions-admin.js";
import { SEED_DIR } from "../support/seeded-site.js";

const PROJECT_ID = `demo-public-snapshot-${process.pid}`;
const REPORT = "santiago-2005-executive-report";
const db = emulatedProject(PROJECT_ID);

beforeAll(async () => {
  await loadSeed(db, SEED_DIR);
});

const news: Document = {
  id: "to-withdraw",
  kind: "news",
  title: { en: "A news item that will be withdrawn" },
  summary: { en: "Summary" },
  body: { en: "Body" },
  translations: { en: "original" },
  countries: [],
  topics: [],
  status: "published",
  publishedOn: "2006-01",
  version: 1,
  source: "Written by test/integration/public-snapshot.test.ts",
};

describe("the public view with an invalid document in Firestore", () => {
  it("leaves the invalid document out and still publishes a later unpublish", async () => {
    const documents = db.collection("documents");
    await documents.withConverter(converterFor("documents")).doc(news.id).set(news);
    await rebuildPublicView(db);
    const cache = new PublicViewCache(
      () => db,
      () => null,
    );
    const ids = async () => (await cache.current()).snapshot.documents.map((d) => d.id);
    expect(await ids()).toContain(news.id);

    // Written around the converter, as an older build or a hand edit in the console could: a draft
    // titled in Portuguese only, without the fields every document needs.
    await documents.doc("broken-draft").set({ id: "broken-draft", kind: "minutes", title: { pt: "Só rascunho" } });
    const unpublish = await documents.doc(news.id).update({ status: "draft" });
    // What the documents trigger does with the unpublish.
    const result = await refreshPublicView(db, unpublish.writeTime);

    expect(result.stored).toBe(true);
    expect(await ids()).toEqual([REPORT]);
  });

  it("logs which record was left out and why", async () => {
    const log = vi.fn();
    const { snapshot, skipped } = await buildPublicSnapshot(db, log);
    expect(log.mock.calls).toEqual([
      [
        {
          severity: "WARNING",
          message: "view.record_skipped: an invalid record was left out of the public view",
          ...skipped[0],
        },
      ],
    ]);
    expect(snapshot.countries.length).toBeGreaterThan(0);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ collection: "documents", id: "broken-draft" });
    expect(skipped[0]?.issues).toContainEqual({ field: "title", message: "needs a Spanish (es) or English (en) text" });
    expect(skipped[0]?.issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(["summary", "body", "status", "version", "source"]),
    );
  });

  it("lists an unreadable consenting registration among the skipped records, and lists the others", async () => {
    const registrations = db.collection("registrations");
    // Consented, but written around the converter without the fields a registration needs.
    await registrations.doc("broken-registration").set({ publicListConsent: true, name: "Sin evento" });
    const log = vi.fn();
    const { snapshot, skipped } = await buildPublicSnapshot(db, log);
    await registrations.doc("broken-registration").delete();
    const broken = skipped.find((s) => s.collection === "registrations");
    expect(broken).toMatchObject({ collection: "registrations", id: "broken-registration" });
    expect(broken?.issues.map((i) => i.field)).toEqual(expect.arrayContaining(["eventId", "status"]));
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ collection: "registrations", id: "broken-registration" }),
    );
    expect(JSON.stringify(snapshot)).not.toContain("Sin evento");
  });
});
