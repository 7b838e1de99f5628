import { randomBytes } from "node:crypto";
import { type App, deleteApp, initializeApp } from "firebase-admin/app";
import { type Auth, getAuth } from "firebase-admin/auth";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncAccountClaims } from "../../functions/src/committee/accounts/claims.js";
import { consoleCallables } from "../../functions/src/committee/console-callables.js";
import { publishDueRecords } from "../../functions/src/committee/records/schedule.js";
import { setSeat } from "../../functions/src/committee/seats/set-seat.js";
import { REGION } from "../../functions/src/config.js";
import {
  type AuditEntry,
  type Document,
  type DocumentContent,
  FIRESTORE_DOCUMENT_MAX_BYTES,
  OUTBOX_COLLECTION,
  PUBLICATION_NEWS_COLLECTION,
  PublicationNewsSchema,
  storedSize,
} from "../../functions/src/model/index.js";
import { newsOfPublication } from "../../functions/src/subscriptions/publish.js";
import {
  type CallableProject,
  type Caller,
  type Callers,
  DEMO_PROJECT,
  demoCallers,
  linkDemoAccounts,
  openCallableProject,
} from "../support/console-callers.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";
import { BODY_MAX, maxDocument, maxEvent } from "../support/max-records.js";
import { contentOf } from "../support/record-fixtures.js";

// Items 5, 7, 9 and 12 of issue #14, tried as an attacker would: the publication news through the
// deployed callables and triggers (HTTP to the Functions emulator, real ID tokens), the jobs with
// a clock the test moves, the limits at their maximum, and a lost seat's sessions through the
// Auth emulator's REST endpoints. Next to each refused attack, the legitimate path still works.
const FUNCTIONS = "http://127.0.0.1:5001";
const PROJECT = "demo-attack-jobs";
const SEATS_PROJECT = "demo-attack-seats";
const START = new Date("2026-04-01T12:00:00Z");
let now = START;
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

let project: CallableProject;
let db: Firestore;
let callers: Callers;
const handlers = consoleCallables(
  () => ({ db, auth: project.auth, clock: () => now }),
  () => "https://console.example.org",
);
const job = () => publishDueRecords({ db, clock: () => now }, () => undefined);

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, callers } = project);
});
afterAll(() => project?.close());

const auditOf = async (store: Firestore, id: string) =>
  (await store.collection("audit").where("target.id", "==", id).get()).docs
    .map((d) => ({ id: d.id, ...(d.data() as AuditEntry) }))
    .sort((a, b) => a.at.localeCompare(b.at));

