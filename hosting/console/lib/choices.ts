// What the searchable lists offer: countries, topics, events and institutions by their names in
// the interface's language, read with the queries the signed-in role's rules allow (a member:
// what is published and their own country's). Read once a session per list; the names follow the
// interface language at each render.

import { collection, getDocs } from "firebase/firestore/lite";
import { useEffect, useState } from "preact/hooks";
import type { Lang } from "../../../functions/src/model/common.js";
import { lang, pickText } from "../i18n/index.js";
import { listRecords, type StoredRecord } from "../records-data.js";
import { claims, services } from "../session.js";
import type { ChoiceOption } from "./choice-logic.js";
import { countryName } from "./names.js";

export type ChoiceList = "countries" | "topics" | "events" | "institutions";

type Names = Partial<Record<Lang, string>>;
interface Entry {
  id: string;
  name?: Names;
  hint?: string;
}

const cache = new Map<string, Promise<Entry[]>>();

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

async function read(list: ChoiceList): Promise<Entry[]> {
  const who = claims.value;
  const s = services.value;
  if (!who || !s) throw new Error("not signed in");
  if (list === "countries") {
    const snap = await getDocs(collection(s.db, "countries"));
    return snap.docs.map((d) => ({ id: d.id, name: d.get("name") as Names | undefined }));
  }
  const records = await listRecords(list, who);
  // A record on its way out is no choice for new content.
  return records
    .filter((r: StoredRecord) => r.publication !== "deleted")
    .map((r) => ({
      id: r.id,
      name: (r.title ?? r.name) as Names | undefined,
      hint: list === "institutions" ? str(r.acronym) : list === "events" ? str(r.start)?.slice(0, 4) : undefined,
    }));
}

function load(list: ChoiceList): Promise<Entry[]> {
  const who = claims.value;
  const key = `${list}:${who?.role ?? ""}:${who?.memberId ?? ""}`;
  let entries = cache.get(key);
  if (!entries) {
    entries = read(list);
    // A failure is not kept: the next screen that needs the list asks again.
    entries.catch(() => cache.delete(key));
    cache.set(key, entries);
  }
  return entries;
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
    load(list).then(
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
