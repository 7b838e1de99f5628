import SearchableMap from "minisearch/SearchableMap";
import type { Document, Event } from "../../model/index.js";
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
// Standard BM25 constants: k1 bounds how much repeating a word helps, b how much length hurts.
const K1 = 1.2;
const B = 0.75;
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
export function buildSearchIndex(documents: Document[], events: Event[]): SearchEngine {
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
        weight += (FIELD_BOOSTS[FIELD_NAMES[f] as Field] * count) / (count + K1 * norm);
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
      const plan = planQuery(vocabulary, queryWords);
      return {
        hits: runQuery(vocabulary, entries, plan.groups, accept),
        matched: new Set(plan.groups.flatMap((group) => group.terms)),
        corrections: plan.corrections,
      };
    },
  };
}

interface Group {
  word: string;
  /** The index words that stand for the query word. */
  terms: string[];
}

const df = (postings: Postings | undefined) => postings?.entries.length ?? 0;

/**
 * Resolves each query word to index words: itself; for the last word also the longer words it
 * begins, so results appear while a word is still being typed; and for a word the index does not
 * know, the closest word it does.
 */
function planQuery(vocabulary: SearchableMap<Postings>, words: readonly string[]) {
  const corrections: Correction[] = [];
  const groups = words.map((word, position): Group => {
    const terms = position === words.length - 1 ? expansions(vocabulary, word) : vocabulary.has(word) ? [word] : [];
    if (terms.length > 0) return { word, terms };
    const term = closest(vocabulary, word);
    if (term === undefined) return { word, terms: [word] };
    corrections.push({ word, term });
    return { word, terms: [term] };
  });
  return { groups, corrections };
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

/** The index word fewest typing mistakes away, the most frequent of equals; none if too far. */
function closest(vocabulary: SearchableMap<Postings>, word: string): string | undefined {
  const allowance = typoAllowance(word);
  if (allowance === 0) return undefined;
  let best: { term: string; distance: number; df: number } | undefined;
  for (const [term, [postings, distance]] of vocabulary.fuzzyGet(word, allowance)) {
    const candidate = { term, distance, df: df(postings) };
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && (candidate.df > best.df || (candidate.df === best.df && term < best.term)))
    ) {
      best = candidate;
    }
  }
  return best?.term;
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
