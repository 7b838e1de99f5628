import { firestore } from "../admin.js";
import { outboxKey, registrationKey, SMTP_SENDER } from "../config.js";
import { cloudLog, type Log } from "../log.js";
import type { RegistrationDeps } from "./requests.js";

/**
 * Everything registration needs in a deployed function: Firestore, the clock, the keys, the log
 * and the site's origin (for the links its emails carry). Pages, callables and jobs take their
 * dependencies from here, so a step that starts queuing email needs no new plumbing.
 */
export interface RegistrationRuntime extends RegistrationDeps {
  log: Log;
  /** OUTBOX_KEY: seals the live tokens a queued message carries. */
  sealKey: string;
  /** The public site's origin, for the links in the emails. */
  origin: string;
  /** The network's sender (SMTP_SENDER), named as the organizer in calendar files. */
  sender: string;
}

export function registrationDeps(origin: string): RegistrationRuntime {
  return {
    db: firestore(),
    clock: () => new Date(),
    log: cloudLog,
    key: registrationKey(),
    sealKey: outboxKey(),
    origin,
    sender: SMTP_SENDER.value(),
  };
}
