import { describe, expect, it } from "vitest";
import { DocumentSchema } from "./document.js";
import { EventSchema } from "./event.js";

const report = {
  id: "a-report",
  kind: "news",
  title: { es: "Título" },
  summary: { es: "Resumen" },
  body: { es: "Cuerpo" },
  translations: { es: "original" },
  status: "published",
  publishedOn: "2005-06",
  version: 1,
  source: "test",
} as const;

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("model", () => {
  it("accepts a document with Spanish text only", () => {
    expect(DocumentSchema.safeParse(report).success).toBe(true);
  });

  it("rejects localized text in neither Spanish nor English", () => {
    expect(issues(DocumentSchema.safeParse({ ...report, title: { pt: "Título" } }))).toEqual([
      "title: needs a Spanish (es) or English (en) text",
    ]);
  });

  it("rejects a title longer than a title can be, naming the language", () => {
    expect(issues(DocumentSchema.safeParse({ ...report, title: { es: "x".repeat(301) } }))).toEqual([
      "title.es: must be at most 300 characters",
    ]);
  });

  it("rejects a published document without a publish date", () => {
    const { publishedOn: _, ...undated } = report;
    expect(issues(DocumentSchema.safeParse(undated))).toEqual([
      "publishedOn: a published document needs a publish date",
    ]);
  });

  it("reports an impossible date once, not also as out of order", () => {
    const event = { id: "e", kind: "seminar", title: { es: "E" }, status: "held", source: "test" };
    expect(issues(EventSchema.safeParse({ ...event, start: "2005-13-45", end: "2005-06" }))).toEqual([
      "start: is not a real calendar date",
    ]);
    expect(
      issues(EventSchema.safeParse({ ...event, start: "2005-06-23", end: "2005-06-20", timeZone: "America/Santiago" })),
    ).toEqual(["end: must not be before the start"]);
    expect(issues(EventSchema.safeParse({ ...event, start: "2005-06-20" }))).toEqual([
      "timeZone: an event with a day needs the IANA time zone it happens in",
    ]);
  });
});
