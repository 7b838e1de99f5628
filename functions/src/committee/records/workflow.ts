import { type Publication, RECORD_ACTIONS, type RecordAction } from "../../model/index.js";

/**
 * The steps of the one workflow every kind of record goes through (documents, events, ...): the
 * console's record actions but scheduling, which sets a date and changes no state.
 */
export type WorkflowAction = Exclude<RecordAction, "schedulePublish" | "cancelSchedule">;
const isWorkflowAction = (action: RecordAction): action is WorkflowAction =>
  action !== "schedulePublish" && action !== "cancelSchedule";
export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = RECORD_ACTIONS.filter(isWorkflowAction);

/**
 * Draft → in review → published → archived, and where each action may start. Nothing reaches
 * the public site without someone publishing it; a published record is unpublished before it
 * is edited again, so the public page never shows a half-finished edit.
 */
export const TRANSITIONS: Record<WorkflowAction, { from: readonly (Publication | "new")[]; to: Publication }> = {
  saveDraft: { from: ["new", "draft", "in-review"], to: "draft" },
  submit: { from: ["draft"], to: "in-review" },
  publish: { from: ["in-review"], to: "published" },
  unpublish: { from: ["published"], to: "draft" },
  archive: { from: ["draft", "in-review", "published"], to: "archived" },
  restoreVersion: { from: ["draft", "in-review", "archived"], to: "draft" },
  softDelete: { from: ["draft", "in-review", "archived"], to: "deleted" },
  undelete: { from: ["deleted"], to: "draft" },
};

/** Whether `action` may start from a record in `state` ("new" when it does not exist). */
export function canTransition(action: WorkflowAction, state: Publication | "new"): boolean {
  return TRANSITIONS[action].from.includes(state);
}
