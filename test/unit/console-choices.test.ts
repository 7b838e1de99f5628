import { describe, expect, it } from "vitest";
import { timeZoneName } from "../../functions/src/i18n/format.js";
import { IdSchema, LANGS, PartialDateSchema, TimeZoneSchema } from "../../functions/src/model/common.js";
import { type ChoiceOption, folded, keyEffect, matching } from "../../hosting/console/lib/choice-logic.js";
import {
  defaultZone,
  instantOf,
  precisionOf,
  timeZoneOptions,
  withPrecision,
} from "../../hosting/console/lib/dates.js";
import { ID_MAX, slugOf } from "../../hosting/console/lib/slug.js";

describe("an id made from a title", () => {
  it("lowers the case, strips accents and joins words with one hyphen", () => {
    expect(slugOf("Compras Públicas en México: 2026")).toBe("compras-publicas-en-mexico-2026");
    expect(slugOf("  ¿Qué es la «Red»?  ")).toBe("que-es-la-red");
    expect(slugOf("Coração — São Paulo")).toBe("coracao-sao-paulo");
    expect(slugOf("Événement à Montréal, Œuvre & Straße")).toBe("evenement-a-montreal-oeuvre-strasse");
  });

  it("always gives an id the model accepts, or nothing when the title has no letter or digit", () => {
    const titles = ["A", "Año 2005", "--x--", "a   b", "ÑANDÚ", "1-2-3", "Łódź", "日本語 title"];
    for (const title of titles) expect(IdSchema.safeParse(slugOf(title)).success, title).toBe(true);
    expect(slugOf("¿¡…!?")).toBe("");
    expect(slugOf("日本語")).toBe("");
  });

  it("cuts a long title at a word's end to fit the model's limit", () => {
    const slug = slugOf("palabra ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(ID_MAX);
    expect(slug.endsWith("palabra")).toBe(true);
    expect(IdSchema.safeParse(slug).success).toBe(true);
    const one = slugOf("x".repeat(300));
    expect(one).toHaveLength(ID_MAX);
    expect(IdSchema.safeParse(one).success).toBe(true);
  });
});

const COUNTRIES: ChoiceOption[] = [
  { id: "CL", label: "Chile" },
  { id: "MX", label: "México" },
  { id: "PE", label: "Perú" },
  { id: "DO", label: "República Dominicana" },
  { id: "US", label: "Estados Unidos" },
];

describe("the searchable list's filter", () => {
  it("ignores accents and case on both sides", () => {
    expect(folded("  MÉXICO ")).toBe("mexico");
    expect(matching(COUNTRIES, "mexico").map((o) => o.id)).toEqual(["MX"]);
    expect(matching(COUNTRIES, "PERÚ").map((o) => o.id)).toEqual(["PE"]);
    expect(matching(COUNTRIES, "peru").map((o) => o.id)).toEqual(["PE"]);
  });

  it("finds every word anywhere in the name, and the code too", () => {
    expect(matching(COUNTRIES, "dom rep").map((o) => o.id)).toEqual(["DO"]);
    expect(matching(COUNTRIES, "mx").map((o) => o.id)).toEqual(["MX"]);
    expect(matching(COUNTRIES, "").map((o) => o.id)).toEqual(["CL", "MX", "PE", "DO", "US"]);
    expect(matching(COUNTRIES, "zz")).toEqual([]);
  });

  it("leaves out what is already chosen, in the list's order", () => {
    expect(matching(COUNTRIES, "", ["MX", "CL"]).map((o) => o.id)).toEqual(["PE", "DO", "US"]);
  });

  it("searches the hint as well (an acronym)", () => {
    const institutions = [{ id: "chilecompra", label: "Dirección ChileCompra", hint: "DCCP" }];
    expect(matching(institutions, "dccp")).toHaveLength(1);
  });
});

describe("the searchable list's keys", () => {
  const closed = { open: false, active: -1 };
  const open = (active: number) => ({ open: true, active });
  const ctx = { query: "", chosen: 0 };

  it("opens with the arrows and moves through the options, wrapping at both ends", () => {
    expect(keyEffect("ArrowDown", closed, 3, ctx)).toMatchObject({ do: "move", state: open(0) });
    expect(keyEffect("ArrowUp", closed, 3, ctx)).toMatchObject({ do: "move", state: open(2) });
    expect(keyEffect("ArrowDown", open(0), 3, ctx)).toMatchObject({ state: open(1) });
    expect(keyEffect("ArrowDown", open(2), 3, ctx)).toMatchObject({ state: open(0) });
    expect(keyEffect("ArrowUp", open(0), 3, ctx)).toMatchObject({ state: open(2) });
    expect(keyEffect("ArrowUp", open(-1), 3, ctx)).toMatchObject({ state: open(2) });
    expect(keyEffect("Home", open(2), 3, ctx)).toMatchObject({ state: open(0) });
    expect(keyEffect("End", open(0), 3, ctx)).toMatchObject({ state: open(2) });
  });

  it("chooses the active option with Enter, and lets Enter submit the form when none is active", () => {
    expect(keyEffect("Enter", open(1), 3, ctx)).toEqual({ do: "choose", index: 1, handled: true });
    expect(keyEffect("Enter", open(-1), 3, ctx)).toEqual({ do: "none", handled: false });
    expect(keyEffect("Enter", closed, 3, ctx)).toEqual({ do: "none", handled: false });
    expect(keyEffect("Enter", open(3), 3, ctx)).toEqual({ do: "none", handled: false });
  });

  it("closes with Escape, then clears the query with a second Escape", () => {
    expect(keyEffect("Escape", open(1), 3, { query: "me", chosen: 0 })).toMatchObject({ do: "close", state: closed });
    expect(keyEffect("Escape", closed, 3, { query: "me", chosen: 0 })).toMatchObject({ do: "clear" });
    expect(keyEffect("Escape", closed, 3, ctx)).toMatchObject({ do: "none", handled: false });
  });

  it("removes the last choice with Backspace only when the query is empty", () => {
    expect(keyEffect("Backspace", open(0), 3, { query: "", chosen: 2 })).toMatchObject({ do: "removeLast" });
    expect(keyEffect("Backspace", open(0), 3, { query: "m", chosen: 2 })).toMatchObject({ do: "none" });
    expect(keyEffect("Backspace", open(0), 3, { query: "", chosen: 0 })).toMatchObject({ do: "none" });
  });

  it("does nothing with an empty list but open it", () => {
    expect(keyEffect("ArrowDown", open(-1), 0, ctx)).toMatchObject({ do: "none" });
    expect(keyEffect("Enter", open(-1), 0, ctx)).toMatchObject({ do: "none" });
    expect(keyEffect("Tab", open(1), 3, ctx)).toEqual({ do: "none", handled: false });
  });
});

describe("a partial date in the picker", () => {
  it("reads the precision the model allows, and converts between them without inventing a year", () => {
    expect(["", "2005", "2005-06", "2005-06-20", "2005-06-20T09:30"].map(precisionOf)).toEqual([
      "none",
      "year",
      "month",
      "day",
      "minute",
    ]);
    expect(withPrecision("2005-06-20T09:30", "day")).toBe("2005-06-20");
    expect(withPrecision("2005-06-20", "month")).toBe("2005-06");
    expect(withPrecision("2005", "day")).toBe("2005-01-01");
    expect(withPrecision("2005-06", "minute")).toBe("2005-06-01T09:00");
    expect(withPrecision("2005-06", "none")).toBe("");
    expect(withPrecision("", "day")).toBe("");
    for (const p of ["year", "month", "day", "minute"] as const) {
      expect(PartialDateSchema.safeParse(withPrecision("2005-06-20T09:30", p)).success, p).toBe(true);
    }
  });

  it("names the instant of a day or a time in its zone, and none for a month", () => {
    expect(instantOf("2005-06-20T09:00", "America/Santiago")?.toISOString()).toBe("2005-06-20T13:00:00.000Z");
    expect(instantOf("2005-06-20", "America/Mexico_City")?.toISOString()).toBe("2005-06-20T05:00:00.000Z");
    expect(instantOf("2005-06", "America/Santiago")).toBeUndefined();
    expect(instantOf("2005-06-20", "")).toBeUndefined();
  });

  it("starts an event's zone as its first host's", () => {
    expect(defaultZone(["MX", "CL"])).toBe("America/Mexico_City");
    expect(defaultZone(["PE"])).toBe("America/Lima");
  });
});

describe("a partial date being typed", () => {
  it("keeps a half-typed year in the year's input", () => {
    expect(precisionOf("20")).toBe("year");
    expect(precisionOf("2005-0")).toBe("month");
    expect(precisionOf("2005-06-2")).toBe("day");
  });
});

describe("the console's time zones", () => {
  const APRIL = new Date("2026-04-15T12:00:00Z");
  const optionOf = (zone: string, lang: (typeof LANGS)[number]) =>
    timeZoneOptions(lang, APRIL).find((o) => o.id === zone);

  it("names each zone as people know it, in each of the console's languages", () => {
    expect(optionOf("America/Santiago", "es")?.label).toBe("hora de Chile");
    expect(optionOf("America/Santiago", "en")?.label).toBe("Chile Time");
    expect(optionOf("America/Santiago", "pt")?.label).toMatch(/Chile/);
    expect(optionOf("America/Santiago", "fr")?.label).toMatch(/Chili/);
    expect(optionOf("Europe/Paris", "fr")?.label).toMatch(/\(Paris\)$/);
  });

  it("never shows an IANA code, and keeps it as the value a person chooses", () => {
    for (const lang of LANGS) {
      const options = timeZoneOptions(lang, APRIL);
      expect(options.length).toBeGreaterThan(300);
      for (const option of options) {
        expect(TimeZoneSchema.safeParse(option.id).success, option.id).toBe(true);
        expect(option.label, option.id).not.toMatch(/^[A-Z][a-z]+\/|_/);
        expect(option.label).toBe(timeZoneName(option.id, lang, APRIL));
      }
    }
  });

  it("tells apart two zones that share a name, and finds a zone by its city", () => {
    const labels = timeZoneOptions("es", APRIL).map((o) => o.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(matching(timeZoneOptions("es", APRIL), "santiago").map((o) => o.id)).toContain("America/Santiago");
  });

  it("lists zones from west to east, each with its offset as a hint", () => {
    const options = timeZoneOptions("en", APRIL);
    const index = (zone: string) => options.findIndex((o) => o.id === zone);
    expect(index("America/Los_Angeles")).toBeLessThan(index("America/Santiago"));
    expect(index("America/Santiago")).toBeLessThan(index("Europe/Madrid"));
    expect(optionOf("America/Lima", "en")?.hint).toBe("GMT-5");
  });
});
