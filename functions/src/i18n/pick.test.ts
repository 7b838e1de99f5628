import { describe, expect, it } from "vitest";
import { fallbackOrder, pickAvailable } from "./pick.js";

describe("the language shown when the one asked for is missing", () => {
  it("is the asked one first, then the working languages, then the closest", () => {
    expect(fallbackOrder("fr")).toEqual(["fr", "en", "es", "pt"]);
    expect(pickAvailable({ es: "Informe", en: "Report" }, "fr")).toEqual({
      text: "Report",
      lang: "en",
      fallback: true,
    });
    expect(pickAvailable({ pt: "Relatório", fr: "Rapport" }, "en")).toEqual({
      text: "Rapport",
      lang: "fr",
      fallback: true,
    });
    expect(pickAvailable({ pt: "Relatório" }, "pt")).toEqual({ text: "Relatório", lang: "pt", fallback: false });
  });

  it("is none when the text has no language at all", () => {
    expect(pickAvailable({}, "es")).toBeUndefined();
    expect(pickAvailable(undefined, "en")).toBeUndefined();
  });
});
