import { getApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";

/**
 * Firestore through the default Admin app, created on first use. `getApps()` is not a reliable
 * test for it: the Functions emulator may register apps of its own under other names.
 */
export function firestore(): Firestore {
  try {
    return getFirestore(getApp());
  } catch {
    return getFirestore(initializeApp());
  }
}
