import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../functions/src/i18n/index.js";
import { LANGS } from "../../functions/src/model/index.js";
import type { PublicSnapshot } from "../../functions/src/views/public-snapshot.js";
import { attr, elementsOf, textOf } from "../support/html.js";
import { seedSnapshot, siteOver } from "../support/seeded-site.js";

const REPORT = "santiago-2005-executive-report";
let seed: PublicSnapshot;
beforeAll(async () => {
  seed = await seedSnapshot();
});

/** The seed with the report's English translation marked as the store marks one behind its original. */
function withReport(translations: Record<string, string>, originalChangedAt?: string) {
  return siteOver({
    ...seed,
    documents: seed.documents.map((d) =>
      d.id === REPORT ? { ...d, translations, ...(originalChangedAt ? { originalChangedAt } : {}) } : d,
    ),
  } as PublicSnapshot);
}

const notesOf = (html: string) => elementsOf(html).filter((e) => attr(e, "role") === "note");

describe("a document page whose translation is outdated", () => {
  it("says so in the page's language, with the original's date and a link to the original", async () => {
    const site = withReport(
      { es: "original", en: "outdated", pt: "outdated", fr: "outdated" },
      "2026-12-04T20:36:00.000Z",
    );
    const dates = { en: "December 4, 2026", pt: "4 de dezembro de 2026", fr: "4 décembre 2026" } as const;
    for (const lang of ["en", "pt", "fr"] as const) {
      const html = await (await site.request(`/${lang}/documents/${REPORT}`)).text();
      const t = translator(lang);
      const note = notesOf(html).find((n) =>
        textOf(n).includes(t("translation.outdated.link", { lang: t("lang.es") })),
      );
      expect(note, lang).toBeDefined();
      if (!note) continue;
      expect(textOf(note)).toContain(dates[lang]);
      const link = elementsOf(html).find(
        (e) =>
          e.tagName === "a" &&
          attr(e, "hreflang") === "es" &&
          attr(e, "lang") === "es" &&
          textOf(e) === t("translation.outdated.link", { lang: t("lang.es") }),
      );
      expect(link && attr(link, "href"), lang).toBe(`/es/documents/${REPORT}`);
      expect(html).toContain(t("document.translation.outdated"));
    }
  });

  it("says nothing on the original's page, nor where the translation is done", async () => {
    const outdated = withReport({ es: "original", en: "outdated" }, "2026-12-04T20:36:00.000Z");
    const es = await (await outdated.request(`/es/documents/${REPORT}`)).text();
    expect(es).not.toContain(translator("es")("translation.outdated.link", { lang: "Español" }));
    const done = withReport({ es: "original", en: "translated" }, "2026-12-04T20:36:00.000Z");
    for (const lang of LANGS) {
      const t = translator(lang);
      const html = await (await done.request(`/${lang}/documents/${REPORT}`)).text();
      expect(html, lang).not.toContain(t("translation.outdated.link", { lang: t("lang.es") }));
    }
  });

  it("says it without a date for a translation marked outdated by hand before the store kept the original's", async () => {
    const html = await (await withReport({ es: "original", en: "outdated" }).request(`/en/documents/${REPORT}`)).text();
    const t = translator("en");
    expect(html).toContain(t("translation.outdated.undated", { lang: t("lang.es") }));
  });
});
