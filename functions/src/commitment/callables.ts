import { committeeCallable } from "../committee/callable.js";
import type { CommitteeDeps } from "../committee/deps.js";
import {
  ActivateInputSchema,
  activateCommitment,
  ChecklistInputSchema,
  type CommitmentOptions,
  HandOverInputSchema,
  handOverCommitment,
  RenewInputSchema,
  renewCommitment,
  setChecklistItem,
} from "./actions.js";

/**
 * The console's commitment actions, by callable name (index.ts deploys each as
 * `commitments-<name>`), behind the console's one gate and permission table.
 */
export function commitmentCallables(deps: () => CommitteeDeps, options: CommitmentOptions) {
  return {
    activateCommitment: committeeCallable(deps, "commitment.activate", ActivateInputSchema, (d, actor, input) =>
      activateCommitment(d.db, d.clock, actor, input, options),
    ),
    renewCommitment: committeeCallable(deps, "commitment.renew", RenewInputSchema, (d, actor, input) =>
      renewCommitment(d.db, d.clock, actor, input, options),
    ),
    handOverCommitment: committeeCallable(deps, "commitment.handOver", HandOverInputSchema, (d, actor, input) =>
      handOverCommitment(d.db, d.clock, actor, input, options),
    ),
    setHandoverItem: committeeCallable(deps, "commitment.setHandoverItem", ChecklistInputSchema, (d, actor, input) =>
      setChecklistItem(d.db, d.clock, actor, input),
    ),
  };
}
