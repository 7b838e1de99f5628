/** @jsxImportSource preact */
// The filters above a list: a search that ignores accents and case, and choices that start at "any".
import type { ComponentChildren } from "preact";
import { t } from "../i18n/index.js";

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Whether `text` holds every word of `search`, accents and case aside ("peru" finds "Perú"). */
export function matchesSearch(search: string, text: string): boolean {
  const folded = fold(text);
  return fold(search)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => folded.includes(word));
}

/** The form the filters stand in; it never submits, each filter applies as it changes. */
export function Filters(props: { label: string; children: ComponentChildren }) {
  return (
    <form class="filters" aria-label={props.label} onSubmit={(e) => e.preventDefault()}>
      {props.children}
    </form>
  );
}

/** A filter field: a search box, or a date with `type`. */
export function FilterInput(props: {
  id: string;
  label: ComponentChildren;
  value: string;
  type?: "search" | "date";
  onInput: (value: string) => void;
}) {
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      {props.type === "date" ? (
        <input id={props.id} type="date" value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
      ) : (
        <input id={props.id} type="search" value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
      )}
    </p>
  );
}

/** A choice among `options`, or "any". */
export function FilterChoice(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [value: string, label: string])[];
  onChange: (value: string) => void;
}) {
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t("ui.docs.any")}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </p>
  );
}
