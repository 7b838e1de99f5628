import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Auth, getAuth } from "firebase-admin/auth";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommitteeSeatSchema, converterFor, effectiveRole } from "../../functions/src/model/index.js";
import { DEMO_ACCOUNTS, ensureDemoAccounts } from "../../scripts/demo-accounts.mjs";
import { DEMO_PROJECT } from "../support/console-callers.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";

// A project of its own, so the accounts in the demo project stay as npm start/test made them.
const PROJECT = "demo-accounts-test";
const seeded = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../../seed/committee.json"), "utf8")) as unknown[]
).map((seat) => CommitteeSeatSchema.parse(seat));
const seats = new Set(seeded.map((s) => s.countryId));
const expectedRole = (a: (typeof DEMO_ACCOUNTS)[number]) =>
  a.role === "committee" && !seats.has(a.countryId ?? "") ? "member" : a.role;

let authHost: string;
let firestoreHost: string;
let app: ReturnType<typeof initializeApp>;
let auth: Auth;
let db: Firestore;
beforeAll(async () => {
  authHost = emulatorHost("FIREBASE_AUTH_EMULATOR_HOST");
  firestoreHost = emulatorHost("FIRESTORE_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT }, "demo-accounts-test");
  auth = getAuth(app);
  db = getFirestore(app);
  await fetch(`http://${authHost}/emulator/v1/projects/${PROJECT}/accounts`, { method: "DELETE" });
  await clearFirestore(PROJECT);
  const committee = db.collection("committee").withConverter(converterFor("committee"));
  for (const seat of seeded) await committee.doc(seat.id).set(seat);
});
afterAll(() => deleteApp(app));

describe("ensureDemoAccounts", () => {
  it("creates one verified account per demo login, linked to its person, with the claims of its role and seat", async () => {
    await ensureDemoAccounts({ projectId: PROJECT, authHost, firestoreHost });
    for (const account of DEMO_ACCOUNTS) {
      const user = await auth.getUserByEmail(account.email);
      expect(user.uid).toBe(account.uid);
      expect(user.emailVerified).toBe(true);
      expect(user.customClaims).toEqual({
        role: expectedRole(account),
        memberId: account.memberId,
        ...(account.countryId ? { countryId: account.countryId } : {}),
        seat: seats.has(account.countryId ?? ""),
      });
      expect((await db.doc(`members/${account.memberId}`).get()).get("public")).toBe(false);
      expect((await db.doc(`accounts/${account.uid}`).get()).data()).toMatchObject({
        memberId: account.memberId,
        role: account.role,
      });
    }
    // The directory shows what each demo person shares, and nothing they do not.
    for (const account of DEMO_ACCOUNTS) {
      const shared = account.directory.shareEmail === true;
      expect((await db.doc(`directory/${account.memberId}`).get()).data()).toEqual({
        id: account.memberId,
        ...(shared ? { email: account.email } : {}),
      });
    }
    expect(DEMO_ACCOUNTS.filter((a) => a.directory.shareEmail).map((a) => a.countryId)).toEqual(["CL", "MX"]);
    // Both committee logins really act as committee: the seed gives their countries a seat.
    expect(DEMO_ACCOUNTS.filter((a) => expectedRole(a) === "committee")).toHaveLength(2);
  });

  it("restores a changed role when run again, without adding accounts", async () => {
    await ensureDemoAccounts({ projectId: PROJECT, authHost, firestoreHost });
    const [secretariat] = DEMO_ACCOUNTS;
    if (!secretariat) throw new Error("no demo accounts");
    await auth.setCustomUserClaims(secretariat.uid, { role: "member" });
    await auth.updateUser(secretariat.uid, { disabled: true });
    await db.doc(`accounts/${secretariat.uid}`).update({ role: "member" });

    await ensureDemoAccounts({ projectId: PROJECT, authHost, firestoreHost });
    const user = await auth.getUser(secretariat.uid);
    expect(user.customClaims?.role).toBe("secretariat");
    expect(user.disabled).toBe(false);
    expect((await db.doc(`accounts/${secretariat.uid}`).get()).get("role")).toBe("secretariat");
    expect((await auth.listUsers()).users).toHaveLength(DEMO_ACCOUNTS.length);
  });
});

describe("the demo logins of the demo project", () => {
  // The Auth emulator signs in only against the project the suite was started for, which is
  // where npm start and npm test create the demo accounts. No integration file changes these
  // logins' claims or their countries' seats there (files calling as them link them in projects
  // of their own, whose claims stay in that project's Auth: see openCallableProject), and the
  // browser journeys that give Mexico a seat run after this file (vitest.config.ts). The seed's
  // seat triggers may still be catching up, so each role is checked against the seats as they
  // are, once the claims have followed.
  it("sign in with the passwords npm start prints, carrying their role", async () => {
    const demo = initializeApp({ projectId: DEMO_PROJECT }, "demo-accounts-demo-project");
    try {
      const seatsNow = getFirestore(demo).collection("committee");
      for (const account of DEMO_ACCOUNTS) {
        await eventually(async () => {
          const response = await fetch(
            `http://${authHost}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
            {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ email: account.email, password: account.password, returnSecureToken: true }),
            },
          );
          expect(response.status, account.email).toBe(200);
          const { idToken } = (await response.json()) as { idToken: string };
          const claims = JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8"));
          const seated = account.countryId ? (await seatsNow.doc(account.countryId).get()).exists : false;
          return claims.role === effectiveRole(account.role, seated) ? true : undefined;
        }, `${account.email} carrying the role its seat gives`);
      }
    } finally {
      await deleteApp(demo);
    }
  });
});
