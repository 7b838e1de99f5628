import { describe, expect, it } from "vitest";
import { statusesOf, statusField, withFormStatuses, withStatuses } from "../../hosting/console/translation-form.js";

describe("the console's translation statuses", () => {
  it("shows the stored status, else translated where there is text and missing where there is none", () => {
    expect(statusesOf({ es: "original", en: "outdated" }, { es: "a", en: "b", fr: "c" })).toEqual([
      ["es", "original"],
      ["en", "outdated"],
      ["pt", "missing"],
      ["fr", "translated"],
    ]);
  });

  it("sends the statuses the record editor's form chose in place of the stored ones, and none when all are untracked", () => {
    const stored = { id: "x", translations: { es: "original", en: "outdated" } };
    const values: Record<string, string> = { kind: "meeting" };
    const form = withStatuses({ values }, stored);
    expect(form.values[statusField("en")]).toBe("outdated");
    expect(form.values[statusField("pt")]).toBe("");
    const content = { title: { es: "a" }, translations: stored.translations };
    const marked = { values: { ...form.values, [statusField("en")]: "translated" } };
    expect(withFormStatuses(content, marked)).toEqual({
      title: { es: "a" },
      translations: { es: "original", en: "translated" },
    });
    const untracked = withStatuses({ values: {} }, undefined);
    expect(withFormStatuses(content, untracked)).toEqual({ title: { es: "a" } });
  });
});
