import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { emulatorHost } from "./emulator-suite.js";

/** The project npm test starts the emulators for, where the demo logins exist. */
export const DEMO_PROJECT = "demo-compraspublicas";

/** A signed-in account of the demo project that no person claims (see console-callers.ts). */
export const NO_PERSON = {
  uid: "test-no-person",
  email: "no-person@demo-tests.compraspublicas.org",
  password: "no-person-2005",
  // Its address proved, as after an email-link sign-in: it may accept an invitation to it.
  emailVerified: true,
};

/**
 * Vitest's global setup of the emulator projects: the Auth accounts every test file shares are
 * created here, once, before any file runs, so files running side by side only ever read them
 * (two files creating the same account at once would make one of them fail).
 */
export default async function setup(): Promise<void> {
  emulatorHost("FIREBASE_AUTH_EMULATOR_HOST");
  const app = initializeApp({ projectId: DEMO_PROJECT }, `shared-accounts-${process.pid}`);
  try {
    const auth = getAuth(app);
    const existing = await auth.getUser(NO_PERSON.uid).catch((error: { code?: string }) => {
      if (error.code === "auth/user-not-found") return undefined;
      throw error;
    });
    if (existing) {
      await auth.updateUser(NO_PERSON.uid, {
        email: NO_PERSON.email,
        password: NO_PERSON.password,
        emailVerified: NO_PERSON.emailVerified,
      });
    } else {
      // The integration and e2e projects each run this setup, possibly at the same moment.
      await auth.createUser(NO_PERSON).catch((error: { code?: string }) => {
        if (error.code !== "auth/uid-already-exists") throw error;
      });
    }
  } finally {
    await deleteApp(app);
  }
}
