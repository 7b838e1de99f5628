import { describe, expect, it } from "vitest";
import { normalize, tokenize, wordSpans } from "./normalize.js";

describe("normalize", () => {
  it("ignores accents and case", () => {
    expect(normalize("Licitación")).toBe("licitacion");
    expect(normalize("PYMES")).toBe("pymes");
    expect(normalize("São Paulo")).toBe("sao paulo");
    expect(normalize("ARMONIZACIÓN")).toBe(normalize("armonizacion"));
    expect(normalize("Armonizacio\u0301n")).toBe("armonizacion");
    expect(normalize("Français, Perú, Bolívia")).toBe("francais, peru, bolivia");
  });

  it("splits words on spaces, hyphens and punctuation, keeping digits", () => {
    expect(tokenize("E-Compras Gubernamentales (2005): público-privadas!")).toEqual([
      "e",
      "compras",
      "gubernamentales",
      "2005",
      "publico",
      "privadas",
    ]);
    expect(tokenize("<script>alert(1)</script>")).toEqual(["script", "alert", "1", "script"]);
    expect(tokenize("")).toEqual([]);
  });

  it("locates words in the original text, accents included", () => {
    const text = "Otros: Armonización y São Paulo";
    const spans = [...wordSpans(text)];
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Otros", "Armonización", "y", "São", "Paulo"]);
    expect(spans.map((s) => s.term)).toEqual(["otros", "armonizacion", "y", "sao", "paulo"]);
  });
});
