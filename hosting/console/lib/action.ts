import { useState } from "preact/hooks";
import { t } from "../i18n/index.js";
import { notice, say } from "../ui.js";
import { CallError } from "./callables.js";
import { failureText, WordedFailure } from "./failures.js";

/** Where a refusal shows beside the form, besides the message banner. */
export interface Placement {
  /** The field a refusal stands beside when it names none of its own. */
  fallback?: string;
  /** The one place every refusal of this action stands (a row, a checkbox), whatever fields it names. */
  at?: string;
  /** What the banner says instead of the error's own words (a sign-in does not say which part was wrong). */
  message?: string;
  /** Looks at a failure before it is shown (a stale version opens the merge). */
  onError?: (error: unknown) => void | Promise<void>;
  /** What is being done, said while the call is on its way ("Publicando…"); else "En curso…". */
  pending?: string;
  /** The button that says `pending` instead of its label meanwhile (see `label`). */
  pendingOn?: string;
  /** The field a refusal stands beside, by its catalogue key ("console.error.exists" → the id). */
  byKey?: Record<string, string>;
  /** The input of a field path: the first field a refusal names takes the focus. */
  idOf?: (path: string) => string;
}

/** A problem the screen itself finds with one field while acting (an id taken meanwhile). */
export class FieldProblem extends WordedFailure {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The fields a refusal names, as the form names them. Callables name a record's fields inside
 * their payload's `record` (session.ts already drops `document.`); the forms name them without it.
 */
export function refusalFields(error: unknown, place: Placement = {}): Record<string, string> {
  const message = failureText(error, t);
  if (place.at !== undefined) return { [place.at]: message };
  if (error instanceof FieldProblem) return { [error.field]: message };
  const byKey = error instanceof CallError ? place.byKey?.[String(error.failure.details.key)] : undefined;
  if (byKey !== undefined) return { [byKey]: message };
  const named =
    error instanceof CallError
      ? Object.fromEntries(Object.entries(error.failure.fields).map(([k, v]) => [k.replace(/^record\./, ""), v]))
      : {};
  return Object.keys(named).length === 0 && place.fallback !== undefined ? { [place.fallback]: message } : named;
}

/** Focuses the input of a field path, or of the nearest path that has one. */
const focusField = (path: string, idOf: (path: string) => string) => {
  // "countries.0" is an item of the countries' list, whose one input is "countries".
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const input = document.getElementById(idOf(parts.slice(0, n).join(".")));
    if (input) return input.focus();
  }
};

// A call answered sooner is not announced: "Saving…" then "Saved" at once would only be noise.
const SAY_PENDING_AFTER_MS = 400;

/**
 * One way to act from a screen: `run` calls the server, keeps `busy` true meanwhile (buttons wait),
 * says what is being done (`pending`: in the live region once the call takes a moment, and for the
 * screen to show on the button pressed), and on a refusal says its message in the live region and
 * puts it beside the fields it names. A success clears the errors; the body says what was done.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ words: string; on?: string } | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (body: () => Promise<void>, place: Placement = {}): Promise<boolean> => {
    setBusy(true);
    const words = place.pending ?? t("ui.pending.working");
    setPending({ words, on: place.pendingOn });
    let said: typeof notice.value;
    const timer = setTimeout(() => {
      said = { text: words, kind: "info" };
      notice.value = said;
    }, SAY_PENDING_AFTER_MS);
    try {
      await body();
      setErrors({});
      return true;
    } catch (error) {
      await place.onError?.(error);
      const fields = refusalFields(error, place);
      setErrors(fields);
      const first = Object.keys(fields)[0];
      const idOf = place.idOf;
      // After the render that marks the field, so its error is read with it.
      if (first !== undefined && idOf) setTimeout(() => focusField(first, idOf), 0);
      say(place.message ?? failureText(error, t), "error");
      return false;
    } finally {
      clearTimeout(timer);
      // Restored when done: unless the body or the refusal said something since, the line goes.
      if (said && notice.value === said) notice.value = undefined;
      setPending(undefined);
      setBusy(false);
    }
  };
  /**
   * Checks a form before anything is sent: the problems stand beside their fields, the banner asks
   * to fix them, and the first bad field takes the focus. True when there is nothing to fix.
   */
  const checked = (problems: Record<string, string>, fixFirst: string, idOf?: (path: string) => string) => {
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first === undefined) return true;
    say(fixFirst, "error");
    if (idOf) focusField(first, idOf);
    return false;
  };
  /** A button's text: what is being done while its own action (`pendingOn`) is on its way, else its label. */
  const label = (idle: string, on: string) => (pending?.on === on ? pending.words : idle);
  return { busy, pending, label, errors, setErrors, run, checked };
}
