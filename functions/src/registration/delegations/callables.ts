import { committeeCallable } from "../../committee/callable.js";
import {
  DecideDelegationPayloadSchema,
  type DelegationDeps,
  decideDelegation,
  ListDelegationsPayloadSchema,
  listDelegations,
  SaveDelegationPayloadSchema,
  SubmitDelegationPayloadSchema,
  saveDelegation,
  submitDelegation,
} from "./delegations.js";
import { WithdrawDelegatePayloadSchema, withdrawDelegate } from "./withdraw.js";

/**
 * The console's delegation callables (index.ts deploys them as `delegations-<name>`), through the
 * one console wrapper: signed in, a person, a role the permission table allows, the payload; the
 * country and the delegation's state are checked by each step against the stored delegation.
 */
export function delegationCallables(deps: () => DelegationDeps) {
  return {
    save: committeeCallable(deps, "delegation.save", SaveDelegationPayloadSchema, async (context, actor, input) => {
      const own = { ...context, key: deps().key };
      const { delegation, invited } = await saveDelegation(own, actor, input);
      return { delegation, invited: invited.length };
    }),
    submit: committeeCallable(deps, "delegation.submit", SubmitDelegationPayloadSchema, (context, actor, input) =>
      submitDelegation({ ...context, key: deps().key }, actor, input),
    ),
    decide: committeeCallable(
      deps,
      ["delegation.accredit", "delegation.return"],
      DecideDelegationPayloadSchema,
      (context, actor, input) => decideDelegation({ ...context, key: deps().key }, actor, input),
    ),
    list: committeeCallable(deps, "delegation.read", ListDelegationsPayloadSchema, (context, actor) =>
      listDelegations({ ...context, key: deps().key }, actor),
    ),
    withdraw: committeeCallable(deps, "delegation.withdraw", WithdrawDelegatePayloadSchema, (context, actor, input) =>
      withdrawDelegate({ ...context, key: deps().key, sender: deps().sender }, actor, input),
    ),
  };
}
