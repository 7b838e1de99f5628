import { describe, expect, it } from "vitest";
import type { LogEntry } from "../../functions/src/log.js";
import { createSite } from "../../functions/src/site/app.js";
import { ORIGIN, TEST_ASSETS, TEST_CURSOR_KEY } from "../support/seeded-site.js";

describe("site logs", () => {
  it("logs a render failure as one structured entry with the path, never the query", async () => {
    const entries: LogEntry[] = [];
    const site = createSite({
      view: async () => {
        throw new Error("Firestore unavailable");
      },
      assets: TEST_ASSETS,
      origin: ORIGIN,
      cursorKey: TEST_CURSOR_KEY,
      log: (entry) => entries.push(entry),
    });
    const res = await site.request("/es/search?q=maria%40example.org");
    expect(res.status).toBe(500);
    expect(entries).toEqual([
      expect.objectContaining({
        severity: "ERROR",
        message: "site.render_failed",
        path: "/es/search",
        error: "Error: Firestore unavailable",
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain("example.org");
  });
});
