import { join } from "node:path";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Auth, getAuth } from "firebase-admin/auth";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySantiagoRule } from "../../functions/src/committee/seats/apply-santiago-rule.js";
import { type Account, converterFor, type Event } from "../../functions/src/model/index.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const argentina: Account = { id: "rep-ar", memberId: "rep-ar", role: "committee", countryId: "AR" };
const buenosAires: Event = {
  id: "v-seminar-buenos-aires-2027",
  kind: "seminar",
  title: { es: "V Seminario, Buenos Aires", en: "V Seminar, Buenos Aires" },
  status: "planned",
  start: "2027-05",
  hostCountries: ["AR"],
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  source: "integration test",
};

async function resetAuth(projectId: string) {
  await fetch(`http://${emulatorHost("FIREBASE_AUTH_EMULATOR_HOST")}/emulator/v1/projects/${projectId}/accounts`, {
    method: "DELETE",
  });
}

describe("the Santiago rule on the emulator (its own project, fixed clock)", () => {
  const PROJECT = "demo-committee-seats";
  let app: ReturnType<typeof initializeApp>;
  let db: Firestore;
  let auth: Auth;
  beforeAll(async () => {
    app = initializeApp({ projectId: PROJECT }, PROJECT);
    db = getFirestore(app);
    auth = getAuth(app);
    await clearFirestore(PROJECT);
    await resetAuth(PROJECT);
    await loadSeed(db, join(import.meta.dirname, "../../seed"));
  });
  afterAll(() => deleteApp(app));

  it("finds nothing to change in the seed: its seats come out of its events", async () => {
    expect(await applySantiagoRule({ db, auth, clock: () => NOW })).toEqual([]);
    expect((await db.collection("audit").get()).size).toBe(0);
  });

  it("seats the host of a new event, audits it and turns its representative into committee with no role touched", async () => {
    await auth.createUser({ uid: argentina.id, email: "rep-ar@example.org" });
    await db.doc(`accounts/${argentina.id}`).set(argentina);
    await db.collection("events").withConverter(converterFor("events")).doc(buenosAires.id).set(buenosAires);

    const changes = await applySantiagoRule({ db, auth, clock: () => NOW });
    expect(changes.map((c) => c.countryId)).toEqual(["AR"]);
    expect((await db.doc("committee/AR").get()).data()).toMatchObject({
      basis: "will-host",
      eventId: buenosAires.id,
      since: "2026-03-01",
    });
    const audit = (await db.collection("audit").get()).docs.map((d) => d.data());
    expect(audit).toEqual([
      expect.objectContaining({
        action: "seat.rule",
        actor: { system: "santiago-rule" },
        at: NOW.toISOString(),
        countryIds: ["AR"],
        before: null,
        target: { collection: "committee", id: "AR" },
      }),
    ]);
    expect((await auth.getUser(argentina.id)).customClaims).toEqual({
      role: "committee",
      memberId: "rep-ar",
      countryId: "AR",
      seat: true,
    });
    expect((await db.doc(`accounts/${argentina.id}`).get()).get("role")).toBe("committee");
  });
});

describe("the Santiago rule's trigger (Functions emulator, demo project)", () => {
  const app = initializeApp({ projectId: "demo-compraspublicas" }, "committee-seats-trigger");
  const db = getFirestore(app);
  const auth = getAuth(app);
  const uid = "santiago-trigger-ar";
  afterAll(async () => {
    await db.doc(`events/${buenosAires.id}`).delete();
    await eventually(async () => ((await db.doc("committee/AR").get()).exists ? undefined : true), "the seat removal");
    await db.doc(`accounts/${uid}`).delete();
    await db.doc(`metadata/${uid}`).delete();
    await auth.deleteUser(uid).catch(() => undefined);
    await deleteApp(app);
  });

  it("gives a seat and committee claims when an event hosted by another country is written, and takes them back", async () => {
    await auth.deleteUser(uid).catch(() => undefined);
    await auth.createUser({ uid, email: "santiago-trigger@example.org" });
    await db.doc(`accounts/${uid}`).set({ ...argentina, id: uid });
    await eventually(async () => (await auth.getUser(uid)).customClaims?.role, "the member claims");
    expect((await auth.getUser(uid)).customClaims).toMatchObject({ role: "member", seat: false });

    await db.collection("events").withConverter(converterFor("events")).doc(buenosAires.id).set(buenosAires);
    await eventually(
      async () => ((await auth.getUser(uid)).customClaims?.role === "committee" ? true : undefined),
      "committee claims",
    );
    expect((await db.doc("committee/AR").get()).get("basis")).toBe("will-host");

    await db.doc(`events/${buenosAires.id}`).update({ status: "cancelled" });
    await eventually(
      async () => ((await auth.getUser(uid)).customClaims?.role === "member" ? true : undefined),
      "member claims again",
    );
    expect((await db.doc("committee/AR").get()).exists).toBe(false);
  });
});
