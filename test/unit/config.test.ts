import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGION } from "../../functions/src/config.js";

const ROOT = join(import.meta.dirname, "../..");
const firebaseJson = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8"));
const functionsPackage = JSON.parse(readFileSync(join(ROOT, "functions/package.json"), "utf8"));

describe("deployment configuration", () => {
  it("rewrites Hosting to the site function in the region the functions are deployed to", () => {
    const rewrites: { function?: { functionId: string; region: string } }[] = firebaseJson.hosting.rewrites;
    const toSite = rewrites.filter((r) => r.function?.functionId === "site");
    expect(toSite.length).toBeGreaterThan(0);
    for (const rewrite of toSite) expect(rewrite.function?.region).toBe(REGION);
  });

  it("runs the functions on Node.js 22, the version their package.json declares", () => {
    expect(firebaseJson.functions.map((f: { runtime: string }) => f.runtime)).toEqual(["nodejs22"]);
    expect(functionsPackage.engines.node).toBe("22");
  });
});
