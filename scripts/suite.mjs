// What `npm start` and `npm test` share about the Firebase Emulator Suite.
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import parseCsp from "content-security-policy-parser";
import { PROJECT_ID, ROOT } from "./emulators.mjs";
import { run, withLocalBin } from "./process.mjs";

const EMULATORS = "auth,functions,firestore,hosting,pubsub";

/**
 * The port the Hosting emulator serves the console's site on. firebase.json can set the port of
 * the first Hosting site only: firebase-tools 14 serves site i (from 0) of the `hosting` array on
 * the first's port + 4 + i, moving up past the Functions emulator's 5001 and any port in use
 * (serve/hosting.js, `start`). The console is site 1, so its port is the first's + 5, and
 * `assertConsolePortFree` makes sure the emulator does not have to move it.
 */
export function consoleHostingPort(emulators) {
  return emulators.hosting.port + 5;
}

/** host:port of each emulator, as firebase.json configures them, and of the console's site. */
export function emulatorHosts() {
  const config = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8")).emulators;
  const host = (name) => `${config[name].host}:${config[name].port}`;
  return {
    auth: host("auth"),
    firestore: host("firestore"),
    functions: host("functions"),
    hosting: host("hosting"),
    console: `${config.hosting.host}:${consoleHostingPort(config)}`,
    pubsub: host("pubsub"),
  };
}

/** The console's origin on the emulators (functions/.env.local's CONSOLE_ORIGIN says the same). */
export function emulatorConsoleOrigin() {
  return `http://${emulatorHosts().console}`;
}

/**
 * Fails, saying why, when something already listens on the console's port: firebase-tools would
 * quietly serve the console one port up, where neither the tests, nor the invitation links, nor
 * the public site's redirect would find it.
 */
export async function assertConsolePortFree() {
  const [host, port] = emulatorHosts().console.split(":");
  const free = await new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(Number(port), host, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new Error(
      `port ${port} on ${host} is in use: the Hosting emulator serves the committee console there (the public site's port + 5); stop what holds it (another \`npm start\`?) and try again.`,
    );
  }
}

/**
 * The environment for `firebase emulators:*`: the emulator binaries found by emulators.mjs,
 * and node_modules/.bin first on PATH, so the pinned firebase-tools runs on the pinned Node 22
 * (which is also the runtime the functions emulator then uses).
 */
export function suiteEnv(binaries) {
  return withLocalBin({ ...process.env, ...binaries });
}

/**
 * The emulators' copy of firebase.json, written by firebaseArgs beside it (so every path in it
 * means the same) and ignored by git.
 */
const EMULATOR_CONFIG = "firebase.emulators.json";

/**
 * firebase.json as the emulators need it. Its console CSP is production's and names no local
 * address; on the emulators the console talks to the Auth, Firestore and Functions emulators
 * (hosting/console/), so their addresses join `connect-src` there. The public site's redirect
 * of /console/ names the production console; here it leads to the emulated one. Nothing else
 * changes.
 */
export function emulatorFirebaseConfig(config) {
  const sources = ["auth", "firestore", "functions"].flatMap((name) => {
    const { port } = config.emulators[name];
    // The console reaches the emulators on the host name it was opened with.
    return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  });
  const allowEmulators = (header) =>
    header.key.toLowerCase() === "content-security-policy"
      ? { ...header, value: withConnectSources(header.value, sources) }
      : header;
  const consoleOrigin = `http://${config.emulators.hosting.host}:${consoleHostingPort(config.emulators)}`;
  const toLocalConsole = (redirect) =>
    redirect.source.startsWith("/console")
      ? { ...redirect, destination: `${consoleOrigin}${new URL(redirect.destination).pathname}` }
      : redirect;
  const hosting = config.hosting.map((site) => ({
    ...site,
    headers: site.headers?.map((rule) => ({ ...rule, headers: rule.headers.map(allowEmulators) })),
    redirects: site.redirects?.map(toLocalConsole),
  }));
  return { ...config, hosting };
}

function withConnectSources(policy, sources) {
  const directives = parseCsp(policy);
  const connect = directives.get("connect-src") ?? directives.get("default-src") ?? [];
  directives.set("connect-src", [...connect, ...sources]);
  return [...directives].map(([name, values]) => [name, ...values].join(" ")).join("; ");
}

/**
 * `firebase <command> --config firebase.emulators.json --project demo-compraspublicas --only
 * <EMULATORS> ...rest`, after writing firebase.emulators.json from firebase.json.
 */
export function firebaseArgs(command, ...rest) {
  const config = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8"));
  writeFileSync(join(ROOT, EMULATOR_CONFIG), `${JSON.stringify(emulatorFirebaseConfig(config), null, 2)}\n`);
  return [command, "--config", EMULATOR_CONFIG, "--project", PROJECT_ID, "--only", EMULATORS, ...rest];
}

/** Loads seed/ into the emulated Firestore of the demo project and rebuilds the public view. */
export function loadSeed(env) {
  return run("node", ["functions/lib/seed/cli.js", "seed"], {
    env: { ...env, FIRESTORE_EMULATOR_HOST: emulatorHosts().firestore, GCLOUD_PROJECT: PROJECT_ID },
  });
}
