import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Auth, getAuth } from "firebase-admin/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, ensureDemoAccounts } from "../../scripts/demo-accounts.mjs";
import { emulatorHost } from "../support/emulator-suite.js";

// A project of its own, so the accounts in the demo project stay as npm start/test made them.
const PROJECT = "demo-accounts-test";

let authHost: string;
let app: ReturnType<typeof initializeApp>;
let auth: Auth;
beforeAll(async () => {
  authHost = emulatorHost("FIREBASE_AUTH_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT }, "demo-accounts-test");
  auth = getAuth(app);
  await fetch(`http://${authHost}/emulator/v1/projects/${PROJECT}/accounts`, { method: "DELETE" });
});
afterAll(() => deleteApp(app));

describe("ensureDemoAccounts", () => {
  it("creates one verified account per role carrying its role claim", async () => {
    await ensureDemoAccounts({ projectId: PROJECT, authHost });
    for (const account of DEMO_ACCOUNTS) {
      const user = await auth.getUserByEmail(account.email);
      expect(user.uid).toBe(account.uid);
      expect(user.emailVerified).toBe(true);
      expect(user.customClaims).toEqual({ role: account.role });
    }
  });

  it("restores a changed role when run again, without adding accounts", async () => {
    await ensureDemoAccounts({ projectId: PROJECT, authHost });
    const [admin] = DEMO_ACCOUNTS;
    if (!admin) throw new Error("no demo accounts");
    await auth.setCustomUserClaims(admin.uid, { role: "reviewer" });
    await auth.updateUser(admin.uid, { disabled: true });

    await ensureDemoAccounts({ projectId: PROJECT, authHost });
    const user = await auth.getUser(admin.uid);
    expect(user.customClaims).toEqual({ role: admin.role });
    expect(user.disabled).toBe(false);
    expect((await auth.listUsers()).users).toHaveLength(DEMO_ACCOUNTS.length);
  });
});

describe("the demo logins of the demo project", () => {
  // The Auth emulator signs in only against the project the suite was started for, which is
  // where npm start and npm test create the demo accounts.
  it("sign in with the passwords npm start prints", async () => {
    for (const account of DEMO_ACCOUNTS) {
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
      expect(claims.role).toBe(account.role);
    }
  });
});
