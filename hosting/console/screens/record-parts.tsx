/** @jsxImportSource preact */
// Parts every editor of the console shares (documents and the other records): the workflow's
// buttons with their reason, the version history with compare and restore, and the languages
// side by side.
import type { ComponentChildren } from "preact";
import { LANGS, type Lang } from "../../../functions/src/model/common.js";
import { t, type UiKey } from "../i18n/index.js";
import { consoleNamer } from "../lib/names.js";
import { versionLine } from "../lib/sentences.js";

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

/** A new notice of a published document: whether subscribers should hear of it again, and why. */
export interface Notice {
  wanted: boolean;
  reason: string;
}

/**
 * For a document published before, in the workflow panel beside its publish button: a
 * republished correction reaches no subscriber unless its publisher asks for a new notice, with
 * the reason the audit log keeps, and the server sends one at most once a day.
 */
export function SubscriberNotice(props: { notice: Notice; setNotice: (notice: Notice) => void }) {
  const { notice, setNotice } = props;
  return (
    <fieldset class="notice">
      <legend>{t("ui.notice.legend")}</legend>
      <p class="hint">{t("ui.notice.hint")}</p>
      <p class="field">
        <label>
          <input
            type="checkbox"
            checked={notice.wanted}
            onChange={(e) => setNotice({ ...notice, wanted: e.currentTarget.checked })}
          />{" "}
          {t("ui.notice.again")}
        </label>
      </p>
      {notice.wanted ? (
        <p class="field">
          <label for="f-notice-reason">{t("ui.notice.reason")}</label>
          <input
            id="f-notice-reason"
            value={notice.reason}
            required
            onInput={(e) => setNotice({ ...notice, reason: e.currentTarget.value })}
          />
        </p>
      ) : null}
    </fieldset>
  );
}

export interface VersionEntry {
  version: number;
  action: string | null;
  at: string | null;
  by: { memberId: string } | null;
  /** The record as this version left it: its title names it in the history. */
  record?: unknown;
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
          <strong>{v.version}</strong> {versionLine(v, consoleNamer, t)}{" "}
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
