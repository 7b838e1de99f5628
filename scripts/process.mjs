// Small helpers for running child processes from the npm scripts.
import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ROOT } from "./emulators.mjs";

/** True when the module at `url` is the script node was started with. */
export function isMain(url) {
  return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(url));
}

/**
 * Runs a command in the repository root with inherited output; resolves when it exits with 0,
 * rejects with an error naming the command otherwise.
 */
export function run(cmd, args, { env = process.env, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${[cmd, ...args].join(" ")}\` failed (${signal ?? `exit code ${code}`}).`));
    });
  });
}
