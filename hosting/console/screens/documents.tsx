/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type Document } from "../../../functions/src/model/document.js";
import { listDocuments } from "../data.js";
import { t } from "../i18n/index.js";
import { claims } from "../session.js";
import { DocumentTable, say } from "../ui.js";

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function DocumentsScreen() {
  const who = claims.value;
  const [documents, setDocuments] = useState<Document[] | undefined>(undefined);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [kind, setKind] = useState("");
  useEffect(() => {
    if (who) listDocuments(who).then(setDocuments, (error: unknown) => say((error as Error).message, "error"));
  }, [who]);
  if (!documents) return <p>{t("ui.loading")}</p>;
  const words = fold(search).split(/\s+/).filter(Boolean);
  const shown = documents.filter(
    (d) =>
      // Deleted documents stay out of the list unless asked for, as a soft delete should.
      (status ? d.status === status : d.status !== "deleted") &&
      (!kind || d.kind === kind) &&
      words.every((w) =>
        fold(`${d.id} ${Object.values(d.title).join(" ")} ${Object.values(d.summary).join(" ")}`).includes(w),
      ),
  );
  return (
    <>
      <h1>{t("ui.nav.documents")}</h1>
      <form class="filters" aria-label={t("ui.docs.filter")} onSubmit={(e) => e.preventDefault()}>
        <p class="field">
          <label for="doc-search">{t("ui.docs.search")}</label>
          <input id="doc-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </p>
        <p class="field">
          <label for="doc-status">{t("ui.docs.status")}</label>
          <select id="doc-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{t("ui.docs.any")}</option>
            {DOCUMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`ui.status.${s}`)}
              </option>
            ))}
          </select>
        </p>
        <p class="field">
          <label for="doc-kind">{t("ui.docs.kind")}</label>
          <select id="doc-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{t("ui.docs.any")}</option>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </p>
      </form>
      <p aria-live="polite">{t("ui.docs.count", { count: shown.length })}</p>
      <DocumentTable documents={shown} caption={t("ui.nav.documents")} />
    </>
  );
}
