// Demo accounts of the console, created in the Auth emulator by `npm start` and `npm test`:
//   FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099 FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 node scripts/demo-accounts.mjs
// These passwords exist only in the emulator; a real project never gets these accounts.
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { PROJECT_ID } from "./emulators.mjs";
import { isMain } from "./process.mjs";

/**
 * @param {{ languages?: string[]; shareEmail?: boolean }} [directory] the person's directory entry (demo data)
 */
const demo = (key, role, countryId, name, lang, directory = {}) => ({
  directory,
  role,
  countryId,
  uid: `demo-${key}`,
  memberId: `demo-${key}`,
  name,
  lang,
  email: `${key}@demo.compraspublicas.org`,
  password: `demo-${key}-2005`,
});

/**
 * One login per role of functions/src/model/roles.ts (a unit test keeps them equal): two
 * committee representatives of different seat-holding countries, so one can publish what the
 * other wrote, a member of a country without a seat, and a representative of that country
 * assigned `committee`, who acts as committee only once the country holds a seat.
 */
export const DEMO_ACCOUNTS = [
  demo("secretariat", "secretariat", undefined, "Demo Secretaría / Secretariat", "es"),
  // Directory entries, demo data like the accounts: Chile's and Mexico's share their address, so
  // the member of Mexico can find and write to a colleague of Chile; Peru's shares nothing.
  demo("committee-cl", "committee", "CL", "Demo Comité Chile", "es", { languages: ["es", "en"], shareEmail: true }),
  demo("committee-pe", "committee", "PE", "Demo Comité Perú", "es", { languages: ["es"] }),
  demo("member-mx", "member", "MX", "Demo Miembro México", "es", { languages: ["es"], shareEmail: true }),
  // Assigned `committee` by a country without a seat: acts as a member until Mexico hosts a
  // published event (the Santiago rule), then as committee, with no role touched by hand.
  demo("committee-mx", "committee", "MX", "Demo Comité México", "es"),
];

/**
 * The person record each demo account is linked to (never shown publicly), with the directory
 * entry's fields a person edits kept from an earlier run: the person's own edits survive a restart.
 */
const personOf = (account, existing) => ({
  id: account.memberId,
  name: account.name,
  ...(account.countryId ? { countryId: account.countryId } : {}),
  preferredLanguage: account.lang,
  timeZone: "America/Santiago",
  public: false,
  source: "Demo account of the emulator (scripts/demo-accounts.mjs)",
  ...(account.directory.languages ? { languages: account.directory.languages } : {}),
  ...(existing ? pickDefined(existing, ["name", "title", "languages", "confirmedAt"]) : {}),
});

/** The private contact of a demo person: the login's address, shared as the demo says unless the person changed it since. */
const contactOf = (account, existing) => ({
  id: account.memberId,
  email: account.email,
  share: { email: account.directory.shareEmail === true, phone: false },
  ...(existing ? pickDefined(existing, ["phone", "share"]) : {}),
});

const pickDefined = (record, keys) =>
  Object.fromEntries(keys.flatMap((k) => (record[k] === undefined ? [] : [[k, record[k]]])));

/** The `accounts` record of a demo login (tests that keep their records in a project of their own write it there too). */
export const accountOf = (account) => ({
  id: account.uid,
  memberId: account.memberId,
  role: account.role,
  ...(account.countryId ? { countryId: account.countryId } : {}),
  lang: account.lang,
});

/**
 * Creates the demo accounts in the Auth emulator at `authHost` with their person and account
 * records in the Firestore emulator at `firestoreHost`, or brings existing ones back to their demo
 * password and role, so running it again changes nothing. The claims come from the same code as
 * the accounts trigger, applied at once, so a login works before any trigger has run.
 */
export async function ensureDemoAccounts({ projectId, authHost, firestoreHost }) {
  // firebase-admin talks to the emulators only through these variables; without them the
  // accounts would go to the real project of that id.
  process.env.FIREBASE_AUTH_EMULATOR_HOST = authHost;
  process.env.FIRESTORE_EMULATOR_HOST = firestoreHost;
  // Built by `npm run build`, which npm start and npm test run first.
  const { syncAccountClaims } = await import("../functions/lib/committee/accounts/claims.js");
  const { AccountSchema, MemberSchema, MemberContactSchema, DIRECTORY_COLLECTION, sharedContactOf } = await import(
    "../functions/lib/model/index.js"
  );
  const app = initializeApp({ projectId }, `demo-accounts-${Date.now()}`);
  try {
    const auth = getAuth(app);
    const db = getFirestore(app);
    for (const account of DEMO_ACCOUNTS) {
      const profile = {
        email: account.email,
        password: account.password,
        emailVerified: true,
        displayName: account.name,
        disabled: false,
      };
      const existing = await auth.getUserByEmail(account.email).catch((error) => {
        if (error.code === "auth/user-not-found") return undefined;
        throw error;
      });
      if (existing) await auth.updateUser(existing.uid, profile);
      else await auth.createUser({ uid: account.uid, ...profile });
      const [person, contact] = await Promise.all([
        db.doc(`members/${account.memberId}`).get(),
        db.doc(`memberContacts/${account.memberId}`).get(),
      ]);
      const batch = db.batch();
      batch.set(db.doc(`members/${account.memberId}`), MemberSchema.parse(personOf(account, person.data())));
      const privateContact = MemberContactSchema.parse(contactOf(account, contact.data()));
      batch.set(db.doc(`memberContacts/${account.memberId}`), privateContact);
      // What the person shares, as the console's directory reads it (committee/directory/entry.ts writes it the same way).
      batch.set(db.doc(`${DIRECTORY_COLLECTION}/${account.memberId}`), sharedContactOf(privateContact));
      batch.set(db.doc(`accounts/${account.uid}`), AccountSchema.parse(accountOf(account)));
      await batch.commit();
      await syncAccountClaims({ db, auth, clock: () => new Date() }, account.uid);
    }
    return DEMO_ACCOUNTS;
  } finally {
    await deleteApp(app);
  }
}

if (isMain(import.meta.url)) {
  const authHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  const firestoreHost = process.env.FIRESTORE_EMULATOR_HOST;
  if (!authHost || !firestoreHost) {
    console.error(
      "FIREBASE_AUTH_EMULATOR_HOST and FIRESTORE_EMULATOR_HOST must be set: demo accounts are only ever created in the emulators.",
    );
    process.exit(2);
  }
  const projectId = process.env.GCLOUD_PROJECT ?? PROJECT_ID;
  await ensureDemoAccounts({ projectId, authHost, firestoreHost });
  console.log(`Demo accounts ready in ${projectId}: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}.`);
}
