// Small helpers for running child processes from the npm scripts.
import { execFileSync, spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { ROOT } from "./emulators.mjs";

/** True when the module at `url` is the script node was started with. */
export function isMain(url) {
  return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(url));
}

/**
 * `env` with node_modules/.bin first on PATH, as npm scripts have it, so the pinned tools (and
 * the pinned Node 22) are found even when a script is started with plain `node`.
 */
export function withLocalBin(env = process.env) {
  return { ...env, PATH: [join(ROOT, "node_modules/.bin"), env.PATH].join(delimiter) };
}

/**
 * Runs a command in the repository root with inherited output; resolves when it exits with 0,
 * rejects with an error naming the command otherwise.
 */
export function run(cmd, args, { env = withLocalBin(), cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${[cmd, ...args].join(" ")}\` failed (${signal ?? `exit code ${code}`}).`));
    });
  });
}

/** Polls `check` until it returns true; rejects after `timeoutMs` or as soon as `abort()` returns a reason. */
export async function waitFor(check, { timeoutMs, what, abort = () => undefined, intervalMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = abort();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: still not ready after ${Math.round(timeoutMs / 1000)} s.`);
    await sleep(intervalMs);
  }
}

/** The ids of every process below `pid`, children first. */
export function descendants(pid) {
  const children = new Map();
  const table = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" });
  for (const line of table.trim().split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(child);
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops `child` (started with `detached: true`, so it leads its own process group) and every
 * process below it. firebase-tools starts the Java emulators in process groups of their own,
 * so signalling the group is not enough: the tree is listed first, the group gets SIGINT (the
 * emulators shut down cleanly and save nothing), and whatever still runs after `graceMs` is
 * killed by id.
 */
export async function stopTree(child, { graceMs = 15_000 } = {}) {
  if (child.pid === undefined) return;
  const tree = [child.pid, ...descendants(child.pid)];
  try {
    process.kill(-child.pid, "SIGINT");
  } catch {
    // The group is already gone.
  }
  const deadline = Date.now() + graceMs;
  while (tree.some(alive) && Date.now() < deadline) await sleep(200);
  for (const pid of tree.filter(alive)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // It ended between the check and the kill.
    }
  }
}
