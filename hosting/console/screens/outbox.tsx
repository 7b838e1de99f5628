/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { OutboxMessage } from "../../../functions/src/model/outbox.js";
import { listOutboxForReview } from "../admin-data.js";
import { formatTime, t } from "../i18n/index.js";
import { CallError, call } from "../lib/callables.js";
import { say } from "../ui.js";

type Row = OutboxMessage & { docId: string };

/**
 * Emails a person must decide on (secretariat): `unknown` ones may or may not have reached the
 * server, so the system neither resends nor drops them; `failed` ones were refused for good.
 */
export function OutboxScreen() {
  const [rows, setRows] = useState<Row[] | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const load = async () =>
    setRows((await listOutboxForReview()).sort((a, b) => b.delivery.updatedAtMs - a.delivery.updatedAtMs));
  useEffect(() => {
    load().catch((error: unknown) => say((error as Error).message, "error"));
  }, []);
  if (!rows) return <p>{t("ui.loading")}</p>;

  const decide = async (row: Row, decision: "arrived" | "resend") => {
    setBusy(true);
    try {
      await call("resolveOutboxReview", { id: row.docId, decision });
      setErrors({});
      say(
        t(decision === "arrived" ? "ui.admin.outbox.markedSent" : "ui.admin.outbox.queued", { subject: row.subject }),
      );
      await load();
    } catch (error) {
      const message = error instanceof CallError ? error.failure.message : (error as Error).message;
      say(message, "error");
      setErrors({ [row.docId]: message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t("ui.admin.nav.outbox")}</h1>
      <p>{t("ui.admin.outbox.help")}</p>
      {rows.length === 0 ? (
        <p>{t("ui.none")}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        <div class="scroll" tabIndex={0}>
          <table>
            <caption>{t("ui.admin.outbox.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ui.admin.outbox.subject")}</th>
                <th scope="col">{t("ui.admin.outbox.to")}</th>
                <th scope="col">{t("ui.admin.outbox.state")}</th>
                <th scope="col">{t("ui.admin.outbox.reason")}</th>
                <th scope="col">{t("ui.admin.outbox.when")}</th>
                <th scope="col">{t("ui.admin.outbox.decide")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.docId}>
                  <td>{row.subject}</td>
                  <td>{row.to.address}</td>
                  <td>{t(row.delivery.state === "unknown" ? "ui.admin.outbox.unknown" : "ui.admin.outbox.failed")}</td>
                  <td>
                    {row.delivery.error ?? "—"} ({t("ui.admin.outbox.attempts", { count: row.delivery.attempts })})
                  </td>
                  <td>
                    <time dateTime={new Date(row.delivery.updatedAtMs).toISOString()}>
                      {formatTime(new Date(row.delivery.updatedAtMs).toISOString())}
                    </time>
                  </td>
                  <td>
                    {row.delivery.state === "unknown" ? (
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
                    ) : (
                      t("ui.admin.outbox.failedHelp")
                    )}
                    {errors[row.docId] ? <span class="error">{errors[row.docId]}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
