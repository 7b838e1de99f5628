import { formatMoment } from "../i18n/format.js";
import { translator } from "../i18n/index.js";
import type { Lang } from "../model/index.js";
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
    super(refusalText({ code, key, params }, { lang: "en", timeZone: "UTC" }));
  }

  static of(refusal: Refusal): CommitteeError {
    return new CommitteeError(refusal.code, refusal.key, refusal.params, refusal.details);
  }
}

/** Who reads a refusal: its language, and the time zone its moments are written in. */
export interface Reader {
  lang: Lang;
  timeZone: string;
}

/** A refusal's sentence for its reader, its parameters translated too. */
export function refusalText(refusal: Refusal, reader: Reader): string {
  const t = translator(reader.lang);
  const resolve = (param: MessageParam): string | number => {
    if (typeof param !== "object") return param;
    if ("moment" in param) return formatMoment(param.moment, reader.lang, reader.timeZone);
    return "key" in param ? t(param.key) : param.keys.map((k) => t(k)).join(", ");
  };
  return t(refusal.key, Object.fromEntries(Object.entries(refusal.params).map(([name, v]) => [name, resolve(v)])));
}

/** The permission table's decision (permissions.ts), thrown as a CommitteeError when it refuses. */
export function assertAllowed(actor: Actor, action: ConsoleAction, target?: Target): void {
  const decision = decide(actor, action, target);
  if (!decision.allowed) throw CommitteeError.of(decision.error);
}
