import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emulatorConsoleOrigin } from "../../scripts/suite.mjs";

const config = JSON.parse(readFileSync(join(import.meta.dirname, "../../firebase.json"), "utf8")).emulators as Record<
  string,
  { host: string; port: number }
>;

/** The Hosting emulator's origin, as firebase.json configures it: the public site. */
export const HOSTING_ORIGIN = `http://${config.hosting?.host}:${config.hosting?.port}`;

/** The Functions emulator's origin: its callables answer at `${FUNCTIONS_ORIGIN}/<project>/<region>/<name>`. */
export const FUNCTIONS_ORIGIN = `http://${config.functions?.host}:${config.functions?.port}`;

/**
 * The committee console's origin on the emulators: a Hosting site of its own, on a port of its
 * own (scripts/suite.mjs says which). Every console test starts here.
 */
export const CONSOLE_ORIGIN = emulatorConsoleOrigin();

/** A console address: `consoleUrl()` is its home, `consoleUrl("#/documents/x")` a screen. */
export function consoleUrl(path = "/"): string {
  return new URL(path, `${CONSOLE_ORIGIN}/`).href;
}

/**
 * The emulator address `firebase emulators:exec` exports in `variable`. Without it the Admin SDK
 * would reach for a real project, so a test run outside the emulators stops here instead.
 */
export function emulatorHost(variable: "FIRESTORE_EMULATOR_HOST" | "FIREBASE_AUTH_EMULATOR_HOST"): string {
  const host = process.env[variable];
  if (!host) {
    throw new Error(`${variable} is not set: run this test through \`npm test\`, which starts the Firebase emulators.`);
  }
  return host;
}

/** Deletes every document of `projectId` in the Firestore emulator. */
export async function clearFirestore(projectId: string): Promise<void> {
  const host = emulatorHost("FIRESTORE_EMULATOR_HOST");
  const response = await fetch(`http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`, {
    method: "DELETE",
  });
  if (!response.ok)
    throw new Error(`Clearing the Firestore emulator failed: ${response.status} ${await response.text()}`);
}
