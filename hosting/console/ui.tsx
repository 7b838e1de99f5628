/** @jsxImportSource preact */
import { signal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import type { Document } from "../../functions/src/model/document.js";
import { pickText, t } from "./i18n/index.js";

/** The message the live region reads out (results of actions, refusals). */
export const notice = signal<{ text: string; kind: "info" | "error" } | undefined>(undefined);
export const say = (text: string, kind: "info" | "error" = "info") => {
  notice.value = { text, kind };
};

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
  if (props.documents.length === 0) return <p>{t("ui.none")}</p>;
  return (
    // A table wider than the screen scrolls sideways; keyboard users must be able to reach it to
    // scroll it (WCAG 2.1.1). No role or name of its own: the table's caption already names it, and
    // the dashboard's sections are the named regions.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <div class="scroll" tabIndex={0}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ui.col.title")}</th>
            <th scope="col">{t("ui.col.status")}</th>
            <th scope="col">{t("ui.col.version")}</th>
            <th scope="col">{t("ui.col.languages")}</th>
          </tr>
        </thead>
        <tbody>
          {props.documents.map((d) => (
            <tr key={d.id}>
              <td>
                <a href={`#/documents/${d.id}`}>{pickText(d.title) ?? d.id}</a>
              </td>
              <td>{t(`ui.status.${d.status}`)}</td>
              <td>{d.version}</td>
              <td>
                {Object.keys(d.title)
                  .map((l) => l.toUpperCase())
                  .join(" ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
