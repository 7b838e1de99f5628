import type { Document } from "../../model/index.js";
import type { Actor } from "../permissions.js";
import { RECORD_KINDS } from "../records/kinds.js";
import { type CommitteeDeps, changeRecord } from "../records/record-store.js";
import type { AnyDocumentPayload } from "./payloads.js";
import type { DocumentAction } from "./workflow.js";

export type { CommitteeDeps } from "../records/record-store.js";

export interface DocumentChangeResult {
  id: string;
  version: number;
  status: Document["status"];
}

/**
 * Applies one console action to a document: the record workflow (records/record-store.ts) with
 * the document callables' payload, whose content travels as `document`.
 */
export function changeDocument(
  deps: CommitteeDeps,
  actor: Actor,
  action: DocumentAction,
  payload: AnyDocumentPayload,
): Promise<DocumentChangeResult> {
  return changeRecord(deps, RECORD_KINDS.documents, actor, action, {
    id: payload.id,
    baseVersion: payload.baseVersion,
    content: "document" in payload ? payload.document : undefined,
    version: "version" in payload ? payload.version : undefined,
    reason: "reason" in payload ? payload.reason : undefined,
  });
}
