// A private Firestore emulator for the bench: its own free port, so it never meets the suite
// that `npm test` or `npm start` runs on 8080, and stopped with the bench.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { emulatorEnvironment, ROOT } from "../../scripts/emulators.mjs";
import { waitFor } from "../../scripts/process.mjs";

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `java -jar .emulators/firestore-launcher.jar` on a free port (emulators.mjs builds the
 * launcher when it is missing) and resolves once it answers. `stop()` ends it and waits.
 */
export async function startFirestoreEmulator() {
  const jar = join(ROOT, ".emulators/firestore-launcher.jar");
  if (!existsSync(jar)) emulatorEnvironment();
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const child = spawn("java", ["-jar", jar, "--host=127.0.0.1", `--port=${port}`], {
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  let exited;
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.on("exit", (code, signal) => {
    exited = signal ?? `exit code ${code}`;
  });
  await waitFor(async () => (await fetch(`http://${host}/`, { signal: AbortSignal.timeout(1000) })).ok, {
    timeoutMs: 60_000,
    what: `the bench's Firestore emulator on ${host}`,
    abort: () => (exited ? `it exited (${exited}): ${stderr}` : undefined),
  });
  return {
    host,
    async stop() {
      if (exited) return;
      const done = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => !exited && process.kill(-child.pid, "SIGKILL"), 5000);
      await done;
      clearTimeout(timer);
    },
  };
}
