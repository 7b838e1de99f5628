import { httpsCallable } from "firebase/functions";
import type { CallableName, RequestOf, ResultOf } from "../../../functions/src/committee/api.js";
import { lang } from "../i18n/index.js";
import { services } from "../session.js";
import { fieldMessage } from "./field-messages.js";

/** The hosting commitment's callables, by their name in the `commitments` group. */
export type CommitmentCall = CallableName extends infer N
  ? N extends `commitments-${infer Name}`
    ? Name
    : never
  : never;

/** What a refused call says: the message (already in the person's language) and the bad fields. */
export interface CallFailure {
  code: string;
  message: string;
  /** Field path (as in the form, without the payload's wrapper) → message. */
  fields: Record<string, string>;
  details: Record<string, unknown>;
}

export class CallError extends Error {
  constructor(readonly failure: CallFailure) {
    super(failure.message);
  }
}

/**
 * Calls a callable by its deployed name (`call("committee-publish", payload)`), its payload and
 * answer typed by the contract (functions/src/committee/api.ts). The interface language goes
 * with every payload, so a refusal comes back in it; a refusal becomes a CallError naming each
 * bad field.
 */
export async function call<N extends CallableName>(name: N, payload: RequestOf<N>): Promise<ResultOf<N>> {
  const s = services.value;
  if (!s) throw new Error("Firebase is not connected");
  try {
    const result = await httpsCallable<RequestOf<N>, ResultOf<N>>(s.functions, name)({ ...payload, lang: lang.value });
    return result.data;
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: Record<string, unknown> };
    const details = e.details ?? {};
    const list = Array.isArray(details.fields) ? (details.fields as { path: string; message: string }[]) : [];
    // The schemas word a field's problem in English; the person reads it in their language.
    const fields = Object.fromEntries(list.map((f) => [f.path.replace(/^document\./, ""), fieldMessage(f.message)]));
    throw new CallError({
      code: String(e.code ?? "unknown").replace(/^functions\//, ""),
      // The SDK appends the HTTP status ("… [403]"); the person needs only the sentence.
      message: (e.message ?? String(error)).replace(/ \[\d{3}\]$/, ""),
      fields,
      details,
    });
  }
}
