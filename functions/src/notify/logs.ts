import type { Log } from "../log.js";
import type { DeliveryState, MessageKey } from "../model/index.js";

// Named log entries, so the wording stays uniform. They carry the outbox id, the purpose and
// the state, never an address, a name or a subject: contact details stay out of the logs.

export const logs = {
  queued: (log: Log, id: string, key: MessageKey) =>
    log({ severity: "INFO", message: "outbox.queued", id, purpose: key.purpose }),
  alreadyQueued: (log: Log, id: string, key: MessageKey) =>
    log({
      severity: "INFO",
      message: "outbox.alreadyQueued: same purpose, recipient and occurrence",
      id,
      purpose: key.purpose,
    }),
  attempt: (log: Log, id: string, attempt: number) => log({ severity: "INFO", message: "outbox.attempt", id, attempt }),
  skipped: (log: Log, id: string, state: DeliveryState | "missing") =>
    log({ severity: "DEBUG", message: "outbox.skipped: not ready to send or claimed elsewhere", id, state }),
  outcome: (log: Log, id: string, state: DeliveryState, responseCode: number | undefined, code: string | undefined) =>
    log({
      severity: state === "sent" ? "INFO" : state === "retrying" ? "WARNING" : "ERROR",
      message: `outbox.${state}`,
      id,
      responseCode,
      code,
    }),
  reclaimed: (log: Log, id: string, state: DeliveryState) =>
    log({ severity: state === "unknown" ? "ERROR" : "WARNING", message: `outbox.leaseExpired → ${state}`, id }),
};
