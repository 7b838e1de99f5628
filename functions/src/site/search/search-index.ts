import SearchableMap from "minisearch/SearchableMap";
import type { Event, PublicDocument } from "../../model/index.js";
import {
  type Correction,
  FIELD_BOOSTS,
  FIELD_NAMES,
  type Field,
  type Hit,
  MAX_FIELD_TERMS,
  type SearchEngine,
  type SearchEntry,
  searchRecords,
  typoAllowance,
} from "./engine.js";
import { tokenizeCached } from "./normalize.js";
import { compareText } from "./order.js";

/** The matches of one term: parallel arrays of entry positions and their term weights. */
interface Postings {
  entries: Uint32Array;
  /** Per entry, the weighted sum of the term's BM25 term-frequency part in each field. */
  weights: Float32Array;
  /** Inverse document frequency of the term. */
  idf: number;
}

/** An unfinished last word matches at most this many index words (the most frequent ones). */
const MAX_EXPANSIONS = 64;
/** A word that only starts like the last query word, or was corrected, counts a little less. */
const INEXACT_DISCOUNT = 0.8;
// BM25+ constants: k1 bounds how much repeating a word helps, b how much length hurts, and
// delta is what any match is worth however long the field: a field holds every language of a
// record, so without it a title in four languages would count for less than one in one.
const K1 = 1.2;
const B = 0.75;
const DELTA = 0.5;
// Per record, a term's counts in the three fields share one number: body in the low 16 bits,
// summary in the next 16, title above. MAX_FIELD_TERMS keeps each count below 2^16, and one
// number per term and record keeps indexing ten thousand long documents free of small arrays.
const UNIT = [2 ** 32, 2 ** 16, 1] as const;

/**
 * An inverted index with per-field BM25 scores precomputed at build time, so a query only adds
 * numbers. Its vocabulary is a radix tree (MiniSearch's SearchableMap), which answers the
 * two lookups a query needs besides exact words: words starting with a prefix, and words
 * within a few typing mistakes.
 */
export function buildSearchIndex(documents: PublicDocument[], events: Event[]): SearchEngine {
  const records = searchRecords(documents, events);
  const n = records.length;
  const entries = records.map(([entry]) => entry);
  const lengths = FIELD_NAMES.map(() => new Uint32Array(n));
  // term -> the records it occurs in (ascending) and its packed field counts in each.
  const postingLists = new Map<string, { entries: number[]; counts: number[] }>();
  const words = new Map<string, string>();

  records.forEach(([, fields], index) => {
    const counts = new Map<string, number>();
    FIELD_NAMES.forEach((field, f) => {
      let length = 0;
      for (const text of fields[field]) {
        if (length >= MAX_FIELD_TERMS) break;
        const terms = tokenizeCached(text, words, MAX_FIELD_TERMS - length);
        length += terms.length;
        for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + (UNIT[f] as number));
      }
      (lengths[f] as Uint32Array)[index] = length;
    });
    for (const [term, packed] of counts) {
      let list = postingLists.get(term);
      if (!list) {
        list = { entries: [], counts: [] };
        postingLists.set(term, list);
      }
      list.entries.push(index);
      list.counts.push(packed);
    }
  });

  const average = lengths.map((field) => field.reduce((sum, l) => sum + l, 0) / Math.max(1, n) || 1);
  const vocabulary = new SearchableMap<Postings>();
  for (const [term, list] of postingLists) {
    const df = list.entries.length;
    const weights = new Float32Array(df);
    for (let i = 0; i < df; i++) {
      const entry = list.entries[i] as number;
      const packed = list.counts[i] as number;
      let weight = 0;
      for (let f = 0; f < FIELD_NAMES.length; f++) {
        const count = Math.floor(packed / (UNIT[f] as number)) % 2 ** 16;
        if (count === 0) continue;
        const norm = 1 - B + (B * ((lengths[f] as Uint32Array)[entry] ?? 0)) / (average[f] ?? 1);
        weight += FIELD_BOOSTS[FIELD_NAMES[f] as Field] * (DELTA + (count * (K1 + 1)) / (count + K1 * norm));
      }
      weights[i] = weight;
    }
    vocabulary.set(term, {
      entries: Uint32Array.from(list.entries),
      weights,
      idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)),
    });
  }
  return {
    search(queryWords, accept) {
      const groups = planQuery(vocabulary, queryWords);
      const hits = runQuery(vocabulary, entries, groups, accept);
      const corrections = groups.flatMap(({ word, terms, corrected }): Correction[] =>
        corrected ? [{ word, term: mostFound(vocabulary, entries, terms, hits) }] : [],
      );
      // A misspelt word shows only the word it was read as, not every one equally close.
      const shown = groups.flatMap((group) => (group.corrected ? [] : group.terms));
      return { hits, matched: new Set([...shown, ...corrections.map((c) => c.term)]), corrections };
    },
  };
}

