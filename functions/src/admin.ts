import { type App, getApp, initializeApp } from "firebase-admin/app";
import { type Auth, getAuth } from "firebase-admin/auth";
import { type Firestore, getFirestore } from "firebase-admin/firestore";

/**
 * The default Admin app, created on first use. `getApps()` is not a reliable test for it: the
 * Functions emulator may register apps of its own under other names.
 */
function defaultApp(): App {
  try {
    return getApp();
  } catch {
    return initializeApp();
  }
}

/** Firestore through the default Admin app. */
export function firestore(): Firestore {
  return getFirestore(defaultApp());
}

/** Firebase Auth through the default Admin app. */
export function auth(): Auth {
  return getAuth(defaultApp());
}
