// Finds what the Firebase Emulator Suite needs on this machine and says clearly what is missing.
// The Firestore and Pub/Sub emulators come from the Google Cloud CLI when it is installed, so
// nothing has to be downloaded; where it is not, firebase-tools downloads its own (needs internet).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const PROJECT_ID = "demo-compraspublicas";

/** A missing prerequisite, with one sentence that names what to install. */
export class MissingToolError extends Error {
  name = "MissingToolError";
}

function defaultRun(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Works out the environment for `firebase emulators:*`.
 * `run` and `exists` are injectable so the messages can be tested without changing the machine.
 *
 * @param {{
 *   run?: (cmd: string, args: string[]) => string | undefined,
 *   exists?: (path: string) => boolean,
 *   cacheDir?: string,
 *   allowDownload?: boolean,
 * }} [options]
 * @returns {Record<string, string>}
 */
export function emulatorEnvironment({
  run = defaultRun,
  exists = existsSync,
  cacheDir = join(ROOT, ".emulators"),
  allowDownload = process.env.EMULATORS_ALLOW_DOWNLOAD === "1",
} = {}) {
  const javaVersion = run("java", ["-version"]);
  if (javaVersion === undefined) {
    throw new MissingToolError(
      "Java is not installed: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless) so the Firestore emulator can run.",
    );
  }
  const sdkRoot = process.env.CLOUDSDK_ROOT ?? run("gcloud", ["info", "--format=value(installation.sdk_root)"]);
  const firestoreJar = sdkRoot && join(sdkRoot, "platform/cloud-firestore-emulator/cloud-firestore-emulator.jar");
  const pubsub = sdkRoot && join(sdkRoot, "platform/pubsub-emulator/bin/cloud-pubsub-emulator");
  const env = {};
  if (firestoreJar && exists(firestoreJar)) {
    env.FIRESTORE_EMULATOR_BINARY_PATH = launcherJar(firestoreJar, cacheDir, run);
  } else if (!allowDownload) {
    throw new MissingToolError(
      "The Firestore emulator was not found: install the Google Cloud CLI with its Firestore emulator (gcloud components install cloud-firestore-emulator, or Debian: apt-get install google-cloud-cli-firestore-emulator), or set EMULATORS_ALLOW_DOWNLOAD=1 to let firebase-tools download it.",
    );
  }
  if (pubsub && exists(pubsub)) {
    env.PUBSUB_EMULATOR_BINARY_PATH = pubsub;
  } else if (!allowDownload) {
    throw new MissingToolError(
      "The Pub/Sub emulator was not found: install the Google Cloud CLI with its Pub/Sub emulator (gcloud components install pubsub-emulator, or Debian: apt-get install google-cloud-cli-pubsub-emulator), or set EMULATORS_ALLOW_DOWNLOAD=1 to let firebase-tools download it.",
    );
  }
  return env;
}

// firebase-tools runs the Firestore emulator as `java -jar <path>`, but the jar shipped with the
// Cloud CLI has no Main-Class. A manifest-only jar that names the class and puts the real jar on
// its class path makes `java -jar` work without touching the Cloud CLI's files.
function launcherJar(realJar, cacheDir, run) {
  const jarPath = join(cacheDir, "firestore-launcher.jar");
  const manifestPath = join(cacheDir, "MANIFEST.MF");
  const manifest = [
    "Manifest-Version: 1.0",
    "Main-Class: com.google.cloud.datastore.emulator.firestore.CloudFirestore",
    `Class-Path: file:${realJar}`,
    "",
  ].join("\n");
  const current = existsSync(manifestPath) ? readFileSync(manifestPath, "utf8") : "";
  if (current !== manifest || !existsSync(jarPath)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(manifestPath, manifest);
    if (run("jar", ["cfm", jarPath, manifestPath]) === undefined && !existsSync(jarPath)) {
      throw new MissingToolError(
        "The `jar` tool was not found: install a full JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless), not only a JRE.",
      );
    }
  }
  return jarPath;
}
