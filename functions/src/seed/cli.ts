// Loads the seed into the Firestore emulator and rebuilds the public view:
//   FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 node functions/lib/seed/cli.js [seed-dir]
import { resolve } from "node:path";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { rebuildPublicView } from "../views/view-writer.js";
import { loadSeed } from "./load-seed.js";
import { SeedFileError } from "./read-seed.js";
import { SeedValidationError } from "./validate-seed.js";

const dir = resolve(process.argv[2] ?? "seed");
if (!process.env.FIRESTORE_EMULATOR_HOST && process.env.SEED_ALLOW_PRODUCTION !== "1") {
  console.error(
    "FIRESTORE_EMULATOR_HOST is not set: refusing to write the seed to a real project (set SEED_ALLOW_PRODUCTION=1 to do so on purpose).",
  );
  process.exit(2);
}
if (getApps().length === 0) initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? "demo-compraspublicas" });
const db = getFirestore();
try {
  const records = await loadSeed(db, dir);
  const view = await rebuildPublicView(db);
  const counts = Object.entries(records).map(([name, list]) => `${list.length} ${name}`);
  console.log(`Seed loaded from ${dir}: ${counts.join(", ")}. Public view ${view.version}.`);
} catch (error) {
  if (error instanceof SeedValidationError || error instanceof SeedFileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
