import type { Firestore, Transaction } from "firebase-admin/firestore";
import {
  type Author,
  COLLECTIONS,
  converterFor,
  type Document,
  type DocumentContent,
  DocumentSchema,
  type DocumentVersion,
  DocumentVersionSchema,
  MemberSchema,
  stripUndefined,
  VERSIONS_SUBCOLLECTION,
} from "../../model/index.js";
import type { NoticeDeps } from "../../notify/audit-reactions.js";
import { appendAudit } from "../audit/audit-log.js";
import { CommitteeError } from "../errors.js";
import { type Actor, assertAllowed } from "../permissions.js";
import type { AnyDocumentPayload } from "./payloads.js";
import { canTransition, type DocumentAction, TRANSITIONS } from "./workflow.js";

export interface CommitteeDeps {
  db: Firestore;
  clock: () => Date;
  /** Where the console's own emails go out from (the invitation's); without it none is sent. */
  notices?: Omit<NoticeDeps, "db" | "clock">;
}

export interface DocumentChangeResult {
  id: string;
  version: number;
  status: Document["status"];
}

const authorOf = (actor: Actor): Author => ({ uid: actor.uid, memberId: actor.memberId, role: actor.role });

/**
 * Applies one console action to a document in a single transaction: the new record, its version
 * in `versions`, and the audit entry are written together or not at all. Checks, in order: the
 * document exists (or does not, for a new draft), the actor may touch it, it was not changed
 * since `baseVersion`, and the action may start from its status.
 */
export async function changeDocument(
  deps: CommitteeDeps,
  actor: Actor,
  action: DocumentAction,
  payload: AnyDocumentPayload,
): Promise<DocumentChangeResult> {
  const { db, clock } = deps;
  const docs = db.collection(COLLECTIONS.documents.path);
  const ref = docs.doc(payload.id);
  const versions = ref.collection(VERSIONS_SUBCOLLECTION);
  const content = "document" in payload ? payload.document : undefined;
  const restore = "version" in payload ? payload.version : undefined;

  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const current = snap.exists ? DocumentSchema.parse(snap.data()) : undefined;
    if (!current && !(action === "saveDraft" && payload.baseVersion === undefined)) {
      throw new CommitteeError("not-found", "console.error.notFound", { id: payload.id });
    }
    if (current && payload.baseVersion === undefined) {
      throw new CommitteeError("already-exists", "console.error.exists", { id: payload.id });
    }
    const latestSnap = current ? await tx.get(versions.doc(String(current.version))) : undefined;
    const latest = latestSnap?.exists ? DocumentVersionSchema.parse(latestSnap.data()) : undefined;
    const restored = restore === undefined ? undefined : await tx.get(versions.doc(String(restore)));
    if (restored && !restored.exists) {
      throw new CommitteeError("not-found", "console.error.versionNotFound", { id: payload.id, version: restore ?? 0 });
    }
    const restoredRecord = restored ? DocumentVersionSchema.parse(restored.data()).record : undefined;

    assertAllowed(actor, `document.${action}`, {
      countries: [...(current?.countries ?? []), ...(content?.countries ?? []), ...(restoredRecord?.countries ?? [])],
      lastEditorUid: latest?.contentBy?.uid,
      reason: "reason" in payload ? payload.reason : undefined,
    });

    if (current && payload.baseVersion !== current.version) {
      const name = latest?.by ? await memberName(deps, tx, latest.by.memberId) : undefined;
      throw new CommitteeError(
        "failed-precondition",
        "console.error.stale",
        {
          who: name ?? { key: "console.someone" },
          current: current.version,
          base: payload.baseVersion ?? 0,
          // Minutes in UTC: the console shows the exact time in the reader's zone beside it.
          when: latest?.at ? `${latest.at.slice(0, 16).replace("T", " ")} UTC` : "?",
        },
        { currentVersion: current.version, changedBy: latest?.by ?? null, changedAt: latest?.at ?? null },
      );
    }
    if (!canTransition(action, current?.status ?? "new")) {
      throw new CommitteeError("failed-precondition", "console.error.state", {
        action: { key: `console.action.${action}` },
        status: current?.status ?? "new",
      });
    }

    const now = clock();
    const next = nextRecord(payload.id, action, current, content ?? restoredRecord, now);
    const contentChanged = action === "saveDraft" || action === "restoreVersion";
    const version: DocumentVersion = {
      version: next.version,
      at: now.toISOString(),
      action: `document.${action}`,
      by: authorOf(actor),
      contentBy: contentChanged ? authorOf(actor) : (latest?.contentBy ?? null),
      record: next,
    };
    // A record from before the console (the seed) gets its version kept the first time it changes.
    if (current && !latest) {
      tx.create(versions.doc(String(current.version)), {
        ...stripUndefined({ version: current.version, at: null, action: null, by: null, contentBy: null }),
        record: stripUndefined(current),
      });
    }
    tx.set(docs.withConverter(converterFor("documents")).doc(payload.id), next);
    tx.create(versions.doc(String(next.version)), stripUndefined(DocumentVersionSchema.parse(version)));
    appendAudit(db, tx, {
      at: now.toISOString(),
      actor: authorOf(actor),
      action: `document.${action}`,
      target: { collection: COLLECTIONS.documents.path, id: payload.id },
      countryIds: [...new Set([...(current?.countries ?? []), ...next.countries])],
      before: current ? stripUndefined(current) : null,
      after: stripUndefined(next),
      reason: "reason" in payload ? payload.reason : undefined,
    });
    return { id: next.id, version: next.version, status: next.status };
  });
}

/** The record after `action`: new content where the action brings some, the new status, one version more. */
function nextRecord(
  id: string,
  action: DocumentAction,
  current: Document | undefined,
  content: DocumentContent | Document | undefined,
  now: Date,
): Document {
  const to = TRANSITIONS[action].to;
  const { kind, title, summary, body, translations, eventId, countries, topics, source } = (content ??
    current) as DocumentContent;
  const publishedOn =
    to === "published" ? (current?.publishedOn ?? now.toISOString().slice(0, 10)) : current?.publishedOn;
  return DocumentSchema.parse(
    stripUndefined({
      id,
      kind,
      title,
      summary,
      body,
      translations,
      eventId,
      countries,
      topics,
      source,
      status: to,
      publishedOn,
      version: (current?.version ?? 0) + 1,
    }),
  );
}

async function memberName(deps: CommitteeDeps, tx: Transaction, memberId: string): Promise<string | undefined> {
  const snap = await tx.get(deps.db.collection(COLLECTIONS.members.path).doc(memberId));
  const member = MemberSchema.safeParse(snap.data());
  return member.success ? member.data.name : undefined;
}
