import { createRequire } from "node:module";
import type { Firestore } from "firebase-admin/firestore";
import { afterAll } from "vitest";
import { clearFirestore, emulatorHost } from "./emulator-suite.js";

// The Admin SDK the functions' code runs with (functions/node_modules): a server timestamp made
// by one copy of the library cannot be written through another copy's client, so a test that
// runs the functions' code in-process writes through this copy.
const fromFunctions = createRequire(new URL("../../functions/package.json", import.meta.url));
export const functionsApp = fromFunctions("firebase-admin/app") as typeof import("firebase-admin/app");
export const functionsFirestoreSdk = fromFunctions(
  "firebase-admin/firestore",
) as typeof import("firebase-admin/firestore");

/**
 * Firestore of project `projectId` on the emulator, through the functions' Admin SDK, for the
 * test file that calls it (at its top level): after the file's tests the project's documents are
 * deleted and the app closed. Each file names a project of its own, so files running side by side
 * never see each other's data.
 */
export function emulatedProject(projectId: string): Firestore {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  const app = functionsApp.initializeApp({ projectId }, projectId);
  afterAll(async () => {
    await clearFirestore(projectId);
    await functionsApp.deleteApp(app);
  });
  return functionsFirestoreSdk.getFirestore(app);
}
