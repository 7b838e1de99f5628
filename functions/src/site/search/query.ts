import { z } from "zod";
import { tokenize } from "./normalize.js";
import type { SearchEntry, SearchIndex } from "./search-index.js";

/** Longest query we accept, in characters; longer is refused with a 400. */
export const MAX_QUERY_LENGTH = 200;
/** Words of a query beyond this many are ignored: they cannot narrow a result usefully. */
const MAX_TERMS = 12;
/** An unfinished last word matches at most this many index words (the most frequent ones). */
const MAX_EXPANSIONS = 64;
/** A word that only starts like the last query word counts a little less than the word itself. */
const PREFIX_DISCOUNT = 0.8;

/** A query resolved against the index: for each query word, the index words it matches. */
export interface QueryPlan {
  groups: { word: string; terms: string[] }[];
  /** Every index word the query matches, for highlighting. */
  matched: Set<string>;
}

function lowerBound(terms: string[], prefix: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((terms[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Resolves the words of a query: each word as written (accents and case aside), and the last one
 * also as the beginning of longer words ("licit" finds "licitación"), so results appear while a
 * word is still being typed.
 */
export function planQuery(index: SearchIndex, q: string): QueryPlan {
  const words = [...new Set(tokenize(q))].slice(0, MAX_TERMS);
  const groups = words.map((word, position) => ({
    word,
    terms: matchesOf(index, word, position === words.length - 1),
  }));
  return { groups, matched: new Set(groups.flatMap((group) => group.terms)) };
}

function matchesOf(index: SearchIndex, word: string, last: boolean): string[] {
  // A single letter would expand to half the vocabulary; it only matches itself.
  if (!last || word.length < 2) return [word];
  const expansions: string[] = [];
  for (let i = lowerBound(index.terms, word); i < index.terms.length; i++) {
    const term = index.terms[i] as string;
    if (!term.startsWith(word)) break;
    expansions.push(term);
  }
  if (expansions.length <= MAX_EXPANSIONS) return expansions.length ? expansions : [word];
  const df = (term: string) => index.postings.get(term)?.entries.length ?? 0;
  const top = expansions.sort((a, b) => df(b) - df(a)).slice(0, MAX_EXPANSIONS);
  return top.includes(word) || !index.postings.has(word) ? top : [word, ...top];
}

export interface Hit {
  entry: SearchEntry;
  score: number;
}

/**
 * Entries that contain every query word (the last possibly unfinished), scored with weighted
 * per-field BM25 over title, summary and body; in no particular order (see {@link rankPage}).
 */
export function runQuery(index: SearchIndex, plan: QueryPlan, accept: (entry: SearchEntry) => boolean): Hit[] {
  const groups = plan.groups.length;
  if (groups === 0) return [];
  // Dense arrays over all records instead of maps: a common prefix can touch most of the index,
  // and typed arrays keep that to a few milliseconds even with ten thousand documents.
  const size = index.entries.length;
  const total = new Float64Array(size);
  const best = new Float64Array(size);
  const matchedGroups = new Uint8Array(size);
  let candidates: number[] = [];
  // Rarest word first, so the later, commoner words only confirm a short list of candidates.
  const postingsOf = (terms: string[]) =>
    terms.reduce((sum, t) => sum + (index.postings.get(t)?.entries.length ?? 0), 0);
  const ordered = [...plan.groups].sort((a, b) => postingsOf(a.terms) - postingsOf(b.terms));
  ordered.forEach(({ word, terms }, g) => {
    const touched: number[] = [];
    for (const term of terms) {
      const postings = index.postings.get(term);
      if (!postings) continue;
      const factor = term === word ? postings.idf : postings.idf * PREFIX_DISCOUNT;
      for (let i = 0; i < postings.entries.length; i++) {
        const entry = postings.entries[i] as number;
        // Only records that matched every earlier word can still match them all.
        if (matchedGroups[entry] !== g) continue;
        const score = (postings.weights[i] as number) * factor;
        const previous = best[entry] as number;
        if (previous === 0) touched.push(entry);
        if (score > previous) best[entry] = score;
      }
    }
    for (const entry of touched) {
      total[entry] = (total[entry] as number) + (best[entry] as number);
      best[entry] = 0;
      matchedGroups[entry] = g + 1;
    }
    candidates = touched;
  });
  const hits: Hit[] = [];
  for (const position of candidates) {
    const entry = index.entries[position];
    if (entry && accept(entry)) hits.push({ entry, score: total[position] as number });
  }
  return hits;
}

const compareHits = (a: Hit, b: Hit) =>
  b.score - a.score || (a.entry.ref < b.entry.ref ? -1 : a.entry.ref > b.entry.ref ? 1 : 0);

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
    let low = 0;
    let high = top.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareHits(top[mid] as Hit, hit) <= 0) low = mid + 1;
      else high = mid;
    }
    top.splice(low, 0, hit);
  }
  return { items: top, more };
}
