/** @jsxImportSource preact */
// A new record's identifier: made from its title until the person types one of their own, and
// checked with the server as it changes (a member cannot read other countries' drafts, so only
// the idFree callable knows whether an id is taken). Saving checks again: the server has the
// last word.
import { useEffect, useState } from "preact/hooks";
import type { KindName } from "../../../functions/src/committee/records/kinds.js";
import { IdSchema } from "../../../functions/src/model/common.js";
import { t } from "../i18n/index.js";
import { call } from "./callables.js";
import { slugOf } from "./slug.js";

export type IdStatus = "free" | "taken" | "unknown" | undefined;

/** Whether `id` is free for a new record of `kind`, asked once the person stops typing. */
export function useIdStatus(kind: KindName, id: string, active: boolean): IdStatus {
  const [answers, setAnswers] = useState<Record<string, IdStatus>>({});
  const valid = active && IdSchema.safeParse(id).success;
  useEffect(() => {
    if (!valid || answers[id] !== undefined) return;
    const timer = setTimeout(() => {
      call("committee-idFree", { kind, id }).then(
        (answer) => setAnswers((a) => ({ ...a, [id]: answer.free ? "free" : "taken" })),
        () => setAnswers((a) => ({ ...a, [id]: "unknown" })),
      );
    }, 350);
    return () => clearTimeout(timer);
  }, [kind, id, valid]);
  return valid ? answers[id] : undefined;
}

/** Whether `id` is free, asked now (before a save). */
export async function idIsFree(kind: KindName, id: string): Promise<boolean> {
  return (await call("committee-idFree", { kind, id })).free;
}

/**
 * Keeps a new record's id made from its title until the person edits the id themselves;
 * `onEdit` marks that, so the title no longer changes it.
 */
export function useIdFromTitle(active: boolean, title: string, setId: (id: string) => void) {
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (active && !edited) setId(slugOf(title));
  }, [active, edited, title]);
  return { onEdit: () => setEdited(true) };
}

/** The identifier's field, after the title: editable, its state (free, taken) said beside it. */
export function IdField(props: {
  id: string;
  value: string;
  status: IdStatus;
  error?: string;
  onInput: (value: string) => void;
}) {
  const { id, value, status } = props;
  const error = props.error ?? (status === "taken" ? t("ui.form.idTaken", { id: value }) : undefined);
  const note =
    status === "free"
      ? t("ui.form.idFree", { id: value })
      : status === "unknown"
        ? t("ui.form.idUnknown", { id: value })
        : "";
  return (
    <p class={error ? "field invalid" : "field"}>
      <label for={id}>{t("ui.form.id")}</label>
      <input
        id={id}
        value={value}
        autocomplete="off"
        spellcheck={false}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <span class="hint" id={`${id}-hint`}>
        {t("ui.form.idHint")} <span aria-live="polite">{note}</span>
      </span>
      {error ? (
        <span class="error" id={`${id}-error`} aria-live="polite">
          {error}
        </span>
      ) : null}
    </p>
  );
}
