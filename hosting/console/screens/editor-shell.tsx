/** @jsxImportSource preact */
// The one editor of the console: a document and every other kind of record are loaded, saved,
// moved through the workflow, restored from their history and merged after a stale edit the same
// way; each kind's screen brings only its fields, its texts and how it calls the server.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { mayAttempt, ROLES_FOR } from "../../../functions/src/committee/permissions.js";
import { type WorkflowAction as Action, canTransition } from "../../../functions/src/committee/records/workflow.js";
import type { AuditAction } from "../../../functions/src/model/audit.js";
import { t } from "../i18n/index.js";
import { FieldProblem, useAction } from "../lib/action.js";
import { CallError } from "../lib/callables.js";
import { failureText } from "../lib/failures.js";
import { fieldMessages } from "../lib/field-messages.js";
import { claims } from "../session.js";
import { say, sayFailure } from "../ui.js";
import { type VersionEntry, VersionList, WorkflowPanel } from "./record-parts.js";

const ACTIONS = ["submit", "publish", "unpublish", "archive", "softDelete", "undelete"] as const;

type State = Parameters<typeof canTransition>[1];
/** What a save or workflow action answers. */
export interface Saved {
  version: number;
  status: Exclude<State, "new">;
}

/** The version the person started from, what they made of it, and what was saved meanwhile. */
export interface Conflict<S, F> {
  base: F;
  mine: F;
  latest: S;
}

/** What the shell needs to know of a kind. */
export interface EditorKind<S, F, V extends VersionEntry> {
  /** The id in the route; undefined for a new one. */
  id: string | undefined;
  get: (id: string) => Promise<S | undefined>;
  /** Its versions, newest first (only reviewers read them). */
  history: (id: string) => Promise<V[]>;
  /** What else the screen reads with the record (a reviewer's scheduled publication, a missing record's notice). */
  onLoad?: (id: string, stored: S | undefined, reviewer: boolean) => Promise<void>;
  formOf: (stored: S | undefined) => F;
  idOf: (form: F) => string;
  versionOf: (stored: S) => number;
  stateOf: (stored: S | undefined) => State;
  /** Every problem of the form, by field path, before anything is sent (the schemas' words: shown translated). */
  check: (form: F, stored: S | undefined) => Record<string, string>;
  /** Whether a new record may take this id (asked again just before it is saved). */
  idFree?: (id: string) => Promise<boolean>;
  fieldId: (path: string) => string;
  /** The person's changes reapplied on the latest version, field by field. */
  merged: (base: F, mine: F, latest: F) => F;
  href: (id: string) => string;
  /** The permission table's name for an action on this kind. */
  permission: (action: Action) => AuditAction;
  save: (target: { id: string; baseVersion?: number }, form: F, stored: S | undefined) => Promise<Saved>;
  act: (action: Action, payload: { id: string; baseVersion: number } & Record<string, unknown>) => Promise<Saved>;
  /** What the kind's own controls add to an action's payload (a document's new notice to subscribers). */
  extraFor?: (action: Action) => Record<string, unknown>;
}

