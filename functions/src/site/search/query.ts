import { z } from "zod";
import type { Hit } from "./engine.js";
import { compareText, partitionPoint } from "./order.js";

const compareHits = (a: Hit, b: Hit) => b.score - a.score || compareText(a.entry.ref, b.entry.ref);

/** Where a page of results ended: the last hit's score and reference. */
export const SearchKeySchema = z.tuple([z.number().finite(), z.string().max(130)]);
export type SearchKey = z.infer<typeof SearchKeySchema>;

/**
 * One page of results in rank order (best score first, ties by reference, so the order is total
 * and cursors are stable): the `size` best hits that come after `after`, and whether more follow.
 * Keeps only a page's worth sorted instead of sorting every hit.
 */
export function rankPage(hits: Hit[], after: SearchKey | undefined, size: number): { items: Hit[]; more: boolean } {
  const top: Hit[] = [];
  let more = false;
  for (const hit of hits) {
    if (after && !(hit.score < after[0] || (hit.score === after[0] && hit.entry.ref > after[1]))) continue;
    if (top.length === size) {
      more = true;
      if (compareHits(hit, top[size - 1] as Hit) >= 0) continue;
      top.pop();
    }
    top.splice(
      partitionPoint(top.length, (i) => compareHits(top[i] as Hit, hit) <= 0),
      0,
      hit,
    );
  }
  return { items: top, more };
}
