// How soon what is published reaches visitors (issue #15), called from scripts/bench.mjs
// (`--freshness-only` runs this section alone):
//   - the worst-case staleness production's headers allow, read from the Cache-Control the site
//     sends (the code production runs) and the view check interval production defaults to;
//   - revalidation: conditional requests (If-None-Match) to the `site` function's request
//     listener, how many are answered 304 and how fast, beside the full page;
//   - on the emulators (Firestore, Functions, Hosting, Auth, through `firebase emulators:exec`):
//     the time from the publish callable's request to the public page through Hosting showing
//     the document, median of a few runs (publish-latency.mjs does the runs inside).
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { emulatorEnvironment, PROJECT_ID, ROOT } from "../../scripts/emulators.mjs";
import { assertConsolePortFree, firebaseArgs, suiteEnv } from "../../scripts/suite.mjs";
import { ITERATIONS, percentile } from "./common.mjs";
import { siteOver } from "./site-server.mjs";

/** `public, max-age=0, s-maxage=50` as { maxAge: 0, sMaxAge: 50, staleWhileRevalidate: 0 }. */
export function cacheLifetimes(header) {
  const directives = new Map(
    header.split(",").map((part) => {
      const [name = "", value = ""] = part.trim().toLowerCase().split("=");
      return [name, Number(value)];
    }),
  );
  return {
    maxAge: directives.get("max-age") ?? 0,
    sMaxAge: directives.get("s-maxage") ?? directives.get("max-age") ?? 0,
    staleWhileRevalidate: directives.get("stale-while-revalidate") ?? 0,
  };
}

const PAGES = ["/es/", "/en/events", "/es/library", "/en/feed.xml"];

export async function freshnessFigures({ fns, db, emit, table, status, quick, emulators }) {
  emit("### Published means visible within a minute");
  emit();

  status("freshness: the headers production sends");
  const { app, listener } = siteOver(fns, db, { maxAgeMs: fns.settings.viewMaxAgeMs });
  const header = (await app.request("/es/")).headers.get("cache-control") ?? "";
  const lifetimes = cacheLifetimes(header);
  const bound = fns.config.htmlStalenessBound(lifetimes, fns.settings.viewMaxAgeMs);
  const headersOnly = bound - fns.settings.viewMaxAgeMs / 1000;
  table(
    ["worst case a visitor may see an old page", "value"],
    [
      [`Cache-Control of public HTML, as sent`, `\`${header}\``],
      [
        "oldest copy a cache may serve: max(max-age, s-maxage) + stale-while-revalidate (a browser counts the CDN's Age)",
        `${headersOnly} s`,
      ],
      [`plus the time an instance trusts its view (VIEW_MAX_AGE_MS default)`, `${fns.settings.viewMaxAgeMs / 1000} s`],
      ["worst case after the public view changed (≤ 62 s)", `${bound} s ${bound <= 62 ? "✓" : "✗ over target"}`],
    ],
  );

  status("freshness: conditional requests to the site function's listener");
  const server = createServer(listener());
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const rows = [];
  try {
    for (const path of PAGES) {
      const first = await fetch(`${base}${path}`);
      const bytes = (await first.arrayBuffer()).byteLength;
      const etag = first.headers.get("etag") ?? "";
      const full = [];
      const conditional = [];
      let notModified = 0;
      const iterations = quick ? 20 : ITERATIONS;
      for (let i = 0; i < iterations; i++) {
        let started = performance.now();
        await (await fetch(`${base}${path}`)).arrayBuffer();
        full.push(performance.now() - started);
        started = performance.now();
        const response = await fetch(`${base}${path}`, { headers: { "if-none-match": etag } });
        await response.arrayBuffer();
        conditional.push(performance.now() - started);
        if (response.status === 304) notModified++;
      }
      rows.push([
        path,
        `${((100 * notModified) / iterations).toFixed(0)} %`,
        `${percentile(conditional, 50).toFixed(2)} ms`,
        `${percentile(conditional, 95).toFixed(2)} ms`,
        `${percentile(full, 50).toFixed(2)} ms`,
        `${(bytes / 1024).toFixed(1)} KB`,
      ]);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  emit(
    `Revalidation: each page asked ${quick ? 20 : ITERATIONS} times with the ETag it was sent with (If-None-Match), as the CDN does once its copy is older than s-maxage, beside the same page asked without it; over HTTP to the \`site\` function's request listener, warm instance, view checked every ${fns.settings.viewMaxAgeMs} ms.`,
  );
  emit();
  table(["page", "answered 304", "304 p50", "304 p95", "full page p50 (from memory)", "full page"], rows);

  if (!emulators) {
    emit("Publish to visible on the emulators: not measured (--no-emulators).");
    emit();
    return;
  }
  status("freshness: publish to visible on the emulators (firebase emulators:exec)");
  const runs = quick ? 3 : 5;
  const out = join(ROOT, ".bench/publish-latency.json");
  rmSync(out, { force: true });
  await assertConsolePortFree();
  const inside = [
    "node functions/lib/seed/cli.js seed",
    "node scripts/demo-accounts.mjs",
    `node test/bench/publish-latency.mjs ${runs} ${JSON.stringify(out)}`,
  ].join(" && ");
  await new Promise((resolve, reject) => {
    const child = spawn("firebase", firebaseArgs("emulators:exec", inside), {
      cwd: ROOT,
      env: { ...suiteEnv(emulatorEnvironment()), GCLOUD_PROJECT: PROJECT_ID },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`emulators:exec exited with ${code}`))));
  });
  const { times } = JSON.parse(readFileSync(out, "utf8"));
  const median = percentile(times, 50);
  table(
    [`publish to visible on the emulators (${runs} runs)`, "value"],
    [
      ["each run, ms", times.map((t) => t.toFixed(0)).join(", ")],
      [
        "median: the publish callable's request until its page through Hosting shows the document (≤ 60 s)",
        `${(median / 1000).toFixed(2)} s ${median <= 60_000 ? "✓" : "✗ over target"}`,
      ],
    ],
  );
}
