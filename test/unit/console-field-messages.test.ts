import { beforeAll, describe, expect, it } from "vitest";
import { RECORD_KINDS } from "../../functions/src/committee/records/kinds.js";
import { DocumentContentSchema, IdSchema } from "../../functions/src/model/index.js";

// The console's catalogue reads the interface language from the browser's storage when loaded.
let fieldMessage: (message: string) => string;
let setLang: (lang: "es" | "en" | "pt" | "fr") => void;
beforeAll(async () => {
  const stored = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => stored.set(k, v),
    },
    document: { documentElement: {} },
  });
  ({ fieldMessage } = await import("../../hosting/console/lib/field-messages.js"));
  ({ setLang } = await import("../../hosting/console/i18n/index.js"));
});

/** Every message the schemas give for a form's worst input. */
function issuesOf(): string[] {
  const messages = new Set<string>();
  const add = (result: { success: boolean; error?: { issues: { message: string }[] } }) => {
    for (const issue of result.error?.issues ?? []) messages.add(issue.message);
  };
  add(IdSchema.safeParse("Not A Slug"));
  add(
    DocumentContentSchema.safeParse({
      kind: "news",
      title: { es: " " },
      summary: {},
      body: { en: "x".repeat(30_001) },
      translations: {},
      countries: ["Chile"],
      topics: [],
      source: "",
    }),
  );
  add(
    RECORD_KINDS.events.schema.safeParse({
      id: "e",
      version: 1,
      kind: "seminar",
      title: { es: "E" },
      status: "planned",
      start: "2005-06-20",
      end: "2005-06-01",
      source: "s",
    }),
  );
  add(
    RECORD_KINDS.events.schema.safeParse({
      id: "e",
      kind: "seminar",
      title: { es: "E" },
      status: "planned",
      end: "2005",
      source: "s",
    }),
  );
  add(
    RECORD_KINDS.events.content.safeParse({
      kind: "seminar",
      title: { es: "E" },
      status: "planned",
      start: "2005-02-30",
      timeZone: "Mars/Base",
      source: "s",
    }),
  );
  add(
    RECORD_KINDS.events.content.safeParse({
      kind: "seminar",
      title: { es: "E" },
      status: "planned",
      start: "20-05",
      source: "s",
    }),
  );
  add(
    RECORD_KINDS.initiatives.content.safeParse({
      name: { es: "I" },
      coordinatorIds: [],
      website: "ftp://x",
      crossLink: "pending",
      source: "s",
    }),
  );
  add(
    RECORD_KINDS.institutions.schema.safeParse({
      id: "i",
      version: 1,
      kind: "government",
      name: { es: "I" },
      source: "s",
    }),
  );
  return [...messages];
}

describe("the schemas' problems in the person's language", () => {
  it("maps every problem an editor meets to a message of the catalogue, never the model's English", () => {
    setLang("es");
    const messages = issuesOf();
    expect(messages.length).toBeGreaterThan(10);
    const fallback = fieldMessage("an English sentence nobody wrote for the console");
    for (const message of messages) {
      const shown = fieldMessage(message);
      expect(shown, message).not.toBe(fallback);
      expect(shown, message).not.toBe(message);
    }
  });

  it("keeps the numbers a message gives, and says something in the person's language for the unknown", () => {
    setLang("fr");
    expect(fieldMessage("must be at most 300 characters")).toBe("Doit compter au plus 300 caractères.");
    expect(fieldMessage("Invalid input: expected string, received number")).toBe(
      "Cette valeur n’est pas acceptée : vérifiez-la.",
    );
    setLang("en");
    expect(fieldMessage("needs a Spanish (es) or English (en) text")).toBe(
      "Write this text in Spanish (es) or English (en).",
    );
  });
});
