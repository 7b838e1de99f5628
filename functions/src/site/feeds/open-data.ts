import { stringify } from "csv-stringify/sync";
import { LANGS, type Localized } from "../../model/index.js";
import type { PublicSnapshot } from "../../views/public-snapshot.js";

/** The collections published as CSV tables, in the order the open-data page lists them. */
export const DATASETS = [
  "countries",
  "institutions",
  "events",
  "documents",
  "topics",
  "initiatives",
  "committee",
  "commitments",
] as const;
export type Dataset = (typeof DATASETS)[number];

export function isDataset(name: string): name is Dataset {
  return (DATASETS as readonly string[]).includes(name);
}

type Cell = string | number | boolean | undefined;
type Column<T> = { header: string; value: (record: T) => Cell };

interface Builders<T> {
  field: (header: string, value: (record: T) => Cell) => Column<T>[];
  /** One column per language, always all four, so a table's columns never depend on its content. */
  localized: (name: string, value: (record: T) => Localized | undefined) => Column<T>[];
  list: (header: string, value: (record: T) => string[]) => Column<T>[];
}

function table<T>(build: (builders: Builders<T>) => Column<T>[][]): Column<T>[] {
  const field: Builders<T>["field"] = (header, value) => [{ header, value }];
  return build({
    field,
    localized: (name, value) => LANGS.map((lang) => ({ header: `${name}_${lang}`, value: (r: T) => value(r)?.[lang] })),
    list: (header, value) => field(header, (record) => value(record).join("; ")),
  }).flat();
}

type Row<D extends Dataset> = PublicSnapshot[D][number];
const COLUMNS: { [D in Dataset]: Column<Row<D>>[] } = {
  countries: table<Row<"countries">>(({ field, localized }) => [
    field("id", (c) => c.id),
    localized("name", (c) => c.name),
    field("oasMember", (c) => c.oasMember),
    field("source", (c) => c.source),
  ]),
  institutions: table<Row<"institutions">>(({ field, localized }) => [
    field("id", (i) => i.id),
    field("kind", (i) => i.kind),
    localized("name", (i) => i.name),
    field("acronym", (i) => i.acronym),
    field("countryId", (i) => i.countryId),
    field("website", (i) => i.website),
    field("source", (i) => i.source),
  ]),
  events: table<Row<"events">>(({ field, list, localized }) => [
    field("id", (e) => e.id),
    field("kind", (e) => e.kind),
    field("status", (e) => e.status),
    localized("title", (e) => e.title),
    localized("summary", (e) => e.summary),
    field("start", (e) => e.start),
    field("end", (e) => e.end),
    field("timeZone", (e) => e.timeZone),
    localized("city", (e) => e.city),
    list("hostCountries", (e) => e.hostCountries),
    list("organizerIds", (e) => e.organizerIds),
    list("attendingCountries", (e) => e.attendingCountries),
    // The programme's structure does not fit a table; public.json carries it whole.
    field("sessions", (e) => e.sessions.length),
    field("participation_officials", (e) => e.participation?.officials),
    field("participation_countries", (e) => e.participation?.countries),
    field("participation_multilateralInstitutions", (e) => e.participation?.multilateralInstitutions),
    field("participation_institutions", (e) => e.participation?.institutions),
    field("participation_countedFrom", (e) => e.participation?.countedFrom),
    field("source", (e) => e.source),
  ]),
  documents: table<Row<"documents">>(({ field, list, localized }) => [
    field("id", (d) => d.id),
    field("kind", (d) => d.kind),
    localized("title", (d) => d.title),
    localized("summary", (d) => d.summary),
    LANGS.flatMap((lang) => field(`translation_${lang}`, (d) => d.translations[lang])),
    field("eventId", (d) => d.eventId),
    list("countries", (d) => d.countries),
    list("topics", (d) => d.topics),
    field("publishedOn", (d) => d.publishedOn),
    field("version", (d) => d.version),
    field("source", (d) => d.source),
  ]),
  topics: table<Row<"topics">>(({ field, localized }) => [
    field("id", (t) => t.id),
    localized("name", (t) => t.name),
    field("priority", (t) => t.priority),
    field("order", (t) => t.order),
    field("source", (t) => t.source),
  ]),
  initiatives: table<Row<"initiatives">>(({ field, list, localized }) => [
    field("id", (i) => i.id),
    localized("name", (i) => i.name),
    list("coordinatorIds", (i) => i.coordinatorIds),
    field("website", (i) => i.website),
    field("crossLink", (i) => i.crossLink),
    field("linkCheck_checkedOn", (i) => i.linkCheck?.checkedOn),
    field("linkCheck_result", (i) => i.linkCheck?.result),
    field("source", (i) => i.source),
  ]),
  committee: table<Row<"committee">>(({ field }) => [
    field("id", (s) => s.id),
    field("countryId", (s) => s.countryId),
    field("basis", (s) => s.basis),
    field("eventId", (s) => s.eventId),
    field("reason", (s) => s.reason),
    field("since", (s) => s.since),
    field("source", (s) => s.source),
  ]),
  commitments: table<Row<"commitments">>(({ field, localized }) => [
    field("id", (c) => c.id),
    field("hostCountryId", (c) => c.hostCountryId),
    field("hostInstitutionId", (c) => c.hostInstitutionId),
    localized("scope", (c) => c.scope),
    field("offeredAtEventId", (c) => c.offeredAtEventId),
    field("termMonths", (c) => c.termMonths),
    field("termStart", (c) => c.termStart),
    field("termEnd", (c) => c.termEnd),
    field("status", (c) => c.status),
    field("source", (c) => c.source),
  ]),
};

/**
 * One collection as a CSV table (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * read the accents right). Every value holding a line break (CR, LF or both) is quoted: records
 * end with CRLF, but spreadsheets also end a row at a bare LF or CR outside quotes, and summaries
 * have paragraphs. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return, or their full-width forms) gets an apostrophe in front: the content is
 * edited by many people and the file is opened in spreadsheets. Only a cell's start is escaped;
 * a later line of a quoted value is inside the cell, where no spreadsheet reads a formula, and is
 * left as written (docs/open-data.md).
 */
export function datasetCsv<D extends Dataset>(snapshot: PublicSnapshot, dataset: D): string {
  const columns = COLUMNS[dataset] as Column<Row<D>>[];
  const rows = (snapshot[dataset] as Row<D>[]).map((record) => columns.map((column) => column.value(record)));
  return stringify(rows, {
    header: true,
    columns: columns.map((c) => c.header),
    bom: true,
    record_delimiter: "windows",
    // Choosing a record delimiter turns csv-stringify's quoting of bare CR and LF off; turn it back on.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { boolean: (value) => (value ? "true" : "false") },
  });
}

/** The public snapshot as the JSON download: it holds public data only, by construction. */
export function snapshotJson(snapshot: PublicSnapshot): string {
  return JSON.stringify(snapshot);
}
