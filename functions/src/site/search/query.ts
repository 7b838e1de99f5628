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
 * Entries that contain every query word (the last possibly unfinished), best first: weighted per-field BM25 over
 * title, summary and body, ties broken by reference so the order is total and cursors are stable.
 */
export function runQuery(index: SearchIndex, plan: QueryPlan, accept: (entry: SearchEntry) => boolean): Hit[] {
  if (plan.groups.length === 0) return [];
  const scored = plan.groups.map(({ word, terms }) => {
    const scores = new Map<number, number>();
    for (const term of terms) {
      const postings = index.postings.get(term);
      if (!postings) continue;
      const factor = term === word ? 1 : PREFIX_DISCOUNT;
      for (let i = 0; i < postings.entries.length; i++) {
        const entry = postings.entries[i] as number;
        const score = postings.idf * (postings.weights[i] as number) * factor;
        if (score > (scores.get(entry) ?? 0)) scores.set(entry, score);
      }
    }
    return scores;
  });
  // Intersect from the rarest word, so the candidate set is small from the start.
  scored.sort((a, b) => a.size - b.size);
  const [first, ...rest] = scored;
  const hits: Hit[] = [];
  for (const [position, score] of first ?? []) {
    let total = score;
    let all = true;
    for (const other of rest) {
      const s = other.get(position);
      if (s === undefined) {
        all = false;
        break;
      }
      total += s;
    }
    const entry = index.entries[position];
    if (all && entry && accept(entry)) hits.push({ entry, score: total });
  }
  return hits.sort(compareHits);
}

const compareHits = (a: Hit, b: Hit) =>
  b.score - a.score || (a.entry.ref < b.entry.ref ? -1 : a.entry.ref > b.entry.ref ? 1 : 0);

/** Where a page of results ended: the last hit's score and reference. */
export const SearchKeySchema = z.tuple([z.number().finite(), z.string().max(130)]);
export type SearchKey = z.infer<typeof SearchKeySchema>;

/** Hits that come after `after` in result order. */
export function hitsAfter(hits: Hit[], after: SearchKey | undefined): Hit[] {
  if (!after) return hits;
  const [score, ref] = after;
  const start = hits.findIndex((hit) => hit.score < score || (hit.score === score && hit.entry.ref > ref));
  return start === -1 ? [] : hits.slice(start);
}
