import { stringify } from "csv-stringify/sync";

/** A value of a CSV cell; undefined is an empty cell. */
export type CsvCell = string | number | boolean | undefined;

/**
 * A table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the accents
 * right): the one writer of every CSV file people download (the open data, an event's
 * registrations). Every value holding a line break (CR, LF or both) is quoted: records end with
 * CRLF, but spreadsheets also end a row at a bare LF or CR outside quotes, and texts have
 * paragraphs. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return, or their full-width forms) gets an apostrophe in front: the content is typed by
 * many people and the file is opened in spreadsheets. Only a cell's start is escaped; a later line
 * of a quoted value is inside the cell, where no spreadsheet reads a formula, and is left as
 * written (docs/open-data.md).
 */
export function csvTable(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      header: true,
      columns: [...headers],
      bom: true,
      record_delimiter: "windows",
      // Choosing a record delimiter turns csv-stringify's quoting of bare CR and LF off; turn it back on.
      quote_record_delimiter: true,
      escape_formulas: true,
      cast: { boolean: (value) => (value ? "true" : "false") },
    },
  );
}
