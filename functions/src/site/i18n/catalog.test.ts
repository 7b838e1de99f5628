import { describe, expect, it } from "vitest";
import { LANGS } from "../../model/index.js";
import { CATALOG, negotiateLang, pick, translator } from "./index.js";

describe("message catalogue", () => {
  it("has every interface string in every language", () => {
    const reference = Object.keys(CATALOG.es).sort();
    expect(reference.length).toBeGreaterThan(50);
    for (const lang of LANGS) {
      expect(Object.keys(CATALOG[lang]).sort(), `keys of ${lang}`).toEqual(reference);
      for (const [key, value] of Object.entries(CATALOG[lang])) {
        expect(value.trim(), `${lang} ${key}`).not.toBe("");
      }
    }
  });

  it("uses the same placeholders in every language", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(CATALOG.es)) {
      for (const lang of LANGS) {
        expect(placeholders(CATALOG[lang][key] ?? ""), `${lang} ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = translator("en");
    expect(t("hosting.termMonths", { months: 12 })).toBe("12 months");
    expect(t("hosting.termMonths")).toBe("{months} months");
  });
});

describe("language negotiation", () => {
  it("prefers the highest-quality supported language", () => {
    expect(negotiateLang("de-DE,de;q=0.9,en;q=0.8,es;q=0.7")).toBe("en");
    expect(negotiateLang("pt-BR")).toBe("pt");
    expect(negotiateLang("fr-CA;q=0.5, es-CL")).toBe("es");
  });

  it("falls back to Spanish for missing, unsupported or garbled headers", () => {
    expect(negotiateLang(undefined)).toBe("es");
    expect(negotiateLang("zh-CN,ja;q=0.9")).toBe("es");
    expect(negotiateLang(";;;q=abc,,")).toBe("es");
    expect(negotiateLang("x".repeat(10_000))).toBe("es");
  });
});

describe("picking localized content", () => {
  it("uses the visitor's language when present and says when it falls back", () => {
    expect(pick({ es: "Hola", en: "Hello" }, "en")).toEqual({ text: "Hello", lang: "en", fallback: false });
    expect(pick({ es: "Hola" }, "en")).toEqual({ text: "Hola", lang: "es", fallback: true });
    expect(pick({ en: "Hello" }, "pt")).toEqual({ text: "Hello", lang: "en", fallback: true });
  });
});
