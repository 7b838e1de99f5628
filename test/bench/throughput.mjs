// Section b of `npm run bench`: throughput of the site against a static file of the same size.
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { ROOT } from "../../scripts/emulators.mjs";
import { emit, LOAD_SECONDS, mark, status, TARGETS, table } from "./common.mjs";

/** Forks test/bench/throughput-server.mjs and resolves with its URL and a stop function. */
async function childServer(mode, arg) {
  const child = fork(join(ROOT, "test/bench/throughput-server.mjs"), [mode, arg], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(message.port));
    child.once("exit", (code) => reject(new Error(`the ${mode} server exited (${code}) before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.disconnect();
      }),
  };
}

/**
 * autocannon on `path`; with `fresh`, every request asks for a URL not asked before (`?n=…`),
 * which the site answers with a redirect to `path` instead of rendering it again.
 */
async function hammer(base, path, seconds, fresh = false) {
  let n = 0;
  const result = await autocannon({
    url: `${base}${path}`,
    connections: 10,
    duration: seconds,
    ...(fresh ? { requests: [{ setupRequest: (request) => ({ ...request, path: `${path}?n=${n++}` }) }] } : {}),
  });
  // With `fresh` every answer is a redirect (unknown parameters are), so only failures count.
  const errors = result.errors + (fresh ? result["5xx"] + result["4xx"] : result.non2xx);
  return { rps: result.requests.average, p99: result.latency.p99, errors };
}

export async function throughput(fns, app, projectId) {
  emit("### Throughput: the site against a static file of the same size");
  emit();
  const html = await (await app.request("/es/")).text();
  mkdirSync(join(ROOT, ".bench"), { recursive: true });
  const file = join(ROOT, ".bench/home-es.html");
  writeFileSync(file, html);
  const rows = [];
  const results = {};
  for (const [name, mode, arg, fresh] of [
    ["static file of the same bytes (node:http, Buffer)", "static", file, false],
    ["site /es/, warm instance (the site function's request listener)", "site", projectId, false],
    ["site /es/?n=…, a new unknown parameter each request (301 to /es/)", "site", projectId, true],
  ]) {
    status(`autocannon: ${name}`);
    const server = await childServer(mode, arg);
    try {
      await hammer(server.url, "/es/", 1, fresh);
      const result = await hammer(server.url, "/es/", LOAD_SECONDS, fresh);
      results[fresh ? "render" : mode] = result;
      rows.push([name, Math.round(result.rps).toLocaleString("en"), `${result.p99} ms`, String(result.errors)]);
    } finally {
      await server.stop();
    }
  }
  table([`server (10 connections, ${LOAD_SECONDS} s each)`, "requests/s", "p99", "errors"], rows);
  const ratio = results.site.rps / results.static.rps;
  emit(
    `Ratio site / static: **${ratio.toFixed(2)}** ${mark(ratio >= TARGETS.ratio)} (target ≥ ${TARGETS.ratio}); a new unknown parameter each request (redirected): ${(results.render.rps / results.static.rps).toFixed(2)}. The view is checked at most every ${fns.settings.viewMaxAgeMs} ms, as in production.`,
  );
  emit();
}
