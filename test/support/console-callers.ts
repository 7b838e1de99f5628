import { type App, deleteApp, initializeApp } from "firebase-admin/app";
import { type Auth, getAuth } from "firebase-admin/auth";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import type { CommitteeRequest } from "../../functions/src/committee/callable.js";
import {
  ACCOUNTS_COLLECTION,
  AccountSchema,
  COLLECTIONS,
  CommitteeSeatSchema,
  SEAT_OVERRIDES_COLLECTION,
  SeatOverrideSchema,
} from "../../functions/src/model/index.js";
import { accountOf, DEMO_ACCOUNTS, ensureDemoAccounts } from "../../scripts/demo-accounts.mjs";
import { clearFirestore, emulatorHost } from "./emulator-suite.js";
import { DEMO_PROJECT, NO_PERSON } from "./shared-accounts.js";

export { DEMO_PROJECT, NO_PERSON };

/** The demo login `demo-<key>` ("committee-cl", "member-mx", "secretariat"): its address, password and name. */
export function demoLogin(key: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.uid === `demo-${key}`);
  if (!account) throw new Error(`no demo account ${key}`);
  return account;
}

/** Makes sure every demo login exists in the demo project with its role and records, as `npm run demo` leaves them. */
export async function ensureDemoLogins(): Promise<void> {
  await ensureDemoAccounts({
    projectId: DEMO_PROJECT,
    authHost: emulatorHost("FIREBASE_AUTH_EMULATOR_HOST"),
    firestoreHost: emulatorHost("FIRESTORE_EMULATOR_HOST"),
  });
}

/** A real ID token from the Auth emulator for an email and password of the demo project. */
export async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(
    `http://${emulatorHost("FIREBASE_AUTH_EMULATOR_HOST")}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
    },
  );
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { idToken: string }).idToken;
}

/**
 * Who calls a console function in the tests: the demo logins (their claims set by the accounts
 * code), a signed-in account no person claims (created once before the files run, in
 * shared-accounts.ts), and nobody. Each comes with the token the Auth
 * emulator issued, decoded and verified by the Admin SDK, as the Functions runtime does.
 */
export type Caller = "anonymous" | "no-person" | "member" | "committee-cl" | "committee-pe" | "secretariat";

export interface Callers {
  request(caller: Caller, data: unknown): CommitteeRequest;
  idToken(caller: Caller): string | undefined;
  close(): Promise<void>;
}

/**
 * The callables read the caller's account and seat from the database they act on, on every call.
 * Tests that keep their records in a project of their own link the demo logins there: each demo
 * account's record, and a seat for each demo committee country that has none yet (a test that
 * loaded the seed keeps the seed's Santiago-rule seats).
 */
// The committee callers' countries. The demo's Mexican committee login has no seat until an event
// gives Mexico one, in the tests as in the demo.
const SEATED_CALLERS = ["CL", "PE"];

export async function linkDemoAccounts(db: Firestore): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    await db
      .collection(ACCOUNTS_COLLECTION)
      .doc(account.uid)
      .set(AccountSchema.parse(accountOf(account)));
    if (account.role !== "committee" || !account.countryId || !SEATED_CALLERS.includes(account.countryId)) continue;
    // A manual seat as the secretariat would give it, so a test that recomputes the Santiago
    // rule over its own events keeps its committee callers.
    await db
      .collection(SEAT_OVERRIDES_COLLECTION)
      .doc(account.countryId)
      .set(
        SeatOverrideSchema.parse({
          countryId: account.countryId,
          seat: true,
          reason: "the demo committee login of the tests",
          by: "test-support",
          at: "2026-01-01T00:00:00.000Z",
        }),
      );
    const seat = db.collection(COLLECTIONS.committee.path).doc(account.countryId);
    if ((await seat.get()).exists) continue;
    await seat.set(
      CommitteeSeatSchema.parse({
        id: account.countryId,
        countryId: account.countryId,
        basis: "manual",
        reason: "the demo committee login of the tests",
        since: "2026",
        source: "test/support/console-callers.ts",
      }),
    );
  }
}

/** The demo logins with their real tokens; with `db`, also linked there (see linkDemoAccounts). */
export async function demoCallers(db?: Firestore): Promise<Callers> {
  if (db) await linkDemoAccounts(db);
  const app: App = initializeApp({ projectId: DEMO_PROJECT }, `callers-${Date.now()}`);
  const auth = getAuth(app);
  const logins: Record<Exclude<Caller, "anonymous">, { email: string; password: string }> = {
    "no-person": NO_PERSON,
    member: demo("member"),
    "committee-cl": demo("committee", "CL"),
    "committee-pe": demo("committee", "PE"),
    secretariat: demo("secretariat"),
  };
  const tokens = new Map<Caller, { idToken: string; decoded: Record<string, unknown> & { uid: string } }>();
  for (const [caller, login] of Object.entries(logins)) {
    const idToken = await signIn(login.email, login.password);
    tokens.set(caller as Caller, { idToken, decoded: { ...(await auth.verifyIdToken(idToken)) } });
  }
  return {
    request(caller, data) {
      const token = tokens.get(caller);
      return token ? { auth: { uid: token.decoded.uid, token: token.decoded }, data } : { data };
    },
    idToken: (caller) => tokens.get(caller)?.idToken,
    close: () => deleteApp(app),
  };
}

function demo(role: string, countryId?: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role && (countryId === undefined || a.countryId === countryId));
  if (!account) throw new Error(`no demo ${role} ${countryId ?? ""}`);
  return account;
}

/** A test file's own project for running the console's callables in-process; see openCallableProject. */
export interface CallableProject {
  db: Firestore;
  /** The project's own Auth, where no demo login exists. */
  auth: Auth;
  callers: Callers;
  close(): Promise<void>;
}

/**
 * Opens `projectId` for one test file: its Firestore emptied, `prepare` run on it (a seed, say),
 * then the demo logins linked there and their callers signed in. Callables given `auth` sync
 * claims (a seat given by hand moves them) into this project's Auth, where no demo login
 * exists, so the logins other files sign in with in the demo project keep the claims of their
 * role there.
 */
export async function openCallableProject(
  projectId: string,
  prepare?: (db: Firestore) => Promise<unknown>,
): Promise<CallableProject> {
  const app = initializeApp({ projectId }, projectId);
  const db = getFirestore(app);
  await clearFirestore(projectId);
  if (prepare) await prepare(db);
  const callers = await demoCallers(db);
  return {
    db,
    auth: getAuth(app),
    callers,
    close: async () => {
      await callers.close();
      await deleteApp(app);
    },
  };
}
