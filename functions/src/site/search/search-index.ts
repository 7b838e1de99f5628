import { type Event, LANGS, type Localized, type PublicDocument } from "../../model/index.js";
import { tokenizeCached } from "./normalize.js";

/** What a search result points at. */
export interface SearchEntry {
  type: "document" | "event";
  id: string;
  /** Unique across types ("d:<id>", "e:<id>"): the tie-breaker of the result order. */
  ref: string;
}

/** The matches of one term: parallel arrays of entry positions and their term weights. */
export interface Postings {
  entries: Uint32Array;
  /** Per entry, the weighted sum of the term's BM25 term-frequency part in each field. */
  weights: Float32Array;
  /** Inverse document frequency of the term. */
  idf: number;
}

/**
 * An inverted index over documents (title, summary, body in every language) and events (title,
 * summary, city, sessions), built once per view version. A query looks up its terms instead of
 * scanning texts, and a sorted term list turns "the last word may be unfinished" into a binary
 * search.
 */
export interface SearchIndex {
  entries: SearchEntry[];
  postings: Map<string, Postings>;
  /** Every indexed term, sorted by code unit, for prefix lookups. */
  terms: string[];
}

/**
 * Field weights. Each field is scored with BM25 on its own and the scores are added with these
 * weights, so a field's contribution is capped at its weight: one title match (about 5 × 0.45)
 * outweighs any number of body matches (at most 1), and one summary match (about 2.5 × 0.45) does too.
 */
const FIELDS = { title: 5, summary: 2.5, body: 1 } as const;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];
// Standard BM25 constants: k1 bounds how much repeating a word helps, b how much length hurts.
const K1 = 1.2;
const B = 0.75;

type FieldTexts = Record<Field, string[]>;

const allLangs = (value: Localized | undefined): string[] =>
  value ? LANGS.flatMap((lang) => (value[lang] === undefined ? [] : [value[lang]])) : [];

function documentFields(document: PublicDocument): FieldTexts {
  return { title: allLangs(document.title), summary: allLangs(document.summary), body: allLangs(document.body) };
}

function eventFields(event: Event): FieldTexts {
  return {
    title: allLangs(event.title),
    summary: allLangs(event.summary),
    body: [
      ...allLangs(event.city),
      ...event.sessions.flatMap((session) => [...allLangs(session.title), ...session.topics.flatMap(allLangs)]),
    ],
  };
}

/** Words of one field of one record beyond this many are not indexed (a body of a few hundred pages). */
const MAX_FIELD_TERMS = 50_000;
// Per record, a term's counts in the three fields share one number: body in the low 16 bits,
// summary in the next 16, title above. MAX_FIELD_TERMS keeps each count below 2^16.
const UNIT = [2 ** 32, 2 ** 16, 1] as const;

export function buildSearchIndex(documents: PublicDocument[], events: Event[]): SearchIndex {
  const records: [SearchEntry, FieldTexts][] = [
    ...documents.map((d): [SearchEntry, FieldTexts] => [
      { type: "document", id: d.id, ref: `d:${d.id}` },
      documentFields(d),
    ]),
    ...events.map((e): [SearchEntry, FieldTexts] => [{ type: "event", id: e.id, ref: `e:${e.id}` }, eventFields(e)]),
  ];
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
  const postings = new Map<string, Postings>();
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
        weight += (FIELDS[FIELD_NAMES[f] as Field] * count) / (count + K1 * norm);
      }
      weights[i] = weight;
    }
    postings.set(term, {
      entries: Uint32Array.from(list.entries),
      weights,
      idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)),
    });
  }
  const terms = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { entries, postings, terms };
}
