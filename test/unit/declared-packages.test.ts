import { readFileSync } from "node:fs";
import { glob } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const rootPackage = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const declared = new Set(Object.keys({ ...rootPackage.dependencies, ...rootPackage.devDependencies }));

/** The code that runs from the root package: scripts, tests, the bench and the console's build. */
const SOURCES = ["scripts/**/*.mjs", "test/**/*.{ts,tsx,mjs}", "hosting/console/**/*.ts", "*.config.ts"];

/** "@scope/name/sub" → "@scope/name", "name/sub" → "name". */
const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

/** Every bare package a file imports (static, dynamic or require), read by TypeScript's own scanner. */
function importedPackages(source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((name) => !name.startsWith(".") && !name.startsWith("/") && !isBuiltin(name))
    .map(packageOf);
}

describe("declared packages", () => {
  it("finds the imports it checks, static and dynamic, and ignores relative paths and Node builtins", () => {
    const source = `import a from "vite"; import { b } from "@scope/pkg/sub"; import "./x.js"; import fs from "node:fs";
      import path from "path"; const c = await import("chrome-launcher"); export * from "zod/v4";`;
    expect(importedPackages(source).sort()).toEqual(["@scope/pkg", "chrome-launcher", "vite", "zod"]);
  });

  it("declares in the root package.json every package the scripts, tests and console build import", async () => {
    const undeclared: string[] = [];
    for (const pattern of SOURCES) {
      for await (const file of glob(pattern, { cwd: ROOT, exclude: (name) => name === "node_modules" })) {
        for (const name of importedPackages(readFileSync(join(ROOT, file), "utf8"))) {
          if (!declared.has(name)) undeclared.push(`${file}: ${name}`);
        }
      }
    }
    expect(undeclared, "add them to devDependencies at the installed version").toEqual([]);
  });
});
