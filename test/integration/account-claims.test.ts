import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Auth, getAuth } from "firebase-admin/auth";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncAccountClaims } from "../../functions/src/committee/accounts/claims.js";
import type { Account } from "../../functions/src/model/index.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";

const PROJECT = "demo-account-claims";
const NOW = new Date("2026-03-01T12:00:00Z");
let app: ReturnType<typeof initializeApp>;
let auth: Auth;
let db: Firestore;
let deps: { db: Firestore; auth: Auth; clock: () => Date };

const peru: Account = { id: "rep-pe", memberId: "rep-pe", role: "committee", countryId: "PE" };

beforeAll(() => {
  emulatorHost("FIREBASE_AUTH_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT }, PROJECT);
  auth = getAuth(app);
  db = getFirestore(app);
  deps = { db, auth, clock: () => NOW };
});
afterAll(() => deleteApp(app));
beforeEach(async () => {
  await fetch(`http://${emulatorHost("FIREBASE_AUTH_EMULATOR_HOST")}/emulator/v1/projects/${PROJECT}/accounts`, {
    method: "DELETE",
  });
  await clearFirestore(PROJECT);
  await auth.createUser({ uid: peru.id, email: "rep-pe@example.org" });
});

const seat = (countryId: string) =>
  db.doc(`committee/${countryId}`).set({
    id: countryId,
    countryId,
    basis: "hosted",
    eventId: "an-event",
    since: "2005-06",
    source: "test",
  });

describe("account claims", () => {
  it("gives a committee representative of a seat-holding country the committee role and moves refreshTime", async () => {
    await seat("PE");
    await db.doc(`accounts/${peru.id}`).set(peru);
    expect(await syncAccountClaims(deps, peru.id)).toBe("updated");
    expect((await auth.getUser(peru.id)).customClaims).toEqual({
      role: "committee",
      memberId: "rep-pe",
      countryId: "PE",
      seat: true,
    });
    expect((await db.doc(`metadata/${peru.id}`).get()).data()).toEqual({ refreshTime: NOW.getTime() });
  });

  it("lets a committee representative act only as a member while the country holds no seat", async () => {
    await db.doc(`accounts/${peru.id}`).set(peru);
    await syncAccountClaims(deps, peru.id);
    expect((await auth.getUser(peru.id)).customClaims).toMatchObject({ role: "member", seat: false });
  });

  it("leaves claims and refreshTime alone when nothing changed", async () => {
    await db.doc(`accounts/${peru.id}`).set(peru);
    await syncAccountClaims(deps, peru.id);
    const later = { ...deps, clock: () => new Date(NOW.getTime() + 60_000) };
    expect(await syncAccountClaims(later, peru.id)).toBe("unchanged");
    expect((await db.doc(`metadata/${peru.id}`).get()).get("refreshTime")).toBe(NOW.getTime());
  });

  it("clears the claims and revokes the refresh tokens when the account is removed", async () => {
    await db.doc(`accounts/${peru.id}`).set(peru);
    await syncAccountClaims(deps, peru.id);
    // A new user has no tokensValidAfterTime; revoking sets it to now, to the second.
    const revokedFrom = Math.floor(Date.now() / 1000) * 1000;
    await db.doc(`accounts/${peru.id}`).delete();
    expect(await syncAccountClaims(deps, peru.id, peru)).toBe("revoked");
    const user = await auth.getUser(peru.id);
    expect(user.customClaims ?? {}).toEqual({});
    expect(Date.parse(user.tokensValidAfterTime ?? "")).toBeGreaterThanOrEqual(revokedFrom);
  });

  it("revokes the refresh tokens when the role is lowered", async () => {
    const secretariat: Account = { id: peru.id, memberId: "rep-pe", role: "secretariat" };
    await db.doc(`accounts/${peru.id}`).set({ ...peru, role: "member" });
    const revokedFrom = Math.floor(Date.now() / 1000) * 1000;
    expect(await syncAccountClaims(deps, peru.id, secretariat)).toBe("revoked");
    const user = await auth.getUser(peru.id);
    expect(user.customClaims).toMatchObject({ role: "member" });
    expect(Date.parse(user.tokensValidAfterTime ?? "")).toBeGreaterThanOrEqual(revokedFrom);
  });

  it("writes nothing for an account whose Auth user does not exist yet", async () => {
    await db.doc("accounts/nobody-yet").set({ ...peru, id: "nobody-yet" });
    expect(await syncAccountClaims(deps, "nobody-yet")).toBe("no-user");
    expect((await db.doc("metadata/nobody-yet").get()).exists).toBe(false);
  });
});

describe("the accounts trigger (Functions emulator, demo project)", () => {
  it("mirrors a new account into the custom claims without anyone calling it", async () => {
    const demo = initializeApp({ projectId: "demo-compraspublicas" }, "account-claims-trigger");
    const demoAuth = getAuth(demo);
    const demoDb = getFirestore(demo);
    const uid = "claims-trigger-test";
    try {
      await demoAuth.deleteUser(uid).catch(() => undefined);
      await demoAuth.createUser({ uid, email: "claims-trigger@example.org" });
      await demoDb
        .doc(`accounts/${uid}`)
        .set({ id: uid, memberId: "claims-trigger-test", role: "member", countryId: "MX" });
      const claims = await eventually(async () => (await demoAuth.getUser(uid)).customClaims, "the claims trigger");
      expect(claims).toEqual({ role: "member", memberId: "claims-trigger-test", countryId: "MX", seat: false });
      expect((await demoDb.doc(`metadata/${uid}`).get()).get("refreshTime")).toBeTypeOf("number");
    } finally {
      await demoDb.doc(`accounts/${uid}`).delete();
      await demoDb.doc(`metadata/${uid}`).delete();
      await demoAuth.deleteUser(uid).catch(() => undefined);
      await deleteApp(demo);
    }
  });
});
