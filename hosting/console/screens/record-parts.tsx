/** @jsxImportSource preact */
// Parts every editor of the console shares (documents and the other records): the workflow's
// buttons with their reason, the version history with compare and restore, and the languages
// side by side.
import type { ComponentChildren } from "preact";
import { LANGS, type Lang } from "../../../functions/src/model/common.js";
import { formatTime, t, type UiKey } from "../i18n/index.js";

/** The workflow's actions this person may take now, each a button, with the reason the audit log keeps. */
export function WorkflowPanel(props: {
  actions: readonly string[];
  busy: boolean;
  reason: string;
  setReason: (reason: string) => void;
  onAct: (action: string) => void;
  children?: ComponentChildren;
}) {
  return (
    <section aria-labelledby="workflow" class="card">
      <h2 id="workflow">{t("ui.col.status")}</h2>
      <p class="field">
        <label for="f-reason">{t("ui.ed.reason")}</label>
        <input id="f-reason" value={props.reason} onInput={(e) => props.setReason(e.currentTarget.value)} />
      </p>
      <p class="actions">
        {props.actions.map((action) => (
          <button key={action} type="button" disabled={props.busy} onClick={() => props.onAct(action)}>
            {t(`ui.act.${action}` as UiKey)}
          </button>
        ))}
      </p>
      {props.children}
    </section>
  );
}

export interface VersionEntry {
  version: number;
  action: string | null;
  at: string | null;
  by: { memberId: string } | null;
}

/** The versions of a record, newest first, each comparable with the current one and restorable. */
export function VersionList(props: {
  versions: readonly VersionEntry[];
  current: number;
  busy: boolean;
  canRestore: boolean;
  onCompare: (version: number) => void;
  onRestore: (version: number) => void;
}) {
  return (
    <ol class="versions">
      {props.versions.map((v) => (
        <li key={v.version}>
          <strong>{v.version}</strong>{" "}
          {v.action
            ? t("ui.hist.by", { action: v.action, who: v.by?.memberId ?? "", at: formatTime(v.at) })
            : t("ui.hist.seed")}{" "}
          {v.version !== props.current ? (
            <>
              <button type="button" class="secondary" onClick={() => props.onCompare(v.version)}>
                {t("ui.hist.compare")} ({v.version})
              </button>{" "}
              {props.canRestore ? (
                <button type="button" disabled={props.busy} onClick={() => props.onRestore(v.version)}>
                  {t("ui.act.restoreVersion")} ({v.version})
                </button>
              ) : null}
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** One fieldset per language, side by side where the screen is wide enough. */
export function LanguageColumns(props: { legend: (l: Lang) => string; children: (l: Lang) => ComponentChildren }) {
  return (
    <div class="translations">
      {LANGS.map((l) => (
        <fieldset key={l} lang={l}>
          <legend>{props.legend(l)}</legend>
          {props.children(l)}
        </fieldset>
      ))}
    </div>
  );
}
