import { type Document, type Event, LANGS, type Localized } from "../../model/index.js";
import { tokenize } from "./normalize.js";

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

function documentFields(document: Document): FieldTexts {
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

export function buildSearchIndex(documents: Document[], events: Event[]): SearchIndex {
  const entries: SearchEntry[] = [];
  // term -> per entry, the term's count in each field (title, summary, body).
  const counts = new Map<string, { entries: number[]; tf: number[] }>();
  const lengths: Record<Field, number[]> = { title: [], summary: [], body: [] };

  const add = (entry: SearchEntry, fields: FieldTexts) => {
    const index = entries.push(entry) - 1;
    const local = new Map<string, [number, number, number]>();
    FIELD_NAMES.forEach((field, f) => {
      let length = 0;
      for (const text of fields[field]) {
        for (const term of tokenize(text)) {
          length++;
          let tf = local.get(term);
          if (!tf) {
            tf = [0, 0, 0];
            local.set(term, tf);
          }
          tf[f] = (tf[f] ?? 0) + 1;
        }
      }
      lengths[field].push(length);
    });
    for (const [term, tf] of local) {
      let list = counts.get(term);
      if (!list) {
        list = { entries: [], tf: [] };
        counts.set(term, list);
      }
      list.entries.push(index);
      list.tf.push(...tf);
    }
  };
  for (const document of documents)
    add({ type: "document", id: document.id, ref: `d:${document.id}` }, documentFields(document));
  for (const event of events) add({ type: "event", id: event.id, ref: `e:${event.id}` }, eventFields(event));

  const n = entries.length;
  const average = FIELD_NAMES.map((field) => lengths[field].reduce((sum, l) => sum + l, 0) / Math.max(1, n) || 1);
  const postings = new Map<string, Postings>();
  for (const [term, list] of counts) {
    const df = list.entries.length;
    const weights = new Float32Array(df);
    for (let i = 0; i < df; i++) {
      const entry = list.entries[i] as number;
      let weight = 0;
      FIELD_NAMES.forEach((field, f) => {
        const count = list.tf[i * 3 + f] ?? 0;
        if (count === 0) return;
        const norm = 1 - B + (B * (lengths[field][entry] ?? 0)) / (average[f] ?? 1);
        weight += (FIELDS[field] * count) / (count + K1 * norm);
      });
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
