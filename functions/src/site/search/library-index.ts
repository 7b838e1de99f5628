import { z } from "zod";
import type { PublicDocument } from "../../model/index.js";
import { documentMatches, type Filters } from "./filters.js";
import { compareText, partitionPoint } from "./order.js";

/** Documents in library order with the values its filters offer, computed once per view version. */
export interface LibraryIndex {
  /** Published documents, newest first, then by id; the order cursors are defined on. */
  documents: PublicDocument[];
  /** Years that have documents, newest first. */
  years: string[];
}

/** Where a page ended: the last document's publish date and id. */
export const LibraryKeySchema = z.tuple([z.string().max(16), z.string().max(120)]);
export type LibraryKey = z.infer<typeof LibraryKeySchema>;

const keyOf = (document: PublicDocument): LibraryKey => [document.publishedOn ?? "", document.id];

/** Library order: newer publish dates first ("2005-06" before "2005"), then ids A to Z. */
function compareKeys(a: LibraryKey, b: LibraryKey): number {
  return compareText(b[0], a[0]) || compareText(a[1], b[1]);
}

export function deriveLibrary(documents: PublicDocument[]): LibraryIndex {
  const sorted = [...documents].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const years = [...new Set(sorted.flatMap((d) => (d.publishedOn ? [d.publishedOn.slice(0, 4)] : [])))];
  return { documents: sorted, years };
}

export interface LibraryPage {
  items: PublicDocument[];
  /** How many documents match the filters in all, on every page. */
  total: number;
  /** Key of the last item when more follow. */
  next?: LibraryKey;
}

/** One page of matching documents that come after `after` (from the start when absent). */
export function libraryPage(
  index: LibraryIndex,
  filters: Filters,
  after: LibraryKey | undefined,
  size: number,
): LibraryPage {
  const { documents } = index;
  // First position strictly after the cursor's key, then a filtered walk.
  const low = after
    ? partitionPoint(documents.length, (i) => compareKeys(keyOf(documents[i] as PublicDocument), after) <= 0)
    : 0;
  const items: PublicDocument[] = [];
  let total = 0;
  let more = false;
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i] as PublicDocument;
    if (!documentMatches(doc, filters)) continue;
    total++;
    if (i < low) continue;
    if (items.length < size) items.push(doc);
    else more = true;
  }
  const last = items.at(-1);
  return { items, total, next: more && last ? keyOf(last) : undefined };
}
