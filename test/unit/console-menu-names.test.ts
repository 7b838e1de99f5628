import { describe, expect, it } from "vitest";
import { LANGS } from "../../functions/src/model/index.js";
import { consoleUi } from "../../hosting/console/i18n/messages.js";

const catalogue = consoleUi as Record<string, Record<string, string>>;

describe("the console's menu", () => {
  it.each(LANGS)("names each entry differently in %s", (lang) => {
    const names = Object.entries(catalogue[lang] ?? {}).filter(([key]) => key.startsWith("ui.nav."));
    const seen = new Map<string, string>();
    for (const [key, name] of names) {
      expect(seen.get(name.toLowerCase()), `${key} and ${seen.get(name.toLowerCase())} both read "${name}"`).toBe(
        undefined,
      );
      seen.set(name.toLowerCase(), key);
    }
  });

  // Accrediting is the secretariat's decision on a country's delegation; marking people present at
  // the entrance is another thing, done by other people. The same word for both sent a walkthrough's
  // secretariat to the door to accredit Mexico.
  it.each(LANGS)("does not call the door's check-in by the delegations' accreditation word in %s", (lang) => {
    const accredited = catalogue[lang]?.["ui.deleg.s.accredited"] ?? "";
    const stem = accredited.slice(0, Math.max(5, accredited.length - 4)).toLowerCase();
    for (const key of ["ui.nav.door", "ui.door.title"])
      expect(catalogue[lang]?.[key]?.toLowerCase(), `${lang} ${key}`).not.toContain(stem);
  });
});