/** The state and the handlers of an editor; the screen renders its fields with them and `EditorShell` the rest. */
export function useEditor<S, F, V extends VersionEntry>(kind: EditorKind<S, F, V>) {
  const who = claims.value;
  const reviewer = who ? mayAttempt(who.role, "audit.read") : false;
  const [current, setCurrent] = useState<S | undefined>(undefined);
  const [loaded, setLoaded] = useState(kind.id === undefined);
  // What stopped the record from loading, said in place of the editor (a record the role may not read).
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [form, setForm] = useState<F>(() => kind.formOf(undefined));
  const [reason, setReason] = useState("");
  const [versions, setVersions] = useState<V[]>([]);
  const [compare, setCompare] = useState<V | undefined>(undefined);
  const [conflict, setConflict] = useState<Conflict<S, F> | undefined>(undefined);
  const action = useAction();
  const id = kind.id ?? kind.idOf(form);
  const state = kind.stateOf(current);
  const version = current ? kind.versionOf(current) : undefined;

  const reload = async (recordId: string) => {
    const stored = await kind.get(recordId);
    setCurrent(stored);
    setForm(kind.formOf(stored));
    if (reviewer && stored) setVersions(await kind.history(recordId));
    await kind.onLoad?.(recordId, stored, reviewer);
    setLoaded(true);
  };
  useEffect(() => {
    if (kind.id)
      reload(kind.id).catch((error: unknown) => {
        setFailure(failureText(error, t));
        sayFailure(error);
      });
  }, [kind.id]);

  // A stale base version: show the latest beside the person's text, so nothing is lost.
  const onError = async (error: unknown) => {
    if (!(error instanceof CallError) || error.failure.details.key !== "console.error.stale") return;
    const latest = await kind.get(id);
    if (latest) setConflict({ base: kind.formOf(current), mine: form, latest });
  };

  const save = (event: Event) => {
    event.preventDefault();
    if (!action.checked(fieldMessages(kind.check(form, current)), t("ui.ed.fixFirst"), kind.fieldId)) return;
    void action.run(
      async () => {
        if (!kind.id && kind.idFree && !(await kind.idFree(id))) {
          throw new FieldProblem("id", t("ui.form.idTaken", { id }));
        }
        const result = await kind.save(
          { id, ...(version !== undefined ? { baseVersion: version } : {}) },
          form,
          current,
        );
        setConflict(undefined);
        if (!kind.id) location.hash = kind.href(id);
        else await reload(id);
        say(t("ui.ed.saved", { version: result.version, status: t(`ui.status.${result.status}`) }));
      },
      // A taken id stands beside the id field, whether this screen or the server found it.
      { onError, byKey: { "console.error.exists": "id" }, idOf: kind.fieldId },
    );
  };

  const act = (name: Action, extra: Record<string, unknown> = {}) =>
    action.run(async () => {
      if (version === undefined) return;
      const result = await kind.act(name, {
        id,
        baseVersion: version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...kind.extraFor?.(name),
        ...extra,
      });
      await reload(id);
      setCompare(undefined);
      say(
        name === "restoreVersion"
          ? t("ui.hist.restored", { from: String(extra.version), version: result.version })
          : t("ui.ed.saved", { version: result.version, status: t(`ui.status.${result.status}`) }),
      );
    });

  const reapply = () => {
    if (!conflict) return;
    setCurrent(conflict.latest);
    setForm(kind.merged(conflict.base, conflict.mine, kind.formOf(conflict.latest)));
    setConflict(undefined);
    say(t("ui.conflict.reapplied", { version: kind.versionOf(conflict.latest) }));
  };

  /** Whether this person may take `name` now; `permission` names it when it is not the action's own. */
  const may = (name: Action, permission: AuditAction = kind.permission(name)) =>
    who !== null && ROLES_FOR[permission].includes(who.role) && canTransition(name, state);

  return {
    ...action,
    id,
    reviewer,
    loaded,
    failure,
    current,
    version,
    state,
    form,
    setForm,
    reason,
    setReason,
    versions,
    compare,
    setCompare,
    conflict,
    reload,
    save,
    act,
    reapply,
    may,
  };
}

export type Editor<S, F, V extends VersionEntry> = ReturnType<typeof useEditor<S, F, V>>;

/**
 * Everything around a kind's fields: the heading, the merge after a stale edit, the form with its
 * save button, the workflow's actions and the version history with compare and restore.
 */
export function EditorShell<S, F, V extends VersionEntry>(props: {
  editor: Editor<S, F, V>;
  title: string;
  /** The version and state line of a stored record. */
  status?: string;
  conflictTitle: string;
  /** The latest version beside the person's text. */
  conflictBody: (conflict: Conflict<S, F>) => ComponentChildren;
  /** What a compared version changed, against the current record. */
  diff: (before: V, current: S) => ComponentChildren;
  /** More of the workflow panel (a record's scheduled publication). */
  workflow?: ComponentChildren;
  /** The kind's own fields. */
  children: ComponentChildren;
}) {
  const e = props.editor;
  if (e.failure) return <p class="card">{e.failure}</p>;
  if (!e.loaded) return <p>{t("ui.loading")}</p>;
  const { current, conflict, compare } = e;
  return (
    <>
      <h1>{props.title}</h1>
      {current && props.status ? <p>{props.status}</p> : null}

      {conflict ? (
        <section class="conflict card" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{props.conflictTitle}</h2>
          {props.conflictBody(conflict)}
          <p>
            <button type="button" onClick={e.reapply}>
              {t("ui.conflict.reapply")}
            </button>
          </p>
        </section>
      ) : null}

      <form onSubmit={e.save} noValidate>
        {props.children}
        <p class="actions">
          {e.may("saveDraft") ? (
            <button type="submit" disabled={e.busy}>
              {t("ui.ed.save")}
            </button>
          ) : null}
        </p>
      </form>

      {current ? (
        <WorkflowPanel
          actions={ACTIONS.filter((action) => e.may(action))}
          busy={e.busy}
          reason={e.reason}
          setReason={e.setReason}
          onAct={(action) => void e.act(action as Action)}
        >
          {props.workflow}
        </WorkflowPanel>
      ) : null}

      {current && e.reviewer && e.versions.length > 0 ? (
        <section aria-labelledby="history">
          <h2 id="history">{t("ui.hist.title")}</h2>
          <VersionList
            versions={e.versions}
            current={e.version ?? 1}
            busy={e.busy}
            canRestore={e.may("restoreVersion")}
            onCompare={(v) => e.setCompare(e.versions.find((x) => x.version === v))}
            onRestore={(v) => void e.act("restoreVersion", { version: v })}
          />
          {compare ? props.diff(compare, current) : null}
        </section>
      ) : null}
    </>
  );
}
