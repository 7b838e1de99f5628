/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type Document } from "../../../functions/src/model/document.js";
import { listDocuments } from "../data.js";
import { t } from "../i18n/index.js";
import { FilterChoice, FilterInput, Filters, matchesSearch } from "../lib/filters.js";
import { kindName } from "../lib/names.js";
import { claims } from "../session.js";
import { DocumentTable, sayFailure } from "../ui.js";

export function DocumentsScreen() {
  const who = claims.value;
  const [documents, setDocuments] = useState<Document[] | undefined>(undefined);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [kind, setKind] = useState("");
  useEffect(() => {
    if (who) listDocuments(who).then(setDocuments, sayFailure);
  }, [who]);
  if (!documents) return <p>{t("ui.loading")}</p>;
  const shown = documents.filter(
    (d) =>
      // Deleted documents stay out of the list unless asked for, as a soft delete should.
      (status ? d.status === status : d.status !== "deleted") &&
      (!kind || d.kind === kind) &&
      matchesSearch(search, `${d.id} ${Object.values(d.title).join(" ")} ${Object.values(d.summary).join(" ")}`),
  );
  return (
    <>
      <h1>{t("ui.nav.documents")}</h1>
      <Filters label={t("ui.docs.filter")}>
        <FilterInput id="doc-search" label={t("ui.docs.search")} value={search} onInput={setSearch} />
        <FilterChoice
          id="doc-status"
          label={t("ui.docs.status")}
          value={status}
          options={DOCUMENT_STATUSES.map((s) => [s, t(`ui.status.${s}`)] as const)}
          onChange={setStatus}
        />
        <FilterChoice
          id="doc-kind"
          label={t("ui.docs.kind")}
          value={kind}
          options={DOCUMENT_KINDS.map((k) => [k, kindName(k)] as const)}
          onChange={setKind}
        />
      </Filters>
      <p aria-live="polite">{t("ui.docs.count", { count: shown.length })}</p>
      <DocumentTable documents={shown} caption={t("ui.nav.documents")} />
    </>
  );
}
