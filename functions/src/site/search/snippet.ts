import { normalize, termOf, wordSpans } from "./normalize.js";

/** A piece of text to show, marked when it is a word the query matched. */
export interface Part {
  text: string;
  hit: boolean;
}

/** Beyond this many characters we neither look for matches nor highlight: the rest is shown as is. */
const SCAN_LIMIT = 100_000;

/** The text cut into parts with the matched words marked; render the marked ones in <mark>. */
export function highlight(text: string, matched: ReadonlySet<string>): Part[] {
  const parts: Part[] = [];
  const head = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  let at = 0;
  for (const span of wordSpans(head)) {
    if (!matched.has(span.term)) continue;
    if (span.start > at) parts.push({ text: text.slice(at, span.start), hit: false });
    parts.push({ text: text.slice(span.start, span.end), hit: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

// Markdown syntax that would look like noise in a one-line excerpt. It runs on a short window
// only, so even a pathological body cannot make these patterns slow.
function plain(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, "$1")
    .replace(/^\s{0,3}(?:#{1,6}\s+|[-+*]\s+|\d+[.)]\s+|>\s?)/gm, "")
    .replace(/\*\*|__|`+|~~|\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

// Every Latin letter with accents, by the plain letter it is compared as: "o" → "óòôõöø...".
const ACCENTED = new Map<string, string>();
for (const [from, to] of [
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
]) {
  for (let code = from as number; code <= (to as number); code++) {
    const letter = String.fromCodePoint(code);
    const plain = normalize(letter);
    if (/^[a-z]$/.test(plain) && plain !== letter) ACCENTED.set(plain, (ACCENTED.get(plain) ?? "") + letter);
  }
}

const finders = new WeakMap<ReadonlySet<string>, RegExp>();

/**
 * A pattern that finds the words of `terms` as written in a text, accents and case aside
 * ("licitacion" finds "Licitación", precomposed or with combining marks). The engine scans a text
 * natively instead of normalizing it word by word, about ten times faster on long bodies.
 */
function finder(terms: ReadonlySet<string>): RegExp {
  let pattern = finders.get(terms);
  if (!pattern) {
    const letter = (c: string) => `${ACCENTED.has(c) ? `[${c}${ACCENTED.get(c)}]` : c}\\p{M}*`;
    const words = [...terms].map((term) => [...term].map(letter).join(""));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${words.join("|")})(?![\\p{L}\\p{N}\\p{M}])`, "giu");
    finders.set(terms, pattern);
  }
  return pattern;
}

/** The first word of `text` (within its first SCAN_LIMIT characters) whose term is one of `terms`. */
function firstMatch(text: string, terms: ReadonlySet<string>): { start: number; end: number } | undefined {
  if (terms.size === 0) return undefined;
  const head = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  const pattern = finder(terms);
  pattern.lastIndex = 0;
  for (let found = pattern.exec(head); found; found = pattern.exec(head)) {
    // Case folding may accept a letter that normalizes differently; the term decides.
    if (terms.has(termOf(found[0]))) return { start: found.index, end: found.index + found[0].length };
  }
  // Rarer spellings the pattern does not know ("ﬁ" for "fi") are still found near the start.
  for (const span of wordSpans(head.slice(0, SPELLING_SCAN))) if (terms.has(span.term)) return span;
  return undefined;
}

/** How far into a text rare spellings are looked for word by word. */
const SPELLING_SCAN = 5_000;

/**
 * How `term` is written in the first of `texts` that has it ("licitacion" → "Licitación"), to
 * show a corrected query in its usual spelling; undefined when none has it.
 */
export function spellingIn(term: string, texts: readonly string[]): string | undefined {
  const terms = new Set([term]);
  for (const text of texts) {
    const found = firstMatch(text, terms);
    if (found) return text.slice(found.start, found.end);
  }
  return undefined;
}

/**
 * An excerpt of about `width` characters around the first matched word of a (Markdown) text,
 * with the matched words marked, or undefined when the text has none of them. Only the first
 * SCAN_LIMIT characters are searched, so a page of results over long bodies stays fast.
 */
export function snippet(text: string, matched: ReadonlySet<string>, width = 220): Part[] | undefined {
  const first = firstMatch(text, matched);
  if (!first) return undefined;
  let start = Math.max(0, first.start - Math.floor(width / 3));
  if (start > 0) {
    // Start at a word boundary, not in the middle of a word.
    const space = text.slice(start, first.start).search(/\s/);
    start = space === -1 ? first.start : start + space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.slice(first.end, end).lastIndexOf(" ");
    end = space === -1 ? Math.max(end, first.end) : first.end + space;
  }
  const parts = highlight(plain(text.slice(start, end)), matched);
  if (start > 0) parts.unshift({ text: "… ", hit: false });
  if (end < text.length) parts.push({ text: " …", hit: false });
  return parts;
}
