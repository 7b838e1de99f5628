import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkInitiativeLinks } from "../../functions/src/links/check.js";
import { converterFor, OUTBOX_COLLECTION, OutboxMessageSchema } from "../../functions/src/model/index.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import { addRepresentative } from "../support/representatives.js";
import { SEED_DIR } from "../support/seeded-site.js";

const PROJECT_ID = `demo-initiative-links-${process.pid}`;
const ID = "e-government-procurement-network";
let app: ReturnType<typeof initializeApp>;
let db: Firestore;
let server: Server;
let body = '<a href="https://www.compraspublicas.org/">Red Interamericana</a>';
/** Runs while the check fetches the website, before the page is answered: a console edit meanwhile. */
let duringFetch: () => Promise<void> = async () => {};

beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT_ID }, PROJECT_ID);
  db = getFirestore(app);
  await loadSeed(db, SEED_DIR);
  server = createServer((_req, res) => {
    void duringFetch().then(() => res.end(`<!doctype html><title>x</title>${body}`));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const initiatives = db.collection("initiatives").withConverter(converterFor("initiatives"));
  const seeded = (await initiatives.doc(ID).get()).data();
  if (!seeded) throw new Error(`seed has no initiative ${ID}`);
  await initiatives.doc(ID).set({ ...seeded, website: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
  // The committee is who hears of a change: a committee account of a seat-holding country.
  await addRepresentative(db, { id: "rep", role: "committee", countryId: "PE", lang: "en", timeZone: "America/Lima" });
  // A member's account is not the committee: it must not be told.
  await addRepresentative(db, { id: "member-pe", role: "member", countryId: "PE" });
});
afterAll(async () => {
  server?.close();
  await clearFirestore(PROJECT_ID);
  if (app) await deleteApp(app);
});

it("records each week's check on the initiative and tells the committee when the result changes", async () => {
  const options = {
    siteOrigin: "https://www.compraspublicas.org",
    timeZone: "America/Santiago",
    limits: { timeoutMs: 2_000, maxBytes: 100_000, maxRedirects: 3, allowPrivate: true },
  };
  const initiative = () => db.collection("initiatives").withConverter(converterFor("initiatives")).doc(ID).get();
  const queued = async () =>
    (await db.collection(OUTBOX_COLLECTION).get()).docs.map((d) => OutboxMessageSchema.parse(d.data()));

  await checkInitiativeLinks(
    db,
    () => new Date("2026-11-23T10:00:00Z"),
    () => {},
    options,
  );
  expect((await initiative()).data()).toMatchObject({
    crossLink: "linked",
    linkCheck: { checkedOn: "2026-11-23", result: "links" },
  });
  expect(await queued(), "the first check is no change").toEqual([]);

  body = "<p>We no longer link anywhere.</p>";
  await checkInitiativeLinks(
    db,
    () => new Date("2026-11-30T10:00:00Z"),
    () => {},
    options,
  );
  expect((await initiative()).data()).toMatchObject({
    crossLink: "broken",
    linkCheck: { checkedOn: "2026-11-30", result: "missing" },
  });
  const [message, ...others] = await queued();
  expect(others).toEqual([]);
  expect(message).toMatchObject({
    key: { purpose: "links.changed", recipient: "member:rep", occurrence: `${ID}:2026-11-30` },
    subject: expect.stringContaining("changed"),
  });
  expect(message?.text).toContain("no longer links");

  await checkInitiativeLinks(
    db,
    () => new Date("2026-12-07T10:00:00Z"),
    () => {},
    options,
  );
  expect(await queued(), "an unchanged result is not notified again").toHaveLength(1);
});

it("writes only its own fields, so an edit made in the console during the fetch is kept", async () => {
  const ref = db.collection("initiatives").doc(ID);
  const options = {
    siteOrigin: "https://www.compraspublicas.org",
    timeZone: "America/Santiago",
    limits: { timeoutMs: 2_000, maxBytes: 100_000, maxRedirects: 3, allowPrivate: true },
  };
  body = '<a href="https://www.compraspublicas.org/">Red Interamericana</a>';
  duringFetch = () =>
    ref.update({ "name.es": "Nombre editado en la consola", publication: "draft", version: 9 }).then(() => {});
  const results = await checkInitiativeLinks(
    db,
    () => new Date("2026-12-14T10:00:00Z"),
    () => {},
    options,
  );
  duringFetch = async () => {};

  expect(results[ID]).toMatchObject({ checkedOn: "2026-12-14", result: "links" });
  const after = (await ref.get()).data();
  expect(after).toMatchObject({
    name: { es: "Nombre editado en la consola" },
    publication: "draft",
    version: 9,
    crossLink: "linked",
    linkCheck: { checkedOn: "2026-12-14", result: "links" },
  });
});
