import MiniSearch, { type SearchResult } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { Document, Event } from "../../model/index.js";
import {
  type Correction,
  FIELD_BOOSTS,
  FIELD_NAMES,
  type Hit,
  MAX_FIELD_TERMS,
  type SearchEngine,
  type SearchEntry,
  type SearchRecord,
  searchRecords,
  typoAllowance,
} from "./engine.js";
import { termOf, writtenWords } from "./normalize.js";

/**
 * The search engine as MiniSearch: BM25+ per field with the same field boosts, our word
 * splitting and `termOf` as its term processor, prefix search on the last word and fuzzy search
 * when the words as typed find nothing.
 */
export function buildMiniSearchIndex(documents: Document[], events: Event[]): SearchEngine {
  const records = searchRecords(documents, events);
  const entries = new Map(records.map(([entry]) => [entry.ref, entry]));
  const index = new MiniSearch<SearchRecord>({
    idField: "ref",
    fields: FIELD_NAMES,
    extractField: ([entry, fields], name) =>
      name === "ref" ? entry.ref : (fields[name as keyof typeof fields]?.join("\n") ?? ""),
    tokenize: (text) => writtenWords(text).slice(0, MAX_FIELD_TERMS),
    processTerm: (word) => termOf(word) || null,
    searchOptions: { boost: { ...FIELD_BOOSTS }, combineWith: "AND", weights: { prefix: 0.8, fuzzy: 0.8 } },
  });
  index.addAll(records);
  return {
    search(words, accept) {
      if (words.length === 0) return { hits: [], matched: new Set(), corrections: [] };
      const run = (fuzzy: boolean) =>
        index.search(
          {
            combineWith: "AND",
            queries: words.map((word, position) => ({
              queries: [word],
              prefix: position === words.length - 1 && word.length >= 2,
              fuzzy: (fuzzy && typoAllowance(word)) || false,
            })),
          },
          { filter: (result) => accept(entries.get(result.id) as SearchEntry) },
        );
      let results = run(false);
      let corrections: Correction[] = [];
      if (results.length === 0 && words.some((word) => typoAllowance(word) > 0)) {
        results = run(true);
        corrections = correctionsOf(words, results);
      }
      return {
        hits: results.map((result): Hit => ({ entry: entries.get(result.id) as SearchEntry, score: result.score })),
        matched: new Set(results.flatMap((result) => result.terms)),
        corrections,
      };
    },
  };
}

/** For each word no result contains as typed, the matched word fewest mistakes away, the commonest of equals. */
function correctionsOf(words: readonly string[], results: SearchResult[]): Correction[] {
  const counts = new SearchableMap<number>();
  for (const result of results) for (const term of result.terms) counts.update(term, (n) => (n ?? 0) + 1);
  const corrections: Correction[] = [];
  words.forEach((word, position) => {
    const last = position === words.length - 1;
    if (counts.has(word) || (last && counts.atPrefix(word).size > 0)) return;
    let best: { term: string; distance: number; count: number } | undefined;
    for (const [term, [count, distance]] of counts.fuzzyGet(word, typoAllowance(word))) {
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
        best = { term, distance, count };
      }
    }
    if (best) corrections.push({ word, term: best.term });
  });
  return corrections;
}