describe("(5) one account cannot mail every subscriber again and again", () => {
  const demo: App = initializeApp({ projectId: DEMO_PROJECT }, "attack-jobs-news");
  const demoDb = getFirestore(demo);
  let demoCallersOf: Callers;
  const id = `attack-news-${process.pid}`;
  const subscriber = randomBytes(16).toString("hex");

  beforeAll(async () => {
    demoCallersOf = await demoCallers();
    // A confirmed subscriber of the demo project, ours alone, whose messages the test counts.
    await demoDb.doc(`subscribers/${subscriber}`).set({
      status: "confirmed",
      address: `attack-news-${process.pid}@example.org`,
      lang: "en",
      confirmedAtMs: Date.now(),
    });
  });
  afterAll(async () => {
    await demoDb.doc(`subscribers/${subscriber}`).delete();
    await demoDb.recursiveDelete(demoDb.doc(`documents/${id}`));
    await demoDb.doc(`${PUBLICATION_NEWS_COLLECTION}/${id}`).delete();
    for (const entry of await auditOf(demoDb, id)) await demoDb.doc(`audit/${entry.id}`).delete();
    const mine = await demoDb
      .collection(OUTBOX_COLLECTION)
      .where("key.recipient", "==", `subscriber:${subscriber}`)
      .get();
    await Promise.all(mine.docs.map((d) => d.ref.delete()));
    await demoCallersOf?.close();
    await deleteApp(demo);
  });

  /** A console action over HTTP, as the console (or anyone holding the login) sends it. */
  async function call(name: string, caller: Caller, data: unknown) {
    const token = demoCallersOf.idToken(caller);
    const response = await fetch(`${FUNCTIONS}/${DEMO_PROJECT}/${REGION}/committee-${name}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ data }),
    });
    const answer = (await response.json()) as { result?: { version: number }; error?: { message: string } };
    if (!answer.result) throw new Error(`${name} by ${caller}: ${answer.error?.message}`);
    return answer.result.version;
  }

  /** The news our subscriber has been sent of the document, once the trigger has looked at the latest publication. */
  async function newsAfterPublication(count: number) {
    const ledger = await eventually(async () => {
      const publications = (await auditOf(demoDb, id)).filter((e) => e.action === "document.publish");
      const latest = publications.at(-1);
      const snap = await demoDb.doc(`${PUBLICATION_NEWS_COLLECTION}/${id}`).get();
      const parsed = snap.exists ? PublicationNewsSchema.parse(snap.data()) : undefined;
      return publications.length === count && parsed?.last.entry === latest?.id ? parsed : undefined;
    }, `the news trigger handling publication ${count}`);
    // The messages are queued after the ledger decides: wait for the decided occurrence's message.
    const { entry, outcome } = ledger.last;
    const occurrence = outcome === "first" ? `${id}:first` : outcome === "notice" ? `${id}:notice:${entry}` : undefined;
    const news = await eventually(async () => {
      const queued = await demoDb
        .collection(OUTBOX_COLLECTION)
        .where("key.recipient", "==", `subscriber:${subscriber}`)
        .get();
      const ours = queued.docs.map((d) => String(d.get("key.occurrence"))).filter((o) => o.startsWith(`${id}:`));
      return occurrence === undefined || ours.includes(occurrence) ? ours.length : undefined;
    }, "the news being queued");
    return { outcome: ledger.last.outcome, news };
  }

  const content: DocumentContent = {
    kind: "news",
    title: { es: "Noticia para los suscriptores", en: "News for subscribers" },
    summary: { es: "Una noticia." },
    body: { es: "Texto." },
    translations: { es: "original" },
    countries: ["CL"],
    topics: [],
    source: "attack-jobs-and-limits test",
  };

  it("sends a document's first publication once; a correction republished by two other persons sends nothing", async () => {
    let v = await call("saveDraft", "committee-cl", { id, document: content });
    v = await call("submit", "committee-cl", { id, baseVersion: v });
    v = await call("publish", "committee-pe", { id, baseVersion: v });
    expect(await newsAfterPublication(1)).toEqual({ outcome: "first", news: 1 });

    // The attack: unpublish, submit again, publish again, by different people, as often as wanted.
    v = await call("unpublish", "committee-pe", { id, baseVersion: v });
    v = await call("submit", "committee-cl", { id, baseVersion: v });
    v = await call("publish", "secretariat", { id, baseVersion: v });
    expect(await newsAfterPublication(2)).toEqual({ outcome: "silent", news: 1 });
    expect((await demoDb.doc(`documents/${id}`).get()).get("status")).toBe("published");

    // A publisher who asks, with a reason, sends one new notice; a second the same day sends none.
    const reason = "The dates of the seminar were wrong";
    v = await call("unpublish", "committee-pe", { id, baseVersion: v });
    v = await call("submit", "committee-cl", { id, baseVersion: v });
    v = await call("publish", "committee-pe", { id, baseVersion: v, notifySubscribers: { reason } });
    expect(await newsAfterPublication(3)).toEqual({ outcome: "notice", news: 2 });
    expect((await auditOf(demoDb, id)).at(-1)).toMatchObject({
      action: "document.publish",
      notifySubscribers: { reason },
    });

    v = await call("unpublish", "committee-pe", { id, baseVersion: v });
    v = await call("submit", "committee-cl", { id, baseVersion: v });
    await call("publish", "secretariat", { id, baseVersion: v, notifySubscribers: { reason: "Once more, please" } });
    expect(await newsAfterPublication(4)).toEqual({ outcome: "tooSoon", news: 2 });
    // Twelve calls and four trigger runs in the Functions emulator, the first of each waking it.
  }, 120_000);

  it("refuses a new notice without a reason, naming the field", async () => {
    const answer = await fetch(`${FUNCTIONS}/${DEMO_PROJECT}/${REGION}/committee-publish`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${demoCallersOf.idToken("committee-pe")}`,
      },
      body: JSON.stringify({ data: { id, baseVersion: 1, lang: "en", notifySubscribers: {} } }),
    });
    const body = (await answer.json()) as { error?: { status: string; details?: { fields?: { path: string }[] } } };
    expect(body.error?.status).toBe("INVALID_ARGUMENT");
    expect(body.error?.details?.fields?.map((f) => f.path)).toEqual(["notifySubscribers.reason"]);
  });
});

