import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { QUERIES, type QuerySpec } from "../../functions/src/model/queries.js";

const ROOT = join(import.meta.dirname, "../..");
const SRC = join(ROOT, "functions/src");
const CONSOLE = join(ROOT, "hosting/console");
const indexes = JSON.parse(readFileSync(join(ROOT, "firestore.indexes.json"), "utf8")) as {
  indexes: { collectionGroup: string; fields: { fieldPath: string; order?: string; arrayConfig?: string }[] }[];
  fieldOverrides: { collectionGroup: string; fieldPath: string; ttl?: boolean }[];
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** A query needs a composite index unless it uses a single field (Firestore indexes those itself). */
function neededIndex(q: QuerySpec): { fieldPath: string; order: string }[] | undefined {
  const fields = [
    ...q.equality.map((f) => ({ fieldPath: f, order: "ASCENDING" })),
    ...(q.arrayContains ? [{ fieldPath: q.arrayContains, order: "CONTAINS" }] : []),
    ...(q.range && !q.orderBy.some((o) => o.field === q.range) ? [{ fieldPath: q.range, order: "ASCENDING" }] : []),
    ...q.orderBy.map((o) => ({ fieldPath: o.field, order: o.direction })),
  ];
  return new Set(fields.map((f) => f.fieldPath)).size > 1 ? fields : undefined;
}

describe("firestore indexes", () => {
  it("declares every query that filters or orders in the query registry, the console's included", () => {
    for (const file of [...sourceFiles(SRC), ...sourceFiles(CONSOLE)]) {
      const code = readFileSync(file, "utf8");
      // The Admin SDK filters with methods (`.where(`), the console's modular SDK with functions (`where(`).
      const calls = (code.match(/(?<![\w.])(where|orderBy)\(|\.(where|orderBy|findNearest)\(/g) ?? []).length;
      const declared = QUERIES.filter((q) => q.file === relative(SRC, file)).length;
      expect(declared, `${relative(SRC, file)} makes ${calls} filtered/ordered query call(s)`).toBeGreaterThanOrEqual(
        calls > 0 ? 1 : 0,
      );
    }
  });

  it("has a composite index in firestore.indexes.json for every query that needs one", () => {
    for (const query of QUERIES) {
      const needed = neededIndex(query);
      if (!needed) continue;
      const found = indexes.indexes.some(
        (index) =>
          index.collectionGroup === query.collection &&
          JSON.stringify(
            index.fields.map((f) => ({ fieldPath: f.fieldPath, order: f.order ?? f.arrayConfig ?? "ASCENDING" })),
          ) === JSON.stringify(needed),
      );
      expect(found, `index for ${query.collection} (${JSON.stringify(needed)}) from ${query.file}`).toBe(true);
    }
  });

  it("declares a TTL policy on expireAt for every collection that forgets: settled email, unconfirmed subscribers, the forms' counters, registrations after their event", () => {
    const ttl = indexes.fieldOverrides.filter((o) => o.ttl && o.fieldPath === "expireAt").map((o) => o.collectionGroup);
    expect(ttl.sort()).toEqual(["outbox", "registrationLimits", "registrations", "subscribers", "subscriptionLimits"]);
  });
});
