/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { AuditEntry } from "../../../functions/src/model/audit.js";
import type { Document } from "../../../functions/src/model/document.js";
import { getVersion, listAudit, listDocuments } from "../data.js";
import { t } from "../i18n.js";
import { claims, user } from "../session.js";
import { DocumentTable, say } from "../ui.js";
import { AuditTable } from "./audit.js";

interface Overview {
  review: Document[];
  drafts: Document[];
  recent: AuditEntry[];
}

/** Who last changed a document's content (committee and secretariat may read versions). */
async function contentAuthor(d: Document): Promise<string | undefined> {
  return (await getVersion(d.id, d.version))?.contentBy?.uid;
}

export function Dashboard() {
  const who = claims.value;
  const uid = user.value?.uid;
  const [overview, setOverview] = useState<Overview | undefined>(undefined);
  useEffect(() => {
    if (!who || !uid) return;
    const reviewer = who.role !== "member";
    (async () => {
      const documents = await listDocuments(who);
      const inReview = documents.filter((d) => d.status === "in-review");
      const drafts = documents.filter((d) => d.status === "draft");
      // Nobody publishes their own last edit, so "waiting for my review" leaves those out, and
      // "my drafts" are the drafts whose last edit is mine. A member cannot read versions: their
      // drafts are their country's, and nothing waits for their review.
      const authors = reviewer
        ? new Map(await Promise.all([...inReview, ...drafts].map(async (d) => [d.id, await contentAuthor(d)] as const)))
        : new Map<string, string | undefined>();
      setOverview({
        review: reviewer ? inReview.filter((d) => authors.get(d.id) !== uid) : [],
        drafts: reviewer ? drafts.filter((d) => authors.get(d.id) === uid) : drafts,
        recent: reviewer ? await listAudit(8) : [],
      });
    })().catch((error: unknown) => say((error as Error).message, "error"));
  }, [who, uid]);
  if (!overview) return <p>{t("ui.loading")}</p>;
  return (
    <>
      <h1>{t("ui.nav.dashboard")}</h1>
      {who?.role !== "member" ? (
        <section aria-labelledby="dash-review">
          <h2 id="dash-review">{t("ui.dash.review")}</h2>
          <DocumentTable documents={overview.review} caption={t("ui.dash.review")} />
        </section>
      ) : null}
      <section aria-labelledby="dash-drafts">
        <h2 id="dash-drafts">{t("ui.dash.drafts")}</h2>
        <DocumentTable documents={overview.drafts} caption={t("ui.dash.drafts")} />
      </section>
      {who?.role !== "member" ? (
        <section aria-labelledby="dash-recent">
          <h2 id="dash-recent">{t("ui.dash.recent")}</h2>
          <AuditTable entries={overview.recent} caption={t("ui.dash.recent")} />
        </section>
      ) : null}
    </>
  );
}
