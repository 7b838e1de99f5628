/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { AuditEntry } from "../../../functions/src/model/audit.js";
import { listAudit } from "../data.js";
import { formatTime, t } from "../i18n/index.js";
import { FilterChoice, FilterInput, Filters } from "../lib/filters.js";
import { consoleNamer } from "../lib/names.js";
import { AUDIT_GROUPS, auditGroup, auditHref, auditSentence } from "../lib/sentences.js";
import { Table } from "../lib/table.js";
import { claims } from "../session.js";
import { sayFailure } from "../ui.js";

/** The audit log as sentences: who (by name) did what to which record (by title), and when. */
export function AuditTable(props: { entries: AuditEntry[]; caption: string }) {
  return (
    <Table
      stacked
      caption={props.caption}
      rows={props.entries}
      rowKey={(entry, index) => `${entry.at}-${index}`}
      columns={[
        {
          header: t("ui.n.what"),
          cell: (entry) => {
            const sentence = auditSentence(entry, consoleNamer, t);
            const href = auditHref(entry);
            return (
              <>
                {href ? <a href={href}>{sentence}</a> : sentence} ·{" "}
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
              </>
            );
          },
        },
        // The scheduler's reasons are refusal codes, which its sentence already says in words.
        { header: t("ui.audit.reason"), cell: (entry) => ("system" in entry.actor ? "" : (entry.reason ?? "")) },
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
      (!action || auditGroup(e) === action) &&
      (!target || auditSentence(e, consoleNamer, t).toLowerCase().includes(target.toLowerCase())) &&
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
          options={AUDIT_GROUPS.map((a) => [a, t(`ui.n.action.${a}`)] as const)}
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
