import type { Log } from "../../log.js";
import type { CommitteeDeps } from "../deps.js";

/**
 * What registration's console actions run against: the console's database and clock, and what
 * the email of an approval needs (the REGISTRATION_KEY that keys the cancellation link, the
 * OUTBOX_KEY that seals it in the queued message, the site's origin the link leads to).
 */
export interface RegistrationConsoleDeps extends CommitteeDeps {
  key: string;
  log: Log;
  sealKey: string;
  siteOrigin: string;
}
