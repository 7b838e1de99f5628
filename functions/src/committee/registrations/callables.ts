import { committeeCallable } from "../callable.js";
import { DecideApprovalPayloadSchema, decideApproval } from "./approval.js";
import type { RegistrationConsoleDeps } from "./deps.js";
import { ExportRegistrationsPayloadSchema, exportRegistrations } from "./export.js";
import { registrationOverview } from "./overview.js";
import {
  EventRegistrationPayloadSchema,
  OpenRegistrationPayloadSchema,
  openRegistration,
  readSettings,
} from "./settings.js";

/**
 * Registration's callables in the console, by name (index.ts deploys each as
 * `registrations-<name>`). Registrations are closed to every client (firestore.rules): these are
 * the one way the committee and the secretariat read them, and they answer a member nothing.
 */
export function registrationCallables(deps: () => RegistrationConsoleDeps) {
  return {
    settings: committeeCallable(deps, "registration.read", EventRegistrationPayloadSchema, readSettings),
    open: committeeCallable(deps, "registration.open", OpenRegistrationPayloadSchema, openRegistration),
    overview: committeeCallable(deps, "registration.read", EventRegistrationPayloadSchema, registrationOverview),
    export: committeeCallable(deps, "registration.read", ExportRegistrationsPayloadSchema, exportRegistrations),
    // Either decision is the secretariat's; decideApproval asks the table about the one asked for.
    decide: committeeCallable(
      deps,
      ["registration.approve", "registration.decline"],
      DecideApprovalPayloadSchema,
      (_context, actor, input) => decideApproval(deps(), actor, input),
    ),
  };
}
