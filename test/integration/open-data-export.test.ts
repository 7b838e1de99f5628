import { gunzipSync, gzipSync } from "node:zlib";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { FieldValue, type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  converterFor,
  DIRECTORY_COLLECTION,
  type Document,
  type Member,
  type MemberContact,
  sharedContactOf,
} from "../../functions/src/model/index.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import type { SiteData } from "../../functions/src/site/data.js";
import type { PublicViewCache } from "../../functions/src/views/view-reader.js";
import { rebuildPublicView } from "../../functions/src/views/view-writer.js";
import { SEED_DIR, siteOverFirestore, unlistedFields } from "../support/seeded-site.js";

// The open-data files and feeds read the same public view as the pages, built from Firestore by
// rebuildPublicView: what is private there (contacts, drafts, unlisted members) must not leak.

const PROJECT_ID = `demo-open-data-${process.pid}`;

const DRAFT = "draft-minutes-2006";
const UNLISTED = "unlisted-member";
const EMAIL = "private.person@example.org";
const LISTED = "listed-member";
const CONSENT = "Agreed by letter to be listed on the site, 2005-07-01";
/** A listed person's address, shared with the other representatives in the members' directory only. */
const SHARED_EMAIL = "shared.with.members@example.org";

let app: ReturnType<typeof initializeApp>;
let db: Firestore;
let cache: PublicViewCache<SiteData>;
let site: ReturnType<typeof siteOverFirestore>["site"];

beforeAll(async () => {
  if (!process.env.FIRESTORE_EMULATOR_HOST)
    throw new Error("FIRESTORE_EMULATOR_HOST is not set: run under the emulators.");
  app = initializeApp({ projectId: PROJECT_ID }, PROJECT_ID);
  db = getFirestore(app);
  await loadSeed(db, SEED_DIR);
  const draft: Document = {
    id: DRAFT,
    kind: "minutes",
    title: { es: "Acta en borrador", en: "Draft minutes" },
    summary: { es: "Borrador interno." },
    body: { es: "Texto interno." },
    translations: { es: "original" },
    eventId: "iii-seminar-santiago-2005",
    countries: ["CL"],
    topics: [],
    status: "draft",
    version: 1,
    source: "test fixture",
  };
  const member: Member = {
    id: UNLISTED,
    name: "Persona No Listada",
    preferredLanguage: "es",
    timeZone: "America/Santiago",
    countryId: "CL",
    public: false,
    source: "test fixture",
  };
  const listed: Member = {
    ...member,
    id: LISTED,
    name: "Persona Listada",
    title: { es: "Jefa de Compras" },
    institutionId: "chilecompra",
    public: true,
    source: CONSENT,
    languages: ["es", "qu"],
    confirmedAt: "2026-05-04T12:00:00.000Z",
  };
  const sharedContact: MemberContact = {
    id: LISTED,
    email: SHARED_EMAIL,
    phone: "+56 9 8765 4321",
    share: { email: true, phone: true },
  };
  const contact: MemberContact = { id: UNLISTED, email: EMAIL, phone: "+56 2 2290 4400" };
  await db.collection("documents").withConverter(converterFor("documents")).doc(DRAFT).set(draft);
  await db.collection("members").withConverter(converterFor("members")).doc(UNLISTED).set(member);
  await db.collection("members").withConverter(converterFor("members")).doc(LISTED).set(listed);
  await db.collection("memberContacts").withConverter(converterFor("memberContacts")).doc(UNLISTED).set(contact);
  await db.collection("memberContacts").withConverter(converterFor("memberContacts")).doc(LISTED).set(sharedContact);
  await db.collection(DIRECTORY_COLLECTION).doc(LISTED).set(sharedContactOf(sharedContact));
  await rebuildPublicView(db);
  ({ site, cache } = siteOverFirestore(db));
});

afterAll(async () => {
  if (app) await deleteApp(app);
});

