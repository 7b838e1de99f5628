import { describe, expect, it } from "vitest";
import { defineCatalog, mergeCatalogs } from "../../functions/src/i18n/catalog.js";
import { CATALOG, pick, translator } from "../../functions/src/i18n/index.js";
import { LANGS } from "../../functions/src/model/index.js";
import { consoleUi } from "../../hosting/console/i18n/messages.js";

// The functions' catalogue (site, mail, callables' errors) and the console's own interface.
const catalogues = { functions: CATALOG, console: consoleUi as Record<string, Record<string, string>> };

describe.each(Object.entries(catalogues))("the %s message catalogue", (_name, catalogue) => {
  it("has every interface string in every language", () => {
    const reference = Object.keys(catalogue.es ?? {}).sort();
    expect(reference.length).toBeGreaterThan(50);
    for (const lang of LANGS) {
      expect(Object.keys(catalogue[lang] ?? {}).sort(), `keys of ${lang}`).toEqual(reference);
      for (const [key, value] of Object.entries(catalogue[lang] ?? {})) {
        expect(value.trim(), `${lang} ${key}`).not.toBe("");
      }
    }
  });

  it("uses the same placeholders in every language", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(catalogue.es ?? {})) {
      for (const lang of LANGS) {
        expect(placeholders(catalogue[lang]?.[key] ?? ""), `${lang} ${key}`).toEqual(placeholders(text));
      }
    }
  });
});

describe("message catalogue", () => {
  it("refuses two parts that define the same key", () => {
    const part = (text: string) =>
      defineCatalog({ es: { "x.a": text }, en: { "x.a": text }, pt: { "x.a": text }, fr: { "x.a": text } });
    expect(() => mergeCatalogs(part("uno"), part("dos"))).toThrow(/"x.a" is defined by two/);
    expect(mergeCatalogs(part("uno")).en["x.a"]).toBe("uno");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = translator("en");
    expect(t("hosting.termMonths", { months: 12 })).toBe("12 months");
    expect(t("hosting.termMonths")).toBe("{months} months");
  });
});

describe("picking localized content", () => {
  it("uses the visitor's language when present and says when it falls back", () => {
    expect(pick({ es: "Hola", en: "Hello" }, "en")).toEqual({ text: "Hello", lang: "en", fallback: false });
    expect(pick({ es: "Hola" }, "en")).toEqual({ text: "Hola", lang: "es", fallback: true });
    expect(pick({ en: "Hello" }, "pt")).toEqual({ text: "Hello", lang: "en", fallback: true });
  });
});
