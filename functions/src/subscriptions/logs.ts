import type { Log } from "../log.js";

// Named log entries of the subscriptions. They carry keyed hashes (subscriber and client ids),
// never an address, an IP or a token.

export const logs = {
  requested: (log: Log, subscriber: string, client: string) =>
    log({ severity: "INFO", message: "subscriptions.requested", subscriber, client }),
  limited: (log: Log, scope: "client" | "address" | "global", subscriber: string, client: string) =>
    log({ severity: "WARNING", message: `subscriptions.limited: too many requests per ${scope}`, subscriber, client }),
  confirmed: (log: Log, subscriber: string) =>
    log({ severity: "INFO", message: "subscriptions.confirmed", subscriber }),
  refused: (log: Log, what: "confirm" | "unsubscribe") =>
    log({ severity: "INFO", message: `subscriptions.${what}Refused: expired, used or forged token` }),
  unsubscribed: (log: Log, subscriber: string) =>
    log({ severity: "INFO", message: "subscriptions.unsubscribed", subscriber }),
  publicationQueued: (log: Log, document: string, version: number, queued: number, already: number) =>
    log({ severity: "INFO", message: "subscriptions.publicationQueued", document, version, queued, already }),
  publicationSilent: (log: Log, document: string, version: number, outcome: "silent" | "tooSoon") =>
    log({ severity: "INFO", message: `subscriptions.publicationSilent: ${outcome}`, document, version }),
};
