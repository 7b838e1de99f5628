import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The layout the README's folder map promises, checked from the source's own imports (type-only
// imports included: a cycle of types is still two files that cannot be read one without the other).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE_ROOTS = ["functions/src", "hosting/console"];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")
      ? [path]
      : [];
  });
}

const files = SOURCE_ROOTS.flatMap(sourceFiles);
const known = new Set(files);

/** The project files a file imports (relative specifiers only; packages are not ours). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers.map((specifier) => {
    const base = relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\.js$/, "");
    const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => known.has(candidate));
    if (!found) throw new Error(`${file} imports ${specifier}, which is no source file`);
    return found;
  });
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Every cycle, each as the list of files around it (Tarjan's strongly connected components). */
function cycles(): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    indexOf.set(file, index);
    low.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) ?? 0, indexOf.get(next) ?? 0));
    }
    if (low.get(file) === indexOf.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
    }
  };
  for (const file of files) if (!indexOf.has(file)) visit(file);
  return found;
}

describe("the source layout", () => {
  it("has no import cycle in the functions or the console, type-only imports included", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(cycles()).toEqual([]);
  });

  it("keeps the public site to itself: nothing but index.ts imports from functions/src/site", () => {
    const outside = [...graph]
      .filter(([file]) => !file.startsWith("functions/src/site/") && file !== "functions/src/index.ts")
      .flatMap(([file, imports]) =>
        imports.filter((i) => i.startsWith("functions/src/site/")).map((i) => `${file} → ${i}`),
      );
    expect(outside).toEqual([]);
  });

  it("keeps the console's own files out of the functions", () => {
    const consoleFiles = files.filter((f) => f.startsWith("functions/src/") && /console-ui|\/console\//.test(f));
    expect(consoleFiles).toEqual([]);
    const functionsImportingConsole = [...graph]
      .filter(([file]) => file.startsWith("functions/src/"))
      .flatMap(([file, imports]) => imports.filter((i) => i.startsWith("hosting/")).map((i) => `${file} → ${i}`));
    expect(functionsImportingConsole).toEqual([]);
  });
});
