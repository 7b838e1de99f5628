import { type Translate, translator } from "../i18n/index.js";
import {
  type Actor,
  type ConsoleAction,
  decide,
  type MessageParam,
  type Refusal,
  type RefusalCode,
  type Target,
} from "./permissions.js";

/**
 * Why a console action was refused, thrown by domain code (never an HTTP error): the one
 * callable wrapper (callable.ts) turns it into an `HttpsError` in the caller's language. Its own
 * message, for logs and direct callers, is the catalogue's English.
 */
export class CommitteeError extends Error implements Refusal {
  override name = "CommitteeError";
  constructor(
    readonly code: RefusalCode,
    readonly key: Refusal["key"],
    readonly params: Record<string, MessageParam> = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(refusalText({ code, key, params }, translator("en")));
  }

  static of(refusal: Refusal): CommitteeError {
    return new CommitteeError(refusal.code, refusal.key, refusal.params, refusal.details);
  }
}

/** A refusal's sentence in one language, its parameters translated too. */
export function refusalText(refusal: Refusal, t: Translate): string {
  const resolve = (param: MessageParam): string | number =>
    typeof param === "object" ? ("key" in param ? t(param.key) : param.keys.map((k) => t(k)).join(", ")) : param;
  return t(refusal.key, Object.fromEntries(Object.entries(refusal.params).map(([name, v]) => [name, resolve(v)])));
}

/** The permission table's decision (permissions.ts), thrown as a CommitteeError when it refuses. */
export function assertAllowed(actor: Actor, action: ConsoleAction, target?: Target): void {
  const decision = decide(actor, action, target);
  if (!decision.allowed) throw CommitteeError.of(decision.error);
}
