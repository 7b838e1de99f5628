import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The scripts and the bench load the compiled functions by path (functions/lib/<path>.js), as
// strings the compiler does not check: each must name a module of functions/src, or a moved
// module would break `npm start` or `npm run bench` with nothing else noticing.
const ROOT = join(import.meta.dirname, "../..");
const FILES = [
  ...readdirSync(join(ROOT, "scripts")).map((f) => `scripts/${f}`),
  ...readdirSync(join(ROOT, "test/bench")).map((f) => `test/bench/${f}`),
].filter((f) => /\.(mjs|ts)$/.test(f));

function compiledPaths(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const direct = [...text.matchAll(/functions\/lib\/([\w/.-]+)\.js/g)].map((m) => m[1] ?? "");
  // `lib("a/b.js")`: the helper the bench modules define over functions/lib.
  const viaHelper = [...text.matchAll(/\blib\("([\w/.-]+)\.js"\)/g)].map((m) => m[1] ?? "");
  return [...direct, ...viaHelper];
}

describe("paths into the compiled functions", () => {
  it("name a module of functions/src in every script and bench file", () => {
    const missing = FILES.flatMap((file) =>
      compiledPaths(file)
        .filter((path) => !["ts", "tsx"].some((ext) => existsSync(join(ROOT, "functions/src", `${path}.${ext}`))))
        .map((path) => `${file}: functions/lib/${path}.js`),
    );
    expect(missing).toEqual([]);
    expect(FILES.flatMap(compiledPaths).length).toBeGreaterThan(20);
  });
});
