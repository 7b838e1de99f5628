// Constants Vite writes into the bundle from functions/src/config.ts (see vite.config.ts).
declare const __SITE_ORIGIN__: string;
declare const __REGION__: string;
/** The Auth, Firestore and Functions emulators' ports, from firebase.json. */
declare const __EMULATOR_PORTS__: { auth: number; firestore: number; functions: number };
