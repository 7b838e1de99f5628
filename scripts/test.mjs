// `npm test`: every check, in order, stopping at the first failure:
// lint, typecheck, build, unit tests, then integration and e2e tests inside the emulators.
// `npm test -- <files or filters>` is the quick loop while working: build, then only the named
// tests (vitest filters) inside the emulators, unit files included.
import { spawn } from "node:child_process";
import { build } from "./build.mjs";
import { ensureChromium } from "./chromium.mjs";
import { emulatorEnvironment, PROJECT_ID, ROOT } from "./emulators.mjs";
import { run, stopTree } from "./process.mjs";
import { assertConsolePortFree, firebaseArgs, suiteEnv } from "./suite.mjs";

const filters = process.argv.slice(2);
const allStages = [
  { name: "lint", run: () => run("biome", ["ci", "."]) },
  { name: "typecheck", run: () => run("tsc", ["-p", "tsconfig.json", "--noEmit"]) },
  { name: "build", run: build },
  { name: "unit tests", run: () => run("vitest", ["run", "--project", "unit"]) },
  { name: "integration and e2e tests (emulators)", run: emulatedTests },
];
const stages =
  filters.length === 0
    ? allStages
    : allStages.filter((s) => ["build", "integration and e2e tests (emulators)"].includes(s.name));

async function emulatedTests() {
  // A MissingToolError says in one sentence what to install; it becomes the failure message.
  const binaries = emulatorEnvironment();
  ensureChromium();
  await assertConsolePortFree();
  // The seed and the demo accounts go into the demo project the e2e tests browse, as with
  // npm start; integration tests use projects of their own, so they never disturb it.
  const inside = [
    "node functions/lib/seed/cli.js seed",
    "node scripts/demo-accounts.mjs",
    filters.length === 0
      ? "vitest run --project integration --project e2e"
      : `vitest run ${filters.map((f) => JSON.stringify(f)).join(" ")}`,
  ].join(" && ");
  await runDetached("firebase", firebaseArgs("emulators:exec", inside), {
    ...suiteEnv(binaries),
    GCLOUD_PROJECT: PROJECT_ID,
  });
}

// The emulators get a process group of their own; Ctrl-C here stops the whole tree, Java
// emulators included (see stopTree), instead of leaving them holding the ports.
function runDetached(cmd, args, childEnv) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: childEnv, stdio: "inherit", detached: true });
    const interrupt = async () => {
      await stopTree(child);
      process.exit(130);
    };
    process.once("SIGINT", interrupt);
    process.once("SIGTERM", interrupt);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", interrupt);
      process.off("SIGTERM", interrupt);
      if (code === 0) resolve();
      else reject(new Error(`\`${cmd} ${args[0]}\` failed (${signal ?? `exit code ${code}`}).`));
    });
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
let failure;
for (const stage of stages) {
  console.log(`\n▶ ${stage.name}`);
  const started = Date.now();
  try {
    await stage.run();
    results.push({ name: stage.name, status: "passed", ms: Date.now() - started });
  } catch (error) {
    results.push({ name: stage.name, status: "FAILED", ms: Date.now() - started });
    failure = { stage: stage.name, message: error.message };
    break;
  }
}
for (const stage of stages.slice(results.length)) results.push({ name: stage.name, status: "not run" });

const width = Math.max(...stages.map((s) => s.name.length));
const total = results.reduce((sum, r) => sum + (r.ms ?? 0), 0);
console.log("\nSummary");
for (const r of results)
  console.log(`  ${r.name.padEnd(width)}  ${r.status.padEnd(7)}  ${r.ms === undefined ? "" : seconds(r.ms)}`);
console.log(`  ${"total".padEnd(width)}  ${"".padEnd(7)}  ${seconds(total)}`);
if (failure) {
  console.error(`\nnpm test failed at "${failure.stage}": ${failure.message}`);
  process.exit(1);
}
console.log("\nAll checks passed.");
