// Debian's Chromium drives the browser tests and Lighthouse; no browser is ever downloaded.
// When it is missing and this user may run apt (root, or sudo without a password), it is
// installed; otherwise the error says in one sentence what to run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
export const INSTALL_HINT = "sudo apt-get update && sudo apt-get install -y chromium";

/** The command prefix that runs apt-get as root, or null when this user cannot. */
export function aptRunner({ uid = process.getuid?.(), canSudo = passwordlessSudo } = {}) {
  if (uid === 0) return [];
  if (canSudo()) return ["sudo", "-n"];
  return null;
}

function passwordlessSudo() {
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
}

/**
 * Returns the Chromium path, installing Debian's package first when it is missing and apt is
 * usable. `runner` (see aptRunner) is worked out only when the browser is missing.
 * @param {{ path?: string, runner?: string[] | null, log?: (message: string) => void }} [options]
 */
export function ensureChromium({ path = CHROMIUM, runner, log = console.log } = {}) {
  if (existsSync(path)) return path;
  if (runner === undefined) runner = aptRunner();
  if (runner === null || !existsSync("/usr/bin/apt-get")) {
    throw new Error(`Chromium is missing at ${path}; install it with: ${INSTALL_HINT}`);
  }
  log("Chromium is missing; installing Debian's chromium package with apt-get.");
  const apt = (...args) => {
    const [cmd = "apt-get", ...rest] = [...runner, "apt-get", ...args];
    execFileSync(cmd, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  apt("update");
  apt("install", "-y", "chromium");
  if (!existsSync(path)) throw new Error(`apt-get installed chromium but ${path} is still missing.`);
  return path;
}
