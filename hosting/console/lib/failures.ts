import type { UiKey } from "../i18n/index.js";

/**
 * What a person reads when something fails: one sentence of the catalogue per kind of failure,
 * never the error's own text (a rules message, "PERMISSION_DENIED", a stack). The callables'
 * refusals are the exception: the server writes them from its catalogue in the person's language
 * and says so by naming their catalogue key, so their words are kept as they are.
 */

/** A failure the console itself worded from its catalogue (a field's problem found while acting): said as it is. */
export class WordedFailure extends Error {}

/** The kinds of failure a person is told about, by their catalogue entry. */
const BY_CODE: Record<string, UiKey> = {
  "permission-denied": "ui.fail.denied",
  unauthenticated: "ui.fail.signedOut",
  "not-found": "ui.fail.notFound",
  unavailable: "ui.fail.offline",
  "deadline-exceeded": "ui.fail.offline",
  "resource-exhausted": "ui.fail.busy",
  aborted: "ui.fail.conflict",
};

/**
 * The code of a failure as Firestore and Cloud Functions name them (FirebaseError `code`,
 * "permission-denied" or "functions/permission-denied"), or "unknown". A browser that lost its
 * network throws a TypeError from fetch: the connection.
 */
export function failureCode(error: unknown): string {
  const code =
    (error as { code?: unknown; failure?: { code?: unknown } } | null)?.failure?.code ??
    (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code.replace(/^(functions|firestore)\//, "");
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return "unavailable";
  return "unknown";
}

/** A refusal the server worded from its catalogue, in the language the console asked for. */
function serverSentence(error: unknown): string | undefined {
  const failure = (error as { failure?: { message?: unknown; details?: { key?: unknown } } } | null)?.failure;
  return typeof failure?.details?.key === "string" && typeof failure.message === "string" && failure.message !== ""
    ? failure.message
    : undefined;
}

/** The sentence for a failure, in the interface's language through `translate`. */
export function failureText(error: unknown, translate: (key: UiKey) => string): string {
  if (error instanceof WordedFailure) return error.message;
  return serverSentence(error) ?? translate(BY_CODE[failureCode(error)] ?? "ui.fail.other");
}
