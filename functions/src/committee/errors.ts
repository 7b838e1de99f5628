import type { MessageKey } from "../i18n/index.js";

export type CommitteeErrorCode =
  | "unauthenticated"
  | "permission-denied"
  | "invalid-argument"
  | "failed-precondition"
  | "not-found"
  | "already-exists";

/** A message parameter: literal text, or a catalogue key (or keys) translated in the caller's language. */
export type MessageParam = string | number | { key: MessageKey } | { keys: MessageKey[] };

/**
 * Why a committee action was refused, in terms the wiring turns into an `HttpsError` in the
 * caller's language. Domain code throws this, never an HTTP error.
 */
export class CommitteeError extends Error {
  override name = "CommitteeError";
  constructor(
    readonly code: CommitteeErrorCode,
    readonly key: MessageKey,
    readonly params: Record<string, MessageParam> = {},
    /** Machine-readable details for the console (field paths, the conflicting version). */
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${key} ${JSON.stringify(params)}`);
  }
}
