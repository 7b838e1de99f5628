// `npm run bench`: figures for the public site, printed as Markdown tables and written to
// .bench/latest.md (docs/figures.md, linked from the README, holds the last full run). Not a
// test: it asserts nothing, it marks each figure against its target. Each section is a module
// of test/bench/:
//
//   a. page weight of the home page (HTML + CSS, gzip and brotli) and the first response's size
//      (page-weight.mjs)
//   a2. the map's weight per page, one share image's render time, the function's bundle size
//      (map-share.mjs), the console's JavaScript (console-size.mjs)
//   b. in-process render of every page type against a Firestore emulator: p50/p95, reads per
//      render (render.mjs, outputs.mjs), and throughput as a ratio to a static file of the same
//      size (throughput.mjs: autocannon, same run)
//   c. the same at scale (10,000 documents, 1,000 events), search p95, view size and start reads
//      (scale.mjs)
//   c2. the search index on that view: build time, heap, query p95, quality on judged queries
//      (search-index.mjs)
//   d. Lighthouse 12 scores on the main pages and the console's sign-in screen in es and en
//      (lighthouse.mjs)
//   e. notifications (notify.mjs): the daily job's cost, outbox throughput
//   f. published means visible within a minute (freshness.mjs): the worst-case staleness the
//      production headers allow, 304 answers to conditional requests, and on the emulators
//      (their fixed ports: nothing else may hold them) the time from publish to visible
//   g. the registration rush (rush.mjs): 1,000 confirmations at once for 100 places
//
// It builds first (npm run build) and starts a Firestore emulator of its own on a free port,
// stopped at the end. Flags (read in test/bench/common.mjs): --no-build, --no-scale,
// --no-lighthouse, --quick (fewer iterations and a small scale, for trying the script itself),
// --figures (also rewrite docs/figures.md with the results), --lighthouse-only (section d
// alone), --notify-only (section e alone), --no-notify, --freshness-only (section f alone),
// --rush-only (section g alone), --no-emulators (section f without the emulator suite).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import {
  emit,
  FRESHNESS,
  flags,
  LIGHTHOUSE,
  NOTIFY,
  QUICK,
  RUSH,
  report,
  SITE,
  status,
  table,
} from "../test/bench/common.mjs";
import { consoleWeight } from "../test/bench/console-size.mjs";
import { startFirestoreEmulator } from "../test/bench/firestore-emulator.mjs";
import { freshnessFigures } from "../test/bench/freshness.mjs";
import { lighthouseScores } from "../test/bench/lighthouse.mjs";
import { mapShareFigures } from "../test/bench/map-share.mjs";
import { notifyFigures } from "../test/bench/notify.mjs";
import { outputFigures } from "../test/bench/outputs.mjs";
import { pageWeight } from "../test/bench/page-weight.mjs";
import { renderFigures } from "../test/bench/render.mjs";
import { rushFigures } from "../test/bench/rush.mjs";
import { scale } from "../test/bench/scale.mjs";
import { loadFunctions, siteOver } from "../test/bench/site-server.mjs";
import { throughput } from "../test/bench/throughput.mjs";
import { build } from "./build.mjs";
import { ROOT } from "./emulators.mjs";

/** Rewrites docs/figures.md (the figures the README links to) with `report`. */
function updateFigures(lines) {
  const intro =
    "Reproduce with `npm run bench` (it builds, starts a Firestore emulator of its own and stops it, and for the publish-to-visible time the emulator suite on its fixed ports, `--no-emulators` to skip it; about 12 minutes on 2 cores; `npm run bench -- --figures` also rewrites this page). It writes the same tables to `.bench/latest.md`; targets are in brackets, ✓ or ✗ says whether they are met.";
  const body = lines
    .join("\n")
    .replace(/^## Figures\n+/, "")
    .trim()
    .replace(/^### /gm, "## ");
  writeFileSync(
    join(ROOT, "docs/figures.md"),
    `# Figures\n\n${intro}\n\n${body}\n\n[Back to the README](../README.md)\n`,
  );
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!flags.has("--no-build")) {
    status("npm run build");
    await build();
  }
  const emulator = await startFirestoreEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  const stopOnSignal = async () => {
    await emulator.stop();
    process.exit(130);
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    const fns = await loadFunctions();
    const seedDir = join(ROOT, "seed");
    const projectId = "demo-bench-seed";
    const db = fns.firestore(projectId);
    await fns.loadSeed(db, seedDir);
    await fns.rebuildPublicView(db);

    emit("## Figures");
    emit();
    emit(
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, Firestore emulator on the same machine${QUICK ? " (--quick: fewer iterations, smaller scale)" : ""}.`,
    );
    emit();
    const { app } = siteOver(fns, db, { maxAgeMs: 0 });
    if (SITE) await pageWeight(fns, app);
    if (SITE) await mapShareFigures({ app, emit, table });
    if (SITE) consoleWeight(emit, table);
    if (SITE) await renderFigures(fns, db);
    if (SITE) await outputFigures(fns, db, "seed");
    if (SITE) await throughput(fns, app, projectId);
    if (SITE && !flags.has("--no-scale")) await scale(fns, seedDir);
    if (LIGHTHOUSE && !flags.has("--no-lighthouse")) await lighthouseScores(fns, db);
    if (NOTIFY && !flags.has("--no-notify")) await notifyFigures({ emit, table, status, quick: QUICK });
    if (FRESHNESS) {
      const emulators = !flags.has("--no-emulators");
      await freshnessFigures({ fns, db, emit, table, status, quick: QUICK, emulators });
    }

    if (RUSH) await rushFigures({ emit, table, status });

    mkdirSync(join(ROOT, ".bench"), { recursive: true });
    writeFileSync(join(ROOT, ".bench/latest.md"), `${report.join("\n").trim()}\n`);
    status("written to .bench/latest.md");
    if (flags.has("--figures")) {
      updateFigures(report);
      status("docs/figures.md rewritten");
    }
  } finally {
    await emulator.stop();
  }
  // Firebase Admin keeps gRPC channels open; the figures are out, so end here.
  process.exit(0);
}

main().catch((error) => {
  console.error(`npm run bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
