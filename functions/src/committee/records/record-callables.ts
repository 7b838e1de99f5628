import { type AuditAction, RECORD_TYPES, type RecordAuditAction } from "../../model/index.js";
import { type CommitteeHandler, committeeCallable } from "../callable.js";
import { DOCUMENT_ACTIONS, type DocumentAction as WorkflowAction } from "../documents/workflow.js";
import { OTHER_KINDS, RECORD_KINDS } from "./kinds.js";
import { CancelSchedulePayloadSchema, RECORD_PAYLOADS, type RecordPayload, SchedulePayloadSchema } from "./payloads.js";
import { type CommitteeDeps, changeRecord, type RecordChangeResult } from "./record-store.js";
import { cancelSchedule, type ScheduleResult, schedulePublication } from "./schedule.js";

const capitalized = (action: string) => `${action[0]?.toUpperCase()}${action.slice(1)}`;
const typesOf = (kinds: readonly (keyof typeof RECORD_KINDS)[]) => kinds.map((k) => RECORD_KINDS[k].type);

/** The audit actions a callable serves, one per kind: its first guard lets in a role that may do any. */
const actionsFor = (action: string, types: readonly string[]) =>
  types.map((type) => `${type}.${action}` as AuditAction);

export type RecordCallableName = `record${Capitalize<WorkflowAction>}`;

/**
 * One callable per workflow action for events, initiatives, institutions and topics, the kind
 * named in the payload (`committee-recordSaveDraft` with `{ kind: "events", ... }`): ten
 * functions rather than forty, and the console calls the same one whatever it edits. The
 * documents keep their own (committee-saveDraft, ...), which the same store serves. Scheduling
 * and cancelling a publication take any kind, documents included.
 */
export function recordCallables(deps: () => CommitteeDeps) {
  const workflow = Object.fromEntries(
    DOCUMENT_ACTIONS.map((action) => [
      `record${capitalized(action)}`,
      committeeCallable(
        deps,
        actionsFor(action, typesOf(OTHER_KINDS)),
        RECORD_PAYLOADS[action],
        (context, actor, input) => {
          const payload = input as RecordPayload;
          return changeRecord(context, RECORD_KINDS[payload.kind], actor, action, {
            id: payload.id,
            baseVersion: payload.baseVersion,
            content: payload.record,
            version: payload.version,
            reason: payload.reason,
          });
        },
      ),
    ]),
  ) as Record<RecordCallableName, CommitteeHandler<RecordChangeResult>>;
  return {
    ...workflow,
    schedulePublish: committeeCallable(
      deps,
      actionsFor("schedulePublish", RECORD_TYPES) as RecordAuditAction[],
      SchedulePayloadSchema,
      schedulePublication,
    ) as CommitteeHandler<ScheduleResult>,
    cancelSchedule: committeeCallable(
      deps,
      actionsFor("cancelSchedule", RECORD_TYPES),
      CancelSchedulePayloadSchema,
      cancelSchedule,
    ),
  };
}
