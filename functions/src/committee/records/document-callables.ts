import { type CommitteeHandler, committeeCallable } from "../callable.js";
import type { CommitteeDeps } from "../deps.js";
import type { Actor } from "../permissions.js";
import { RECORD_KINDS } from "./kinds.js";
import { DOCUMENT_PAYLOADS, type DocumentPayload } from "./payloads.js";
import { changeOf, changeRecord, type RecordChangeResult } from "./record-store.js";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "./workflow.js";

/**
 * Applies one console action to a document: the record workflow with the document callables'
 * payload, whose content travels as `document`.
 */
export function changeDocument(
  deps: CommitteeDeps,
  actor: Actor,
  action: WorkflowAction,
  payload: DocumentPayload,
): Promise<RecordChangeResult> {
  const content = "document" in payload ? payload.document : undefined;
  return changeRecord(deps, RECORD_KINDS.documents, actor, action, changeOf(payload, content));
}

/**
 * One callable handler per document action (saveDraft, submit, publish, unpublish, archive,
 * restoreVersion, softDelete, undelete), exported apart from their deployment so tests call them
 * with their own database and clock. index.ts deploys each as `committee-<action>`; the other
 * kinds share the record callables (record-callables.ts).
 */
export function documentCallables(deps: () => CommitteeDeps) {
  return Object.fromEntries(
    WORKFLOW_ACTIONS.map((action) => [
      action,
      committeeCallable(deps, `document.${action}`, DOCUMENT_PAYLOADS[action], (context, actor, input) =>
        changeDocument(context, actor, action, input),
      ),
    ]),
  ) as { [A in WorkflowAction]: CommitteeHandler<RecordChangeResult, (typeof DOCUMENT_PAYLOADS)[A]> };
}
