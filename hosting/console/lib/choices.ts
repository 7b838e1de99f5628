// What the searchable lists offer: countries, topics, events and institutions by their names in
// the interface's language, taken from the signed-in person's directory (lib/names.ts), which
// read them with the queries the role's rules allow (a member: what is published and their own
// country's). The names follow the interface language at each render.

import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../../../functions/src/model/common.js";
import { lang, pickText } from "../i18n/index.js";
import type { ChoiceOption } from "./choice-logic.js";
import { countryName, type Directory, loadedNames, reloadNames } from "./names.js";

export type ChoiceList = "countries" | "topics" | "events" | "institutions";

type Names = Partial<Record<Lang, string>>;
interface Entry {
  id: string;
  name?: Names;
  hint?: string;
}

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

function entriesOf(list: ChoiceList, loaded: Directory): Entry[] {
  if (loaded.failed.has(list)) throw new Error(`${list} could not be read`);
  if (list === "countries") return [...loaded.countries.values()].map((c) => ({ id: c.id, name: c.name }));
  // A record on its way out is no choice for new content.
  return [...loaded.records[list].values()]
    .filter((r) => r.publication !== "deleted")
    .map((r) => ({
      id: r.id,
      name: (r.title ?? r.name) as Names | undefined,
      hint: list === "institutions" ? str(r.acronym) : list === "events" ? str(r.start)?.slice(0, 4) : undefined,
    }));
}

const optionOf = (list: ChoiceList, e: Entry): ChoiceOption => ({
  id: e.id,
  label: list === "countries" ? countryName(e.id, e.name) : (pickText(e.name) ?? e.id),
  ...(e.hint ? { hint: e.hint } : {}),
});

/**
 * A list's options sorted by name in the interface's language; undefined while they load, and
 * "failed" when they cannot be read (the field then says so in a sentence, never the error).
 */
export function useChoices(list: ChoiceList): ChoiceOption[] | "failed" | undefined {
  const [entries, setEntries] = useState<Entry[] | "failed" | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadedNames()
      // A list that failed is asked again by the next field that needs it.
      .then((loaded) => (loaded.failed.has(list) ? reloadNames() : loaded))
      .then((loaded) => entriesOf(list, loaded))
      .then(
        (e) => live && setEntries(e),
        () => live && setEntries("failed"),
      );
    return () => {
      live = false;
    };
  }, [list]);
  if (entries === undefined || entries === "failed") return entries;
  return entries
    .map((e) => optionOf(list, e))
    .sort((a, b) => a.label.localeCompare(b.label, lang.value, { sensitivity: "base" }));
}

/** "CL, PE" ⇄ ["CL", "PE"]: the forms keep a list as text, the choice fields edit it as ids. */
export const idsOf = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
export const textOf = (ids: readonly string[]) => ids.join(", ");