describe("(5) the news ledger, with a clock", () => {
  const id = "ledger-news";
  const document: Document = {
    kind: "news",
    id,
    title: { es: "Noticia" },
    summary: { es: "Resumen" },
    body: { es: "Texto" },
    translations: { es: "original" },
    countries: [],
    topics: [],
    source: "attack test",
    status: "published",
    publishedOn: "2026-04-01",
    version: 3,
  };
  const deps = () => ({
    db,
    clock: () => now,
    log: () => undefined,
    key: "attack test key, long enough",
    sealKey: "attack test outbox key, long enough to use",
    origin: "https://www.example.org",
  });
  const publication = (extra: Record<string, unknown> = {}) => ({
    action: "document.publish",
    before: { ...document, status: "in-review", publishedOn: undefined },
    after: document,
    ...extra,
  });
  const queued = async () =>
    (await db.collection(OUTBOX_COLLECTION).get()).docs
      .map((d) => String(d.get("key.occurrence")))
      .filter((o) => o.startsWith(`${id}:`)).length;

  it("sends a new notice a day after the last one, and a redelivered entry queues nothing more", async () => {
    now = START;
    await db.doc("subscribers/0123456789abcdef0123456789abcdef").set({
      status: "confirmed",
      address: "ledger@example.org",
      lang: "es",
      confirmedAtMs: START.getTime(),
    });
    const corrected = { before: document };
    const reason = { notifySubscribers: { reason: "Fechas corregidas" } };
    expect(await newsOfPublication(deps(), "entry-1", publication())).toMatchObject({ outcome: "first", queued: 1 });
    expect(await newsOfPublication(deps(), "entry-1", publication())).toMatchObject({
      outcome: "first",
      queued: 0,
      already: 1,
    });
    expect(await newsOfPublication(deps(), "entry-2", publication(corrected))).toMatchObject({ outcome: "silent" });
    now = minutes(60);
    expect(await newsOfPublication(deps(), "entry-3", publication({ ...corrected, ...reason }))).toMatchObject({
      outcome: "notice",
      queued: 1,
    });
    now = minutes(60 + 23 * 60);
    expect(await newsOfPublication(deps(), "entry-4", publication({ ...corrected, ...reason }))).toMatchObject({
      outcome: "tooSoon",
    });
    // A redelivered notice finishes what it began, even once its day is over.
    expect(await newsOfPublication(deps(), "entry-3", publication({ ...corrected, ...reason }))).toMatchObject({
      outcome: "notice",
      queued: 0,
    });
    now = minutes(60 + 24 * 60);
    expect(await newsOfPublication(deps(), "entry-5", publication({ ...corrected, ...reason }))).toMatchObject({
      outcome: "notice",
      queued: 1,
    });
    expect(await queued()).toBe(3);
    // Another audit entry, or a publication of a record that is not a document, sends nothing.
    expect(await newsOfPublication(deps(), "entry-6", { ...publication(), action: "document.submit" })).toBeUndefined();
  });
});

