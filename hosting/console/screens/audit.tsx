/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import { AUDIT_ACTIONS, type AuditEntry } from "../../../functions/src/model/audit.js";
import { listAudit } from "../data.js";
import { formatTime, t } from "../i18n/index.js";
import { say } from "../ui.js";

const actorOf = (entry: AuditEntry) =>
  "system" in entry.actor ? t("ui.audit.system") : (entry.actor.memberId ?? entry.actor.uid);

export function AuditTable(props: { entries: AuditEntry[]; caption: string }) {
  if (props.entries.length === 0) return <p>{t("ui.none")}</p>;
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
            <th scope="col">{t("ui.audit.when")}</th>
            <th scope="col">{t("ui.audit.action")}</th>
            <th scope="col">{t("ui.audit.target")}</th>
            <th scope="col">{t("ui.audit.who")}</th>
            <th scope="col">{t("ui.audit.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry, index) => (
            <tr key={`${entry.at}-${index}`}>
              <td>
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
              </td>
              <td>{entry.action}</td>
              <td>
                {entry.target.collection === "documents" ? (
                  <a href={`#/documents/${entry.target.id}`}>{entry.target.id}</a>
                ) : (
                  `${entry.target.collection}/${entry.target.id}`
                )}
              </td>
              <td>{actorOf(entry)}</td>
              <td>{entry.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The audit log with filters (committee and secretariat; the rules refuse it to members). */
export function AuditScreen() {
  const [entries, setEntries] = useState<AuditEntry[] | undefined>(undefined);
  const [action, setAction] = useState("");
  const [target, setTarget] = useState("");
  const [since, setSince] = useState("");
  useEffect(() => {
    listAudit(500).then(setEntries, (error: unknown) => say((error as Error).message, "error"));
  }, []);
  if (!entries) return <p>{t("ui.loading")}</p>;
  const shown = entries.filter(
    (e) =>
      (!action || e.action === action) &&
      (!target || `${e.target.collection}/${e.target.id} ${actorOf(e)}`.toLowerCase().includes(target.toLowerCase())) &&
      (!since || e.at >= since),
  );
  return (
    <>
      <h1>{t("ui.nav.audit")}</h1>
      <form class="filters" aria-label={t("ui.audit.filter")} onSubmit={(e) => e.preventDefault()}>
        <p class="field">
          <label for="audit-action">{t("ui.audit.action")}</label>
          <select id="audit-action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
            <option value="">{t("ui.docs.any")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </p>
        <p class="field">
          <label for="audit-target">
            {t("ui.audit.target")} / {t("ui.audit.who")}
          </label>
          <input id="audit-target" type="search" value={target} onInput={(e) => setTarget(e.currentTarget.value)} />
        </p>
        <p class="field">
          <label for="audit-since">{t("ui.audit.since")}</label>
          <input id="audit-since" type="date" value={since} onInput={(e) => setSince(e.currentTarget.value)} />
        </p>
      </form>
      <p aria-live="polite">{t("ui.audit.count", { count: shown.length })}</p>
      <AuditTable entries={shown} caption={t("ui.nav.audit")} />
    </>
  );
}
