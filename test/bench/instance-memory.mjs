// The memory of one `site` instance, in a process of its own (the bench's own process holds
// other views and the load generator). Started by scripts/bench.mjs with fork() and
// --expose-gc: `instance-memory.mjs <projectId>`; receives { urls } once, requests each on one
// app over the stored view (so every file is built and pages fill the cache), collects garbage
// and answers with process.memoryUsage(). Exits when the parent disconnects.
import { loadFunctions, siteOver } from "./site-server.mjs";

const [projectId] = process.argv.slice(2);
const fns = await loadFunctions();
const { app } = siteOver(fns, fns.firestore(projectId), { maxAgeMs: Number.POSITIVE_INFINITY });

process.on("disconnect", () => process.exit(0));
process.once("message", async ({ urls }) => {
  for (const url of urls) await (await app.request(url)).arrayBuffer();
  globalThis.gc?.();
  globalThis.gc?.();
  process.send?.(process.memoryUsage());
});
process.send?.({ ready: true });