describe("(7) scheduled publication acts with the scheduler's account as it is when the job runs", () => {
  async function inReview(id: string, by: Caller = "committee-cl") {
    now = START;
    await handlers.recordSaveDraft(callers.request(by, { kind: "events", id, record: contentOf("events") }));
    await handlers.recordSubmit(callers.request(by, { kind: "events", id, baseVersion: 1 }));
  }
  const publication = async (id: string) => (await db.doc(`events/${id}`).get()).get("publication");
  // The scheduler's account as the secretariat leaves it, in this file's own project.
  const scheduler = () => db.doc("accounts/demo-committee-pe");

  it("cancels, with an audit entry, the schedule of a committee member demoted before it is due", async () => {
    await inReview("demoted");
    await handlers.schedulePublish(
      callers.request("committee-pe", { kind: "events", id: "demoted", baseVersion: 2, at: minutes(60).toISOString() }),
    );
    await scheduler().update({ role: "member" });
    try {
      now = minutes(61);
      expect(await job()).toEqual({
        published: [],
        refused: [{ schedule: "event_demoted", key: "console.error.role" }],
      });
      expect(await publication("demoted")).toBe("in-review");
      expect((await auditOf(db, "demoted")).at(-1)).toMatchObject({
        action: "event.cancelSchedule",
        actor: { system: "scheduler" },
        reason: "console.error.role",
      });
    } finally {
      await linkDemoAccounts(db);
    }
  });

  it("cancels the schedule of a scheduler whose account no person claims any more", async () => {
    await inReview("removed");
    await handlers.schedulePublish(
      callers.request("committee-pe", { kind: "events", id: "removed", baseVersion: 2, at: minutes(30).toISOString() }),
    );
    await scheduler().delete();
    try {
      now = minutes(31);
      expect((await job()).refused).toEqual([{ schedule: "event_removed", key: "console.error.noPerson" }]);
      expect(await publication("removed")).toBe("in-review");
    } finally {
      await linkDemoAccounts(db);
    }
  });

  it("publishes when due the schedule of a committee member who kept their role", async () => {
    await inReview("kept");
    await handlers.schedulePublish(
      callers.request("committee-pe", { kind: "events", id: "kept", baseVersion: 2, at: minutes(10).toISOString() }),
    );
    now = minutes(11);
    expect(await job()).toEqual({ published: ["event_kept"], refused: [] });
    expect(await publication("kept")).toBe("published");
  });

  it("publishes the secretariat's schedule of its own edit, with the reason it gave", async () => {
    await inReview("secretariat-own", "secretariat");
    const schedule = (reason?: string) =>
      handlers.schedulePublish(
        callers.request("secretariat", {
          kind: "events",
          id: "secretariat-own",
          baseVersion: 2,
          at: minutes(5).toISOString(),
          ...(reason ? { reason } : {}),
        }),
      );
    await expect(schedule()).rejects.toMatchObject({ details: { key: "console.error.reasonRequired" } });
    const reason = "The host confirmed the dates; nobody else is available this week";
    await schedule(reason);
    now = minutes(6);
    expect(await job()).toEqual({ published: ["event_secretariat-own"], refused: [] });
    expect(await publication("secretariat-own")).toBe("published");
    expect((await auditOf(db, "secretariat-own")).at(-1)).toMatchObject({
      action: "event.publish",
      actor: { memberId: "demo-secretariat" },
      reason,
    });
  });
});

