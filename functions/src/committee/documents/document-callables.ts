import { type CommitteeHandler, committeeCallable } from "../callable.js";
import { type CommitteeDeps, changeDocument, type DocumentChangeResult } from "./document-store.js";
import { DOCUMENT_PAYLOADS } from "./payloads.js";
import { DOCUMENT_ACTIONS, type DocumentAction } from "./workflow.js";

/**
 * One callable handler per document action (saveDraft, submit, publish, unpublish, archive,
 * restoreVersion, softDelete, undelete), exported apart from their deployment so tests call them
 * with their own database and clock. index.ts deploys each as `committee-<action>`.
 */
export function documentCallables(
  deps: () => CommitteeDeps,
): Record<DocumentAction, CommitteeHandler<DocumentChangeResult>> {
  return Object.fromEntries(
    DOCUMENT_ACTIONS.map((action) => [
      action,
      committeeCallable(deps, `document.${action}`, DOCUMENT_PAYLOADS[action], (context, actor, input) =>
        changeDocument(context, actor, action, input),
      ),
    ]),
  ) as Record<DocumentAction, CommitteeHandler<DocumentChangeResult>>;
}
