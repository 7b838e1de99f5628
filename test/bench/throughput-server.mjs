// One HTTP server in a process of its own, so the load generator in the bench's process does not
// share its event loop. Started by scripts/bench.mjs with fork():
//   static <file>              serves the file's bytes as text/html from a Buffer (node:http)
//   site <projectId>           serves the site through the `site` function's own request listener
//                              (functions/src/site/handler.ts), view checked at most every VIEW_MAX_AGE_MS
// Sends { port } to the parent once listening; exits when the parent disconnects.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { loadFunctions, siteOver } from "./site-server.mjs";

const [mode, arg] = process.argv.slice(2);

async function listen() {
  if (mode === "static") {
    const body = readFileSync(arg);
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
      res.end(body);
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    return server.address().port;
  }
  if (mode === "site") {
    const fns = await loadFunctions();
    const { listener } = siteOver(fns, fns.firestore(arg), { maxAgeMs: fns.settings.viewMaxAgeMs });
    const handle = listener();
    const server = createServer((req, res) => void handle(req, res));
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    return server.address().port;
  }
  throw new Error(`unknown mode ${mode}: static <file> | site <projectId>`);
}

process.on("disconnect", () => process.exit(0));
process.send?.({ port: await listen() });
