import { type Event, LANGS, type Localized, type PublicDocument } from "../../model/index.js";
import { tokenize } from "./normalize.js";

/** What a search result points at. */
export interface SearchEntry {
  type: "document" | "event";
  id: string;
  /** Unique across types ("d:<id>", "e:<id>"): the tie-breaker of the result order. */
  ref: string;
}

export interface Hit {
  entry: SearchEntry;
  score: number;
}

/** A query word the index does not know, and the index word it was read as ("licitasion" → "licitacion"). */
export interface Correction {
  word: string;
  term: string;
}

export interface SearchOutcome {
  /** Entries that match every word, in no particular order (see rankPage). */
  hits: Hit[];
  /** Every index word the query matched, for highlighting. */
  matched: ReadonlySet<string>;
  corrections: Correction[];
}

/**
 * A full-text index over documents and events, built once per view version. Every word must
 * match; the last one may be unfinished ("licit" finds "licitación"), and a word the index does
 * not know is read as the closest one it does ("licitasion" finds "licitación").
 */
export interface SearchEngine {
  search(words: readonly string[], accept: (entry: SearchEntry) => boolean): SearchOutcome;
}

/** Longest query we accept, in characters; longer is refused with a 400. */
export const MAX_QUERY_LENGTH = 200;
/** Words of a query beyond this many are ignored: they cannot narrow a result usefully. */
const MAX_TERMS = 12;

/** The words of a query as the index compares them: accents and case aside, each once. */
export function queryWords(q: string): string[] {
  return [...new Set(tokenize(q))].slice(0, MAX_TERMS);
}

/**
 * How many typing mistakes a word may hold and still be read as an index word: none under four
 * letters (too many short words are one letter apart), one up to seven, two beyond.
 */
export function typoAllowance(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/**
 * Field weights. Each field is scored with BM25 on its own and the scores are added with these
 * weights, so a word in the title counts for about five in the body.
 */
export const FIELD_BOOSTS = { title: 5, summary: 2.5, body: 1 } as const;
export type Field = keyof typeof FIELD_BOOSTS;
export const FIELD_NAMES = Object.keys(FIELD_BOOSTS) as Field[];

/** Words of one field of one record beyond this many are not indexed (a body of a few hundred pages). */
export const MAX_FIELD_TERMS = 50_000;

/** One record to index: what it points at and its texts per field, every language included. */
export type SearchRecord = [SearchEntry, Record<Field, string[]>];

const allLangs = (value: Localized | undefined): string[] =>
  value ? LANGS.flatMap((lang) => (value[lang] === undefined ? [] : [value[lang]])) : [];

/** Documents by title, summary and body; events by title, summary, and city and sessions as body. */
export function searchRecords(documents: PublicDocument[], events: Event[]): SearchRecord[] {
  return [
    ...documents.map(
      (d): SearchRecord => [
        { type: "document", id: d.id, ref: `d:${d.id}` },
        { title: allLangs(d.title), summary: allLangs(d.summary), body: allLangs(d.body) },
      ],
    ),
    ...events.map(
      (e): SearchRecord => [
        { type: "event", id: e.id, ref: `e:${e.id}` },
        {
          title: allLangs(e.title),
          summary: allLangs(e.summary),
          body: [
            ...allLangs(e.city),
            ...e.sessions.flatMap((session) => [...allLangs(session.title), ...session.topics.flatMap(allLangs)]),
          ],
        },
      ],
    ),
  ];
}
