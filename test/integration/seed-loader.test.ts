import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { FieldValue, type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fillMissingStates, loadSeed, STATED_COLLECTIONS, writeSeed } from "../../functions/src/seed/load-seed.js";
import { readSeed } from "../../functions/src/seed/read-seed.js";
import { SeedValidationError, validateSeed } from "../../functions/src/seed/validate-seed.js";
import { rebuildPublicView } from "../../functions/src/views/view-writer.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";

// A project of its own, so this file never touches the demo project the site and e2e tests use.
const PROJECT = "demo-seed-test";
const SEED_DIR = join(import.meta.dirname, "../../seed");

let app: ReturnType<typeof initializeApp>;
let db: Firestore;
beforeAll(() => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT }, "seed-loader-test");
  db = getFirestore(app);
});
afterAll(async () => {
  await clearFirestore(PROJECT);
  await deleteApp(app);
});
beforeEach(() => clearFirestore(PROJECT));

/** Every document in the database, by path. */
async function dump(): Promise<Record<string, unknown>> {
  const all: Record<string, unknown> = {};
  for (const collection of await db.listCollections()) {
    for (const doc of (await collection.get()).docs) all[doc.ref.path] = doc.data();
  }
  return all;
}

function invalidSeed(): string {
  const dir = mkdtempSync(join(tmpdir(), "seed-invalid-"));
  cpSync(SEED_DIR, dir, { recursive: true });
  const file = join(dir, "events.json");
  const events = JSON.parse(readFileSync(file, "utf8"));
  events[0].start = "2005-13-45";
  writeFileSync(file, JSON.stringify(events));
  return dir;
}

describe("loadSeed against the Firestore emulator", () => {
  it("writes nothing when any record is invalid", async () => {
    await expect(loadSeed(db, invalidSeed())).rejects.toBeInstanceOf(SeedValidationError);
    expect(await dump()).toEqual({});
  });

  it("leaves the same database when the seed is loaded twice", async () => {
    await loadSeed(db, SEED_DIR);
    await rebuildPublicView(db);
    const first = await dump();
    expect(Object.keys(first)).toContain("countries/CA");
    expect(Object.keys(first)).toContain("views/public");

    await loadSeed(db, SEED_DIR);
    await rebuildPublicView(db);
    expect(await dump()).toEqual(first);
  });

  it("never overwrites a record that exists when loaded again: a live edit, its state and version stay", async () => {
    const records = validateSeed(await readSeed(SEED_DIR));
    expect(await writeSeed(db, records)).toBe(Object.values(records).flat().length);
    const edited = { "title.es": "Título corregido en la consola", version: 7, status: "draft" };
    const path = (await db.collection("documents").limit(1).get()).docs[0]?.ref.path ?? "";
    await db.doc(path).update(edited);
    await db.doc("countries/CA").delete();

    expect(await writeSeed(db, records)).toBe(1);

    const after = await db.doc(path).get();
    expect(after.get("title.es")).toBe("Título corregido en la consola");
    expect(after.get("version")).toBe(7);
    expect(after.get("status")).toBe("draft");
    expect((await db.doc("countries/CA").get()).exists).toBe(true);
  });

  it("keeps the public view's version when nothing changed, and changes it when content did", async () => {
    await loadSeed(db, SEED_DIR);
    const first = await rebuildPublicView(db, { now: () => new Date("2026-01-01T00:00:00Z") });
    const again = await rebuildPublicView(db, { now: () => new Date("2026-02-01T00:00:00Z") });
    expect(first.stored).toBe(true);
    expect(again).toEqual({ ...first, stored: false });

    await db.doc("topics/harmonization").update({ "name.en": "Harmonisation" });
    const changed = await rebuildPublicView(db);
    expect(changed.version).not.toBe(first.version);
  });

  it("stores every record of the workflow's kinds as published, so a member's list naming the state finds them", async () => {
    await loadSeed(db, SEED_DIR);
    for (const name of STATED_COLLECTIONS) {
      const all = await db.collection(name).get();
      expect(all.size, name).toBeGreaterThan(0);
      const listed = await db.collection(name).where("publication", "==", "published").get();
      expect(listed.size, name).toBe(all.size);
    }
  });

  it("gives a state to records an earlier loader left without one, and never overwrites a state set meanwhile", async () => {
    await loadSeed(db, SEED_DIR);
    const events = (await db.collection("events").get()).docs;
    const [bare, drafted] = events;
    if (!bare || !drafted) throw new Error("the seed has at least two events");
    // As an earlier loader left them: no state at all.
    for (const doc of events) await doc.ref.update({ publication: FieldValue.delete() });
    await drafted.ref.update({ publication: "draft" });

    expect(await fillMissingStates(db)).toBe(events.length - 1);

    expect((await bare.ref.get()).get("publication")).toBe("published");
    expect((await drafted.ref.get()).get("publication")).toBe("draft");
    expect(await fillMissingStates(db)).toBe(0);
  });
});
