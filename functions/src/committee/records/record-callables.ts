import { RECORD_TYPES, type RecordAction, type RecordAuditAction, type RecordType } from "../../model/index.js";
import { type CommitteeHandler, committeeCallable } from "../callable.js";
import type { CommitteeDeps } from "../deps.js";
import { OTHER_KINDS, RECORD_KINDS } from "./kinds.js";
import { CancelSchedulePayloadSchema, RECORD_PAYLOADS, SchedulePayloadSchema } from "./payloads.js";
import { changeOf, changeRecord, type RecordChangeResult } from "./record-store.js";
import { cancelSchedule, schedulePublication } from "./schedule.js";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "./workflow.js";

const capitalized = (action: string) => `${action[0]?.toUpperCase()}${action.slice(1)}`;

/** The audit actions a callable serves, one per kind: its first guard lets in a role that may do any. */
const actionsFor = (action: RecordAction, types: readonly RecordType[]) =>
  types.map((type): RecordAuditAction => `${type}.${action}`);
const OTHER_TYPES = OTHER_KINDS.map((kind) => RECORD_KINDS[kind].type);

/**
 * One callable per workflow action for events, initiatives, institutions and topics, the kind
 * named in the payload (`committee-recordSaveDraft` with `{ kind: "events", ... }`): ten
 * functions rather than forty, and the console calls the same one whatever it edits. The
 * documents keep their own (committee-saveDraft, ...), which the same store serves. Scheduling
 * and cancelling a publication take any kind, documents included.
 */
export function recordCallables(deps: () => CommitteeDeps) {
  const workflow = Object.fromEntries(
    WORKFLOW_ACTIONS.map((action) => [
      `record${capitalized(action)}`,
      committeeCallable(deps, actionsFor(action, OTHER_TYPES), RECORD_PAYLOADS[action], (context, actor, input) =>
        changeRecord(
          context,
          RECORD_KINDS[input.kind],
          actor,
          action,
          changeOf(input, "record" in input ? input.record : undefined),
        ),
      ),
    ]),
  ) as {
    [A in WorkflowAction as `record${Capitalize<A>}`]: CommitteeHandler<
      RecordChangeResult,
      (typeof RECORD_PAYLOADS)[A]
    >;
  };
  return {
    ...workflow,
    schedulePublish: committeeCallable(
      deps,
      actionsFor("schedulePublish", RECORD_TYPES),
      SchedulePayloadSchema,
      schedulePublication,
    ),
    cancelSchedule: committeeCallable(
      deps,
      actionsFor("cancelSchedule", RECORD_TYPES),
      CancelSchedulePayloadSchema,
      cancelSchedule,
    ),
  };
}
