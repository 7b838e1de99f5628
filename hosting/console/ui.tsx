/** @jsxImportSource preact */
import { signal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import type { Document } from "../../functions/src/model/document.js";
import { pickText, t } from "./i18n/index.js";
import { failureText } from "./lib/failures.js";
import { Table } from "./lib/table.js";
import { TranslationStatuses } from "./screens/translation-status.js";

/** The message the live region reads out (results of actions, refusals). */
export const notice = signal<{ text: string; kind: "info" | "error" } | undefined>(undefined);
export const say = (text: string, kind: "info" | "error" = "info") => {
  notice.value = { text, kind };
};
/** Says what failed and what to do, in the person's language (never the error's own words). */
export const sayFailure = (error: unknown) => say(failureText(error, t), "error");

// Screens live in "#/..." hashes; any other hash (the skip link's "#main") is an in-page target.
const routeOf = (hash: string) => (hash.startsWith("#/") ? hash.slice(1) : undefined);
export const route = signal(routeOf(location.hash) ?? "/");
addEventListener("hashchange", () => {
  const next = routeOf(location.hash);
  if (next === undefined) return;
  route.value = next;
});

/** A labelled form field with its error beside it, announced with the field. */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  children: (attrs: { id: string; "aria-invalid"?: "true"; "aria-describedby"?: string }) => ComponentChildren;
}) {
  const errorId = `${props.id}-error`;
  return (
    <p class={props.error ? "field invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        ...(props.error ? { "aria-invalid": "true" as const, "aria-describedby": errorId } : {}),
      })}
      {props.error ? (
        <span class="error" id={errorId}>
          {props.error}
        </span>
      ) : null}
    </p>
  );
}

export function DocumentTable(props: { documents: Document[]; caption: string }) {
  return (
    <Table
      stacked
      caption={props.caption}
      rows={props.documents}
      rowKey={(d) => d.id}
      columns={[
        { header: t("ui.col.title"), cell: (d) => <a href={`#/documents/${d.id}`}>{pickText(d.title) ?? d.id}</a> },
        { header: t("ui.col.status"), cell: (d) => t(`ui.status.${d.status}`) },
        { header: t("ui.col.version"), cell: (d) => d.version },
        { header: t("ui.trs.col"), cell: (d) => <TranslationStatuses translations={d.translations} texts={d.title} /> },
      ]}
    />
  );
}
