/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { OutboxReview } from "../../../functions/src/model/outbox.js";
import { failureCause } from "../../../functions/src/notify/failure-cause.js";
import { listOutboxForReview } from "../admin-data.js";
import { formatTime, t } from "../i18n/index.js";
import { useAction } from "../lib/action.js";
import { call } from "../lib/callables.js";
import { Table } from "../lib/table.js";
import { say, sayFailure } from "../ui.js";

type Row = OutboxReview & { docId: string };

/**
 * Emails a person must decide on (secretariat): they may or may not have reached the server, so
 * the system neither resends nor drops them. What was refused for good is settled and forgotten.
 */
export function OutboxScreen() {
  const [rows, setRows] = useState<Row[] | undefined>(undefined);
  const { busy, errors, run } = useAction();
  const load = async () => setRows((await listOutboxForReview()).sort((a, b) => b.updatedAtMs - a.updatedAtMs));
  useEffect(() => {
    load().catch(sayFailure);
  }, []);
  if (!rows) return <p>{t("ui.loading")}</p>;

  const decide = (row: Row, decision: "arrived" | "resend") =>
    run(
      async () => {
        await call("resolveOutboxReview", { id: row.docId, decision });
        say(
          t(decision === "arrived" ? "ui.admin.outbox.markedSent" : "ui.admin.outbox.queued", {
            subject: row.subject,
          }),
        );
        await load();
      },
      { at: row.docId },
    );

  return (
    <>
      <h1>{t("ui.admin.nav.outbox")}</h1>
      <p>{t("ui.admin.outbox.help")}</p>
      <Table
        stacked
        caption={t("ui.admin.outbox.list")}
        rows={rows}
        rowKey={(row) => row.docId}
        columns={[
          { header: t("ui.admin.outbox.subject"), cell: (row) => row.subject },
          { header: t("ui.admin.outbox.to"), cell: (row) => row.to.address },
          {
            header: t("ui.admin.outbox.state"),
            cell: () => t("ui.admin.outbox.unknown"),
          },
          {
            header: t("ui.admin.outbox.reason"),
            // The transport's own words (English, with codes) stay in the document and the logs.
            cell: (row) => (
              <>
                {t(`ui.outbox.cause.${failureCause(row.error)}`)} (
                {t("ui.admin.outbox.attempts", { count: row.attempts })})
              </>
            ),
          },
          {
            header: t("ui.admin.outbox.when"),
            cell: (row) => (
              <time dateTime={new Date(row.updatedAtMs).toISOString()}>
                {formatTime(new Date(row.updatedAtMs).toISOString())}
              </time>
            ),
          },
          {
            header: t("ui.admin.outbox.decide"),
            cell: (row) => (
              <>
                <span class="actions">
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t("ui.admin.outbox.arrivedFor", { subject: row.subject })}
                    onClick={() => void decide(row, "arrived")}
                  >
                    {t("ui.admin.outbox.arrived")}
                  </button>{" "}
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy}
                    aria-label={t("ui.admin.outbox.resendFor", { subject: row.subject })}
                    onClick={() => void decide(row, "resend")}
                  >
                    {t("ui.admin.outbox.resend")}
                  </button>
                </span>
                {errors[row.docId] ? <span class="error">{errors[row.docId]}</span> : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
