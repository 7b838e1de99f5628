// The logic of the console's searchable lists (choice-field.tsx): which options a query
// matches and what each key does. Plain functions, so unit tests run them without a browser.

/** One choice: the stored id and the name a person reads. */
export interface ChoiceOption {
  id: string;
  label: string;
  /** A second line that tells two similar names apart (an acronym, a year). */
  hint?: string;
}

/** Text as a person searches it: no accents, no case ("México" and "mexico" are the same). */
export const folded = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLocaleLowerCase("und")
    .trim();

/**
 * The options a query matches, in their order: every word of the query is found in the name,
 * its hint or its id (so "mex" finds México, and "MX" too); options already chosen are left out.
 */
export function matching(
  options: readonly ChoiceOption[],
  query: string,
  chosen: readonly string[] = [],
): ChoiceOption[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  const taken = new Set(chosen);
  return options.filter((o) => {
    if (taken.has(o.id)) return false;
    const text = folded(`${o.label} ${o.hint ?? ""} ${o.id}`);
    return words.every((w) => text.includes(w));
  });
}

/** What the list shows: whether it is open and which option is active (-1: none). */
export interface ListState {
  open: boolean;
  active: number;
}

/** What a key asks for; `handled` keys take no default action (Enter does not submit the form). */
export type KeyEffect =
  | { do: "move"; state: ListState; handled: true }
  | { do: "choose"; index: number; handled: true }
  | { do: "close"; state: ListState; handled: true }
  | { do: "clear"; handled: true }
  | { do: "removeLast"; handled: true }
  | { do: "none"; handled: false };

const NONE: KeyEffect = { do: "none", handled: false };

/**
 * The WAI-ARIA combobox keys: ArrowDown and ArrowUp open the list and move through it (wrapping),
 * Home and End jump while it is open, Enter chooses the active option, Escape closes the list (or
 * clears the query when it is closed), Backspace in an empty query removes the last choice.
 */
export function keyEffect(
  key: string,
  state: ListState,
  count: number,
  context: { query: string; chosen: number },
): KeyEffect {
  const move = (active: number): KeyEffect => ({ do: "move", state: { open: true, active }, handled: true });
  switch (key) {
    case "ArrowDown":
      if (count === 0) return state.open ? NONE : move(-1);
      return move(state.open ? (state.active + 1) % count : Math.max(state.active, 0));
    case "ArrowUp":
      if (count === 0) return state.open ? NONE : move(-1);
      return move(state.open ? (state.active <= 0 ? count - 1 : state.active - 1) : count - 1);
    case "Home":
      return state.open && count > 0 ? move(0) : NONE;
    case "End":
      return state.open && count > 0 ? move(count - 1) : NONE;
    case "Enter":
      return state.open && state.active >= 0 && state.active < count
        ? { do: "choose", index: state.active, handled: true }
        : NONE;
    case "Escape":
      if (state.open) return { do: "close", state: { open: false, active: -1 }, handled: true };
      return context.query ? { do: "clear", handled: true } : NONE;
    case "Backspace":
      return context.query === "" && context.chosen > 0 ? { do: "removeLast", handled: true } : NONE;
    default:
      return NONE;
  }
}
