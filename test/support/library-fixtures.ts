import type { Document, Lang } from "../../functions/src/model/index.js";
import { DOCUMENT_KINDS } from "../../functions/src/model/index.js";

/**
 * `count` published documents with varied kinds, dates (several sharing a date, some only a year),
 * countries, topics and languages, all containing the word "expediente" so one search finds them.
 */
export function generatedDocuments(count: number): Document[] {
  const countries = ["CL", "BR", "PE", "MX"];
  const topics = ["harmonization", "sme-participation", "professional-development"];
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(3, "0");
    const year = 2006 + (i % 4);
    // Every third document shares its date with the next, so ties are broken by id.
    const publishedOn = i % 5 === 0 ? String(year) : `${year}-${String(1 + (Math.floor(i / 3) % 12)).padStart(2, "0")}`;
    const langs: Lang[] = i % 2 === 0 ? ["es", "en"] : i % 3 === 0 ? ["es", "pt"] : ["en"];
    const localized = (text: string) => Object.fromEntries(langs.map((l) => [l, `${text} (${l})`]));
    return {
      id: `generated-${n}`,
      kind: DOCUMENT_KINDS[i % DOCUMENT_KINDS.length] as Document["kind"],
      title: localized(`Documento generado ${n}`),
      summary: localized(`Resumen del documento ${n}`),
      body: localized(`## Sección ${n}\n\nTexto del expediente número ${n}.`),
      translations: Object.fromEntries(langs.map((l) => [l, "original"])),
      countries: [countries[i % countries.length] as string],
      topics: [topics[i % topics.length] as string],
      status: "published",
      publishedOn,
      version: 1,
      source: "Generated for tests",
    } satisfies Document;
  });
}
