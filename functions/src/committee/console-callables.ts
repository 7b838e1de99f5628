import { doorCallables } from "../registration/door/callables.js";
import { ChangeRolePayloadSchema, changeRole } from "./accounts/change-role.js";
import type { ClaimsDeps } from "./accounts/claims.js";
import { committeeCallable, signedInCallable } from "./callable.js";
import { ConfirmEntryPayloadSchema, confirmEntry, UpdateEntryPayloadSchema, updateEntry } from "./directory/entry.js";
import { AcceptPayloadSchema, acceptInvitation, InvitePayloadSchema, invite } from "./invitations/invitations.js";
import { documentCallables } from "./records/document-callables.js";
import { IdFreePayloadSchema, idFree } from "./records/id-free.js";
import { recordCallables } from "./records/record-callables.js";
import { SetSeatPayloadSchema, setSeat } from "./seats/set-seat.js";

/**
 * Every callable of the console, by name, as handlers tests can call with their own database,
 * Auth, clock and console origin (read at call time: parameters have values only then).
 * index.ts deploys each as `committee-<name>`.
 */
export function consoleCallables(deps: () => ClaimsDeps, consoleOrigin: () => string) {
  return {
    ...documentCallables(deps),
    ...recordCallables(deps),
    // Any role that drafts some kind may ask; idFree then asks the table about the kind named.
    idFree: committeeCallable(deps, "record.checkId", IdFreePayloadSchema, idFree),
    invite: committeeCallable(deps, "invitation.create", InvitePayloadSchema, (context, actor, input) =>
      invite({ ...context, consoleOrigin: consoleOrigin() }, actor, input),
    ),
    acceptInvitation: signedInCallable(deps, AcceptPayloadSchema, acceptInvitation),
    updateDirectoryEntry: committeeCallable(deps, "directory.update", UpdateEntryPayloadSchema, updateEntry),
    confirmDirectoryEntry: committeeCallable(deps, "directory.confirm", ConfirmEntryPayloadSchema, (context, actor) =>
      confirmEntry(context, actor),
    ),
    changeRole: committeeCallable(deps, "account.changeRole", ChangeRolePayloadSchema, changeRole),
    // setSeat needs Auth as well: the claims of the country's representatives follow the seat.
    setSeat: committeeCallable(deps, "seat.set", SetSeatPayloadSchema, (_context, actor, input) =>
      setSeat(deps(), actor, input),
    ),
    ...doorCallables(deps),
  };
}
