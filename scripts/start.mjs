// `npm start`: builds, starts the local mailbox (MailDev) and the Firebase emulators (Auth,
// Functions, Firestore, Hosting, Pub/Sub), loads the seed, creates the demo accounts and prints
// where to look.
// Ctrl-C stops every process it started, the Java emulators included.
import { spawn } from "node:child_process";
import { build } from "./build.mjs";
import { DEMO_ACCOUNTS, ensureDemoAccounts } from "./demo-accounts.mjs";
import { DEMO_EVENT_ID, ensureDemoEvent } from "./demo-event.mjs";
import { emulatorEnvironment, MissingToolError, PROJECT_ID, ROOT } from "./emulators.mjs";
import { startMailbox } from "./mailbox.mjs";
import { stopTree, waitFor } from "./process.mjs";
import { assertConsolePortFree, emulatorHosts, firebaseArgs, loadSeed, suiteEnv } from "./suite.mjs";

const STARTUP_MS = 180_000;

function fail(message) {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

let binaries;
try {
  binaries = emulatorEnvironment();
} catch (error) {
  if (error instanceof MissingToolError) fail(error.message);
  throw error;
}
const env = suiteEnv(binaries);
try {
  await build();
} catch (error) {
  fail(`the build failed: ${error.message}`);
}

try {
  await assertConsolePortFree();
} catch (error) {
  fail(error.message);
}

// Before the emulators, so the first email the functions send already has somewhere to land.
let mailbox;
try {
  mailbox = await startMailbox();
} catch (error) {
  fail(`the local mailbox (MailDev) could not start: ${error.message}`);
}

const hosts = emulatorHosts();
const url = (host, path = "/") => `http://${host}${path}`;
// Its own process group, so the terminal's Ctrl-C reaches only this script, which then stops
// the emulators in order instead of racing them.
const firebase = spawn("firebase", firebaseArgs("emulators:start"), {
  cwd: ROOT,
  env,
  stdio: "inherit",
  detached: true,
});
let exited;
let stopping = false;
firebase.on("error", (error) => fail(`could not run firebase-tools: ${error.message}`));
firebase.on("exit", (code, signal) => {
  exited = signal ?? `exit code ${code}`;
  if (!stopping) fail(`the emulators stopped unexpectedly (${exited}); see the messages above.`);
});

async function stop() {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the emulators...");
  await stopTree(firebase);
  await mailbox.stop();
  console.log("Stopped.");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, stop);

const answers = async (address) => {
  await fetch(address, { signal: AbortSignal.timeout(2000) });
  return true;
};
const abort = () => (exited ? `the emulators exited (${exited})` : undefined);
const ready = (what, check) => waitFor(check, { timeoutMs: STARTUP_MS, what, abort });

try {
  await ready(`Firestore emulator at ${hosts.firestore}`, () => answers(url(hosts.firestore)));
  await ensureDemoEvent({ projectId: PROJECT_ID, firestoreHost: hosts.firestore });
  await loadSeed(env);
  await ready(`Auth emulator at ${hosts.auth}`, () => answers(url(hosts.auth)));
  await ensureDemoAccounts({ projectId: PROJECT_ID, authHost: hosts.auth, firestoreHost: hosts.firestore });
  await ready(`the site function in the Functions emulator at ${hosts.functions}`, async () => {
    const response = await fetch(url(hosts.functions, "/backends"), { signal: AbortSignal.timeout(2000) });
    const { backends } = await response.json();
    return backends.some((b) => b.functionTriggers.some((t) => t.entryPoint === "site" || t.name === "site"));
  });
  await ready(`Hosting emulator at ${hosts.hosting}`, () => answers(url(hosts.hosting)));
  await ready(`the console's Hosting site at ${hosts.console}`, () => answers(url(hosts.console)));
} catch (error) {
  // Ctrl-C during startup makes the waits fail too; stop() is already ending the process.
  if (stopping) await new Promise(() => {});
  console.error(`\nnpm start: ${error.message}`);
  await stopTree(firebase);
  await mailbox.stop();
  process.exit(1);
}

const home = await fetch(url(hosts.hosting, "/es/")).catch((error) => ({ status: error.message }));
const site = url(hosts.hosting);
const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
console.log(
  [
    "",
    `The network's site is running on the Firebase emulators (project ${PROJECT_ID}).`,
    "",
    `  Site     ${site}  (Spanish ${site}es/, English ${site}en/)`,
    `  Console  ${url(hosts.console)}  (an origin of its own, as console.compraspublicas.org in production)`,
    `  Mailbox  ${mailbox.url}  (every email the emulated functions send, by SMTP to ${mailbox.smtp})`,
    "",
    `  Demo event  ${site}es/events/${DEMO_EVENT_ID}  (registration open, 3 places: README, "Try registration")`,
    "",
    "  Demo logins (they exist only in the Auth emulator):",
    ...DEMO_ACCOUNTS.map(
      (a) => `    ${a.role.padEnd(11)} ${(a.countryId ?? "").padEnd(2)}  ${a.email.padEnd(width)}  ${a.password}`,
    ),
    "",
    home.status >= 200 && home.status < 500
      ? "  Press Ctrl-C to stop everything."
      : `  Warning: ${site}es/ answered ${home.status}; see the function's log above. Ctrl-C stops everything.`,
    "",
  ].join("\n"),
);