describe("(9) a record at its maximum size goes through every transition", () => {
  /** Every stored document of a record (itself, its versions) and its audit entries, as Firestore counts them. */
  async function largest(collection: string, id: string) {
    const record = await db.doc(`${collection}/${id}`).get();
    const versions = await db.collection(`${collection}/${id}/versions`).get();
    const sizes = [record, ...versions.docs].map((d) => storedSize(d.data()));
    for (const entry of await auditOf(db, id)) sizes.push(storedSize(entry));
    return Math.max(...sizes);
  }

  it("saves, submits, publishes, archives, deletes, undeletes and restores a document at every maximum", async () => {
    now = START;
    const id = "max-document";
    const document = maxDocument();
    const as = (caller: Caller, data: Record<string, unknown>) => callers.request(caller, { id, ...data });
    let v = (await handlers.saveDraft(as("committee-cl", { document }))).version;
    v = (await handlers.submit(as("committee-cl", { baseVersion: v }))).version;
    v = (await handlers.publish(as("committee-pe", { baseVersion: v }))).version;
    v = (await handlers.archive(as("committee-pe", { baseVersion: v }))).version;
    v = (await handlers.softDelete(as("committee-pe", { baseVersion: v }))).version;
    v = (await handlers.undelete(as("committee-cl", { baseVersion: v }))).version;
    v = (await handlers.restoreVersion(as("committee-cl", { baseVersion: v, version: 1 }))).version;
    v = (await handlers.saveDraft(as("committee-cl", { baseVersion: v, document }))).version;
    expect(v).toBe(8);
    expect(await largest("documents", id)).toBeLessThan(FIRESTORE_DOCUMENT_MAX_BYTES * 0.8);

    // One character over a language's body: refused, the field named, nothing written.
    const over = { ...document, body: { ...document.body, es: `${document.body.es}€` } };
    await expect(handlers.saveDraft(as("committee-cl", { baseVersion: v, document: over }))).rejects.toMatchObject({
      code: "invalid-argument",
      details: { fields: [{ path: "document.body.es", message: `must be at most ${BODY_MAX} characters` }] },
    });
    expect((await db.doc(`documents/${id}`).get()).get("version")).toBe(8);
  });

  it("takes an event whose sessions fill their byte budget through the same transitions", async () => {
    now = START;
    const id = "max-event";
    const record = maxEvent();
    const as = (caller: Caller, data: Record<string, unknown>) =>
      callers.request(caller, { kind: "events", id, ...data });
    let v = (await handlers.recordSaveDraft(as("committee-cl", { record }))).version;
    v = (await handlers.recordSubmit(as("committee-cl", { baseVersion: v }))).version;
    v = (await handlers.recordPublish(as("committee-pe", { baseVersion: v }))).version;
    v = (await handlers.recordArchive(as("committee-pe", { baseVersion: v }))).version;
    v = (await handlers.recordSoftDelete(as("committee-pe", { baseVersion: v }))).version;
    v = (await handlers.recordUndelete(as("committee-pe", { baseVersion: v }))).version;
    v = (await handlers.recordRestoreVersion(as("committee-cl", { baseVersion: v, version: 1 }))).version;
    expect(v).toBe(7);
    expect(await largest("events", id)).toBeLessThan(FIRESTORE_DOCUMENT_MAX_BYTES * 0.8);

    const refused = handlers.recordSaveDraft(as("committee-cl", { baseVersion: v, record: maxEvent(true) }));
    await expect(refused).rejects.toMatchObject({
      code: "invalid-argument",
      details: { fields: [expect.objectContaining({ path: "record.sessions" })] },
    });
  });
});