interface Group {
  word: string;
  /** The index words that stand for the query word. */
  terms: string[];
  /** The word is not in the index: `terms` are the words closest to it. */
  corrected?: boolean;
}

const df = (postings: Postings | undefined) => postings?.entries.length ?? 0;

/**
 * Resolves each query word to index words: itself; for the last word also the longer words it
 * begins, so results appear while a word is still being typed; and for a word the index does not
 * know, the words closest to it.
 */
function planQuery(vocabulary: SearchableMap<Postings>, words: readonly string[]): Group[] {
  return words.map((word, position): Group => {
    const terms = position === words.length - 1 ? expansions(vocabulary, word) : vocabulary.has(word) ? [word] : [];
    if (terms.length > 0) return { word, terms };
    const near = closest(vocabulary, word);
    return near.length > 0 ? { word, terms: near, corrected: true } : { word, terms: [word] };
  });
}

function expansions(vocabulary: SearchableMap<Postings>, word: string): string[] {
  // A single letter would expand to half the vocabulary; it only matches itself.
  if (word.length < 2) return vocabulary.has(word) ? [word] : [];
  const found = [...vocabulary.atPrefix(word)];
  if (found.length <= MAX_EXPANSIONS) return found.map(([term]) => term);
  const top = found
    .sort((a, b) => df(b[1]) - df(a[1]))
    .slice(0, MAX_EXPANSIONS)
    .map(([term]) => term);
  return top.includes(word) || !vocabulary.has(word) ? top : [word, ...top];
}

/**
 * The index words fewest typing mistakes away from `word` (none when the word is too short or
 * nothing is close), the most frequent first.
 */
function closest(vocabulary: SearchableMap<Postings>, word: string): string[] {
  const allowance = typoAllowance(word);
  if (allowance === 0) return [];
  const found = [...vocabulary.fuzzyGet(word, allowance)];
  const nearest = Math.min(...found.map(([, [, distance]]) => distance));
  return found
    .filter(([, [, distance]]) => distance === nearest)
    .sort((a, b) => df(b[1][0]) - df(a[1][0]) || compareText(a[0], b[0]))
    .slice(0, MAX_EXPANSIONS)
    .map(([term]) => term);
}

/**
 * Of equally close words, the one most results contain: the one the other query words point
 * at ("acords cadres" reads as "accords", not the commoner Portuguese "acordo").
 */
function mostFound(vocabulary: SearchableMap<Postings>, entries: SearchEntry[], terms: string[], hits: Hit[]): string {
  const found = new Set(hits.map((hit) => hit.entry.ref));
  let best = { term: terms[0] as string, count: -1 };
  for (const term of terms) {
    const postings = vocabulary.get(term);
    let count = 0;
    for (const entry of postings?.entries ?? []) if (found.has((entries[entry] as SearchEntry).ref)) count++;
    if (count > best.count) best = { term, count };
  }
  return best.term;
}

/**
 * Entries that contain every query word, scored with weighted per-field BM25 over title, summary
 * and body.
 */
function runQuery(
  vocabulary: SearchableMap<Postings>,
  entries: SearchEntry[],
  groups: Group[],
  accept: (entry: SearchEntry) => boolean,
): Hit[] {
  if (groups.length === 0) return [];
  // Dense arrays over all records instead of maps: a common prefix can touch most of the index,
  // and typed arrays keep that to a few milliseconds even with ten thousand documents.
  const size = entries.length;
  const total = new Float64Array(size);
  const best = new Float64Array(size);
  const matchedGroups = new Uint8Array(size);
  let candidates: number[] = [];
  // Rarest word first, so the later, commoner words only confirm a short list of candidates.
  const postingsOf = (terms: string[]) => terms.reduce((sum, t) => sum + df(vocabulary.get(t)), 0);
  const ordered = [...groups].sort((a, b) => postingsOf(a.terms) - postingsOf(b.terms));
  ordered.forEach(({ word, terms }, g) => {
    const touched: number[] = [];
    for (const term of terms) {
      const postings = vocabulary.get(term);
      if (!postings) continue;
      const factor = term === word ? postings.idf : postings.idf * INEXACT_DISCOUNT;
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
    const entry = entries[position];
    if (entry && accept(entry)) hits.push({ entry, score: total[position] as number });
  }
  return hits;
}
