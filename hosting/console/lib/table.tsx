/** @jsxImportSource preact */
import type { ComponentChildren } from "preact";
import { t } from "../i18n/index.js";

export interface Column<T> {
  header: ComponentChildren;
  cell: (row: T) => ComponentChildren;
}

/**
 * A table with its caption, one row per item. With no item it says "none" instead, unless
 * `keepEmpty` (a table whose headers explain what will appear there). A `stacked` table turns, on
 * a narrow screen, into one block per row, each cell under its column's name (console.css): what a
 * row offers to do (a button in its last column) is then in sight at 360 px, not off to the side.
 */
export function Table<T>(props: {
  caption: string;
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  columns: readonly Column<T>[];
  keepEmpty?: boolean;
  stacked?: boolean;
}) {
  if (props.rows.length === 0 && !props.keepEmpty) return <p>{t("ui.none")}</p>;
  return (
    // A table wider than the screen scrolls sideways; keyboard users must be able to reach it to
    // scroll it (WCAG 2.1.1). No role or name of its own: the table's caption already names it, and
    // the screens' sections are the named regions.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <div class="scroll" tabIndex={0}>
      <table class={props.stacked ? "stacked" : undefined}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column, index) => (
              <th key={index} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, index) => (
            <tr key={props.rowKey(row, index)}>
              {props.columns.map((column, c) => (
                <td key={c} data-label={typeof column.header === "string" ? column.header : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
