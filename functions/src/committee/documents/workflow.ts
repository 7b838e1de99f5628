import type { Document } from "../../model/index.js";

export const DOCUMENT_ACTIONS = [
  "saveDraft",
  "submit",
  "publish",
  "unpublish",
  "archive",
  "restoreVersion",
  "softDelete",
  "undelete",
] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];
type Status = Document["status"];

/**
 * Draft → in review → published → archived, and where each action may start. Nothing reaches
 * the public site without someone publishing it; a published document is unpublished before it
 * is edited again, so the public page never shows a half-finished edit.
 */
export const TRANSITIONS: Record<DocumentAction, { from: readonly (Status | "new")[]; to: Status }> = {
  saveDraft: { from: ["new", "draft", "in-review"], to: "draft" },
  submit: { from: ["draft"], to: "in-review" },
  publish: { from: ["in-review"], to: "published" },
  unpublish: { from: ["published"], to: "draft" },
  archive: { from: ["draft", "in-review", "published"], to: "archived" },
  restoreVersion: { from: ["draft", "in-review", "archived"], to: "draft" },
  softDelete: { from: ["draft", "in-review", "archived"], to: "deleted" },
  undelete: { from: ["deleted"], to: "draft" },
};

/** Whether `action` may start from a document in `status` ("new" when it does not exist). */
export function canTransition(action: DocumentAction, status: Status | "new"): boolean {
  return TRANSITIONS[action].from.includes(status);
}
