/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import { AUDIT_ACTIONS, type AuditEntry } from "../../../functions/src/model/audit.js";
import { listAudit } from "../data.js";
import { formatTime, t } from "../i18n/index.js";
import { Table } from "../lib/table.js";
import { say } from "../ui.js";

const actorOf = (entry: AuditEntry) =>
  "system" in entry.actor ? t("ui.audit.system") : (entry.actor.memberId ?? entry.actor.uid);

export function AuditTable(props: { entries: AuditEntry[]; caption: string }) {
  return (
    <Table
      caption={props.caption}
      rows={props.entries}
      rowKey={(entry, index) => `${entry.at}-${index}`}
      columns={[
        { header: t("ui.audit.when"), cell: (entry) => <time dateTime={entry.at}>{formatTime(entry.at)}</time> },
        { header: t("ui.audit.action"), cell: (entry) => entry.action },
        {
          header: t("ui.audit.target"),
          cell: (entry) =>
            entry.target.collection === "documents" ? (
              <a href={`#/documents/${entry.target.id}`}>{entry.target.id}</a>
            ) : (
              `${entry.target.collection}/${entry.target.id}`
            ),
        },
        { header: t("ui.audit.who"), cell: actorOf },
        { header: t("ui.audit.reason"), cell: (entry) => entry.reason ?? "" },
      ]}
    />
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
