import { describe, expect, it } from "vitest";
import { type Document, DocumentContentSchema } from "../../functions/src/model/document.js";
import { check, contentOf, formOf, merged } from "../../hosting/console/document-form.js";

const stored: Document = {
  id: "console-form-news",
  kind: "news",
  status: "draft",
  version: 2,
  title: { es: "Noticia", en: "News" },
  summary: { es: "Resumen." },
  body: { es: "Texto.", en: "Text." },
  translations: { es: "original", en: "translated" },
  countries: ["CL"],
  topics: [],
  source: "unit test",
};

describe("the console's document form", () => {
  it("sends exactly the stored content back, which the callable's schema accepts", () => {
    const content = contentOf(formOf(stored));
    const { id: _id, status: _status, version: _version, ...expected } = stored;
    expect(DocumentContentSchema.parse(content)).toEqual(expected);
    expect(check(formOf(stored), false)).toEqual({});
  });

  it("names each bad field by the path the form shows it at, before anything is sent", () => {
    const empty = formOf(undefined);
    expect(Object.keys(check(empty, true)).sort()).toEqual(["body.es", "id", "source", "summary.es", "title.es"]);
    const badCountry = { ...formOf(stored), countries: "Chile" };
    expect(Object.keys(check(badCountry, false))).toEqual(["countries.0"]);
  });

  it("reapplies the author's changes on the latest version and keeps another person's change elsewhere", () => {
    const base = formOf(stored);
    const mine = { ...base, langs: { ...base.langs, es: { ...base.langs.es, body: "Texto ampliado." } } };
    const latestRecord = { ...stored, version: 3, summary: { es: "Resumen corregido." } };
    const result = merged(base, mine, formOf(latestRecord));
    expect(result.langs.es.body).toBe("Texto ampliado.");
    expect(result.langs.es.summary).toBe("Resumen corregido.");
    expect(result.langs.en).toEqual(base.langs.en);
  });
});
