// What `npm start` and `npm test` share about the Firebase Emulator Suite.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ID, ROOT } from "./emulators.mjs";
import { run, withLocalBin } from "./process.mjs";

export const EMULATORS = "auth,functions,firestore,hosting,pubsub";

/** host:port of each emulator, as firebase.json configures them. */
export function emulatorHosts() {
  const config = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8")).emulators;
  const host = (name) => `${config[name].host}:${config[name].port}`;
  return {
    auth: host("auth"),
    firestore: host("firestore"),
    functions: host("functions"),
    hosting: host("hosting"),
    pubsub: host("pubsub"),
  };
}

/**
 * The environment for `firebase emulators:*`: the emulator binaries found by emulators.mjs,
 * and node_modules/.bin first on PATH, so the pinned firebase-tools runs on the pinned Node 22
 * (which is also the runtime the functions emulator then uses).
 */
export function suiteEnv(binaries) {
  return withLocalBin({ ...process.env, ...binaries });
}

/** `firebase <command> --project demo-compraspublicas --only <EMULATORS> ...rest`. */
export function firebaseArgs(command, ...rest) {
  return [command, "--project", PROJECT_ID, "--only", EMULATORS, ...rest];
}

/** Loads seed/ into the emulated Firestore of the demo project and rebuilds the public view. */
export function loadSeed(env) {
  return run("node", ["functions/lib/seed/cli.js", "seed"], {
    env: { ...env, FIRESTORE_EMULATOR_HOST: emulatorHosts().firestore, GCLOUD_PROJECT: PROJECT_ID },
  });
}
