import { type FirebaseOptions, initializeApp } from "firebase/app";
import { browserLocalPersistence, connectAuthEmulator, initializeAuth } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore } from "firebase/firestore/lite";
import { connectFunctionsEmulator, getFunctions } from "firebase/functions";

async function firebaseConfig(): Promise<FirebaseOptions> {
  // Firebase Hosting (and its emulator) serve the project's web config on every site of the
  // project, so the console's own origin has it too. Its authDomain stays the project's
  // firebaseapp.com, which Auth trusts; the console's domain must be an authorized domain
  // of Firebase Auth for email-link sign-in (README, "Deploy").
  const response = await fetch("/__/firebase/init.json");
  if (!response.ok) throw new Error(`No Firebase configuration at /__/firebase/init.json (${response.status})`);
  return (await response.json()) as FirebaseOptions;
}

/** Whether the console is served locally, and so talks to the emulators. */
export const EMULATED = ["127.0.0.1", "localhost"].includes(location.hostname);

/**
 * On the emulators no email leaves the machine: the Auth emulator keeps the link it would have
 * sent (a sign-in or a verification link) at its out-of-band codes endpoint. The newest one for
 * `email`, so the console can offer it where a person would find it in their mailbox.
 */
export async function emulatedEmailLink(
  services: Services,
  email: string,
  requestType: "EMAIL_SIGNIN" | "VERIFY_EMAIL",
): Promise<string | undefined> {
  if (!EMULATED) return undefined;
  const project = services.auth.app.options.projectId;
  const url = `http://${location.hostname}:${__EMULATOR_PORTS__.auth}/emulator/v1/projects/${project}/oobCodes`;
  const response = await fetch(url).catch(() => undefined);
  if (!response?.ok) return undefined;
  const { oobCodes } = (await response.json()) as {
    oobCodes: { email: string; requestType: string; oobLink: string }[];
  };
  const address = email.toLowerCase();
  return oobCodes.filter((c) => c.email.toLowerCase() === address && c.requestType === requestType).at(-1)?.oobLink;
}

/** The console's Firebase services, on the emulators when the console itself is served locally. */
export async function connectFirebase() {
  const app = initializeApp(await firebaseConfig());
  // initializeAuth with one persistence and no popup resolver keeps the unused sign-in flows
  // (popups, redirects, phone) out of the bundle.
  const auth = initializeAuth(app, { persistence: browserLocalPersistence });
  const db = getFirestore(app);
  const functions = getFunctions(app, __REGION__);
  if (EMULATED) {
    const ports = __EMULATOR_PORTS__;
    connectAuthEmulator(auth, `http://${location.hostname}:${ports.auth}`, { disableWarnings: true });
    connectFirestoreEmulator(db, location.hostname, ports.firestore);
    connectFunctionsEmulator(functions, location.hostname, ports.functions);
  }
  return { auth, db, functions };
}

export type Services = Awaited<ReturnType<typeof connectFirebase>>;
