/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import { AUDIT_ACTIONS, type AuditEntry } from "../../../functions/src/model/audit.js";
import { listAudit } from "../data.js";
import { formatTime, t } from "../i18n/index.js";
import { FilterChoice, FilterInput, Filters } from "../lib/filters.js";
import { Table } from "../lib/table.js";
import { claims } from "../session.js";
import { sayFailure } from "../ui.js";

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
  const who = claims.value;
  useEffect(() => {
    if (!who) return;
    listAudit(who, 500).then(setEntries, sayFailure);
  }, [who]);
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
      <Filters label={t("ui.audit.filter")}>
        <FilterChoice
          id="audit-action"
          label={t("ui.audit.action")}
          value={action}
          options={AUDIT_ACTIONS.map((a) => [a, a] as const)}
          onChange={setAction}
        />
        <FilterInput
          id="audit-target"
          label={
            <>
              {t("ui.audit.target")} / {t("ui.audit.who")}
            </>
          }
          value={target}
          onInput={setTarget}
        />
        <FilterInput id="audit-since" type="date" label={t("ui.audit.since")} value={since} onInput={setSince} />
      </Filters>
      <p aria-live="polite">{t("ui.audit.count", { count: shown.length })}</p>
      <AuditTable entries={shown} caption={t("ui.nav.audit")} />
    </>
  );
}