describe("(12) a country that loses its seat loses its representatives' sessions", () => {
  // Accounts of our own in the demo project's Auth (where the Auth emulator's REST sign-in
  // answers), linked to people in a Firestore project of our own: no demo login is touched.
  const demo: App = initializeApp({ projectId: DEMO_PROJECT }, "attack-jobs-seats-auth");
  const seatsApp: App = initializeApp({ projectId: SEATS_PROJECT }, SEATS_PROJECT);
  const demoAuth: Auth = getAuth(demo);
  const seatsDb = getFirestore(seatsApp);
  const deps = () => ({ db: seatsDb, auth: demoAuth, clock: () => new Date() });
  const secretariat = {
    uid: "attack-seats-secretariat",
    memberId: "attack-seats-secretariat",
    role: "secretariat" as const,
    seat: false,
  };
  const people = {
    losing: { uid: `attack-seat-uy-${process.pid}`, countryId: "UY" },
    keeping: { uid: `attack-seat-pa-${process.pid}`, countryId: "PA" },
  };
  const password = "attack-seat-2005";
  const email = (uid: string) => `${uid}@demo-tests.compraspublicas.org`;
  const authHost = () => `http://${emulatorHost("FIREBASE_AUTH_EMULATOR_HOST")}`;

  beforeAll(async () => {
    await clearFirestore(SEATS_PROJECT);
    for (const { uid, countryId } of Object.values(people)) {
      await seatsDb
        .doc(`countries/${countryId}`)
        .set({ id: countryId, name: { es: countryId }, oasMember: true, source: "attack test" });
      await setSeat(deps(), secretariat, { countryId, decision: "add", reason: "a seat the attack test gives" });
      await demoAuth.deleteUser(uid).catch(() => undefined);
      await demoAuth.createUser({ uid, email: email(uid), password, emailVerified: true });
      await seatsDb.doc(`accounts/${uid}`).set({ id: uid, memberId: uid, role: "committee", countryId });
    }
  });
  afterAll(async () => {
    for (const { uid } of Object.values(people)) await demoAuth.deleteUser(uid).catch(() => undefined);
    await clearFirestore(SEATS_PROJECT);
    await deleteApp(demo);
    await deleteApp(seatsApp);
  });

  async function signIn(uid: string) {
    const response = await fetch(
      `${authHost()}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: email(uid), password, returnSecureToken: true }),
      },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as { idToken: string; refreshToken: string };
  }

  /** The ID token a refresh token buys through securetoken REST, or undefined when refused. */
  async function refreshed(refreshToken: string): Promise<string | undefined> {
    const response = await fetch(`${authHost()}/securetoken.googleapis.com/v1/token?key=demo-api-key`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }).toString(),
    });
    if (!response.ok) return undefined;
    return ((await response.json()) as { id_token: string }).id_token;
  }

  /** Whether a token still opens a session: the Admin SDK's check, revocation included. */
  const accepted = (idToken: string | undefined) =>
    idToken === undefined
      ? Promise.resolve(false)
      : demoAuth.verifyIdToken(idToken, true).then(
          (decoded) => decoded.role === "committee",
          () => false,
        );

  it("revokes the refresh tokens of a seat lost, and leaves the country keeping its seat signed in", async () => {
    for (const { uid } of Object.values(people)) await syncAccountClaims(deps(), uid);
    const losing = await signIn(people.losing.uid);
    const keeping = await signIn(people.keeping.uid);
    expect(await accepted(losing.idToken)).toBe(true);

    // Revocation counts whole seconds: a token issued in the second the seat is lost would pass.
    const signedInSecond = Math.floor(Date.now() / 1000);
    await eventually(
      async () => (Math.floor(Date.now() / 1000) > signedInSecond ? true : undefined),
      "the next second",
    );

    await setSeat(deps(), secretariat, {
      countryId: "UY",
      decision: "remove",
      reason: "the attack test removes a seat",
    });
    expect((await seatsDb.doc("committee/UY").get()).exists).toBe(false);

    // The production service refuses the refresh itself; the emulator issues a token the check refuses.
    expect(await accepted(losing.idToken)).toBe(false);
    expect(await accepted(await refreshed(losing.refreshToken))).toBe(false);
    expect((await demoAuth.getUser(people.losing.uid)).customClaims).toMatchObject({ role: "member", seat: false });

    expect(await accepted(keeping.idToken)).toBe(true);
    expect(await accepted(await refreshed(keeping.refreshToken))).toBe(true);
  });
});