const get = async (path: string, encoding?: string, from = site) => {
  const res = await from.request(path, { headers: encoding ? { "Accept-Encoding": encoding } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  const encoded = res.headers.get("content-encoding");
  // Decoded here as a browser would, with an independent gunzip, so both answers compare as text.
  const body = (encoded === "gzip" ? gunzipSync(bytes) : bytes).toString("utf8");
  return { status: res.status, body, encoded };
};

describe("open data from the public view", () => {
  it.each([
    ["", undefined],
    ["gzip, deflate, br", "gzip"],
  ])(
    "exports no member contacts, unlisted members or unpublished documents as JSON (Accept-Encoding %j)",
    async (accept, encoded) => {
      const { status, body, encoded: sent } = await get("/data/public.json", accept);
      expect(sent ?? undefined).toBe(encoded);
      expect(status).toBe(200);
      const data = JSON.parse(body) as Record<string, unknown>;
      expect(Object.keys(data)).not.toContain("memberContacts");
      // What a listed person shares in the members' directory stays there, and so does their entry's upkeep.
      expect(Object.keys(data)).not.toContain(DIRECTORY_COLLECTION);
      for (const secret of [SHARED_EMAIL, "8765 4321", "confirmedAt", "2026-05-04T12", '"qu"']) {
        expect(body).not.toContain(secret);
      }
      expect(body).not.toContain(EMAIL);
      expect(body).not.toContain("2290 4400");
      expect(body).not.toContain(UNLISTED);
      expect(body).not.toContain(DRAFT);
      expect(body).toContain("santiago-2005-executive-report");
    },
  );

  it.each([[""], ["gzip"]])(
    "exports of each record only the fields its public projection lists (Accept-Encoding %j)",
    async (accept) => {
      const { body } = await get("/data/public.json", accept);
      const data = JSON.parse(body) as Record<string, unknown> & { members: { id: string; name: string }[] };
      expect(data.members.map((m) => [m.id, m.name])).toEqual([[LISTED, "Persona Listada"]]);
      expect(unlistedFields(data)).toEqual([]);
      expect(body).not.toContain(CONSENT);
      expect(body).not.toContain("preferredLanguage");
      const country = (await get("/es/countries/cl")).body;
      expect(country).toContain("Persona Listada");
      expect(country).not.toContain(SHARED_EMAIL);
    },
  );

  it("leaves the draft out of the CSV tables, the feed, the sitemap and its event's page", async () => {
    for (const path of [
      "/data/documents.csv",
      "/es/feed.xml",
      "/sitemap.xml",
      "/es/events/iii-seminar-santiago-2005",
    ]) {
      const { status, body } = await get(path);
      expect(status, path).toBe(200);
      expect(body, path).not.toContain(DRAFT);
    }
  });

  it("shows a document in every export once it is published", async () => {
    await db.collection("documents").doc(DRAFT).update({ status: "published", publishedOn: "2006-03" });
    await rebuildPublicView(db);
    for (const path of ["/data/public.json", "/data/documents.csv", "/en/feed.xml", "/sitemap.xml"]) {
      expect((await get(path)).body, path).toContain(DRAFT);
    }
    const feed = (await get("/en/feed.xml")).body;
    // Newest first: March 2006 before June 2005.
    expect(feed.indexOf(DRAFT)).toBeLessThan(feed.indexOf("santiago-2005-executive-report"));
  });

  it("serves the stored view's gzip as the JSON export, the same data, and never to a client without gzip", async () => {
    const zipped = await get("/data/public.json", "gzip");
    const plain = await get("/data/public.json");
    expect(zipped.encoded).toBe("gzip");
    expect(plain.encoded).toBeNull();
    expect(JSON.parse(zipped.body)).toEqual(JSON.parse(plain.body));
    // The gzip answer was not kept as the URL's page: asked again without gzip, still plain.
    expect((await get("/data/public.json", "identity")).encoded).toBeNull();
  });

  it("never serves as they are the bytes of a view stored before records were projected", async () => {
    const ref = db.collection("views").doc("public");
    const stored = (await ref.get()).data() as { data: Buffer };
    const old = JSON.parse(gunzipSync(stored.data).toString("utf8")) as { members: Record<string, unknown>[] };
    for (const member of old.members) member.preferredLanguage = "es";
    await ref.update({ data: gzipSync(JSON.stringify(old)), version: "0123456789abcdef", format: FieldValue.delete() });
    try {
      const fresh = siteOverFirestore(db).site;
      const { body, encoded } = await get("/data/public.json", "gzip", fresh);
      expect(encoded).toBeNull();
      expect(body).toContain(LISTED);
      expect(body).not.toContain("preferredLanguage");
    } finally {
      await rebuildPublicView(db);
    }
  });

  it("costs one read per request once the view is loaded", async () => {
    await get("/data/public.json");
    const before = cache.meter.reads;
    await get("/data/events.csv");
    await get("/fr/calendar.ics");
    expect(cache.meter.reads - before).toBe(2);
  });
});
