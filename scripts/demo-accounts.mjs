// One demo account per console role, created in the Auth emulator by `npm start` and `npm test`:
//   FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099 node scripts/demo-accounts.mjs
// These passwords exist only in the emulator; a real project never gets these accounts.
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { PROJECT_ID } from "./emulators.mjs";
import { isMain } from "./process.mjs";

/** Must match ROLES in functions/src/model/roles.ts (a unit test keeps them equal). */
export const DEMO_ACCOUNTS = [
  { role: "admin", uid: "demo-admin", email: "admin@demo.compraspublicas.org", password: "demo-admin-2005" },
  { role: "editor", uid: "demo-editor", email: "editor@demo.compraspublicas.org", password: "demo-editor-2005" },
  {
    role: "reviewer",
    uid: "demo-reviewer",
    email: "reviewer@demo.compraspublicas.org",
    password: "demo-reviewer-2005",
  },
];

/**
 * Creates the demo accounts in the Auth emulator at `authHost`, or brings existing ones back to
 * their demo password and role, so running it again changes nothing.
 */
export async function ensureDemoAccounts({ projectId, authHost }) {
  // firebase-admin talks to the Auth emulator only through this variable; without it the
  // accounts would go to the real project of that id.
  process.env.FIREBASE_AUTH_EMULATOR_HOST = authHost;
  const app = initializeApp({ projectId }, `demo-accounts-${Date.now()}`);
  try {
    const auth = getAuth(app);
    for (const account of DEMO_ACCOUNTS) {
      const profile = {
        email: account.email,
        password: account.password,
        emailVerified: true,
        displayName: `Demo ${account.role}`,
        disabled: false,
      };
      const existing = await auth.getUserByEmail(account.email).catch((error) => {
        if (error.code === "auth/user-not-found") return undefined;
        throw error;
      });
      const uid = existing
        ? (await auth.updateUser(existing.uid, profile)).uid
        : (await auth.createUser({ uid: account.uid, ...profile })).uid;
      await auth.setCustomUserClaims(uid, { role: account.role });
    }
    return DEMO_ACCOUNTS;
  } finally {
    await deleteApp(app);
  }
}

if (isMain(import.meta.url)) {
  const authHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!authHost) {
    console.error("FIREBASE_AUTH_EMULATOR_HOST is not set: demo accounts are only ever created in the Auth emulator.");
    process.exit(2);
  }
  const projectId = process.env.GCLOUD_PROJECT ?? PROJECT_ID;
  await ensureDemoAccounts({ projectId, authHost });
  console.log(`Demo accounts ready in ${projectId}: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}.`);
}
