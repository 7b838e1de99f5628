import { describe, expect, it } from "vitest";
import { textsIn, translationState } from "./translations.js";

const BEFORE = "2026-12-01T10:00:00.000Z";
const NOW = new Date("2026-12-04T20:36:00.000Z");
const event = {
  id: "e",
  title: { es: "Reunión", en: "Meeting" },
  sessions: [{ type: "forum", title: { es: "Foro", en: "Forum" }, topics: [{ es: "Compras", en: "Procurement" }] }],
  translations: { es: "original", en: "translated", pt: "in-progress" },
  originalChangedAt: BEFORE,
} as const;

describe("translationState", () => {
  it("reads every text of a language, nested ones included, in a stable order", () => {
    expect(textsIn(event, "es")).toEqual([
      ["sessions.0.title", "Foro"],
      ["sessions.0.topics.0", "Compras"],
      ["title", "Reunión"],
    ]);
  });

  it("flags a done translation when a nested text of the original changes, and dates the change", () => {
    const next = {
      ...event,
      sessions: [{ ...event.sessions[0], topics: [{ es: "Contratación", en: "Procurement" }] }],
    };
    expect(translationState(event, next, NOW)).toEqual({
      translations: { es: "original", en: "outdated", pt: "in-progress" },
      originalChangedAt: NOW.toISOString(),
    });
  });

  it("flags nothing when the original's text is the same, whatever else changed", () => {
    const next = { ...event, title: { es: "Reunión", en: "Committee meeting" }, kind: "meeting" };
    expect(translationState(event, next, NOW)).toEqual({ translations: event.translations, originalChangedAt: BEFORE });
  });

  it("keeps a translation rewritten in the same save, and one marked done again after being flagged", () => {
    const rewritten = { ...event, title: { es: "Reunión anual", en: "Annual meeting" } };
    expect(translationState(event, rewritten, NOW).translations?.en).toBe("translated");
    const flagged = { ...event, translations: { es: "original", en: "outdated" } };
    const markedDone = { ...flagged, translations: { es: "original", en: "translated" } };
    expect(translationState(flagged, markedDone, NOW)).toEqual({
      translations: { es: "original", en: "translated" },
      originalChangedAt: BEFORE,
    });
  });

  it("dates a new record's original at its creation and leaves a record without an original unflagged", () => {
    expect(translationState(undefined, event, NOW).originalChangedAt).toBe(NOW.toISOString());
    const untracked = { id: "t", name: { es: "Tema" } };
    expect(translationState(untracked, { ...untracked, name: { es: "Otro" } }, NOW)).toEqual({
      translations: undefined,
      originalChangedAt: undefined,
    });
  });
});
