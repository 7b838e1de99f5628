/**
 * Text as the search engine compares it: accents removed, lower case. "Licitación", "LICITACION"
 * and "licitacion" all become "licitacion"; "São Paulo" becomes "sao paulo".
 */
export function normalize(text: string): string {
  // NFD splits "ã" into "a" + a combining tilde, which \p{M} then removes; NFKD also folds
  // compatibility forms ("ﬁ" → "fi", full-width letters), which visitors expect to match too.
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

// A word is letters and digits in any script, with the accents that belong to them; everything else
// (spaces, hyphens, punctuation, markup) separates words: "E-Compras" gives "e" and "compras".
const RAW_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** The search term of one written word ("Armonización" → "armonizacion"), or "" if nothing is left. */
export function termOf(word: string): string {
  // Most words of Spanish, English and Portuguese texts are plain ASCII: skip Unicode normalization.
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  // NFKD may turn a character into punctuation ("½" → "1⁄2"); terms keep only letters and digits.
  return normalize(word).replace(NOT_WORD, "");
}

/** The search terms of a text, in order, repeats included. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const word of text.match(RAW_WORD) ?? []) {
    const term = termOf(word);
    if (term) terms.push(term);
  }
  return terms;
}

/**
 * {@link tokenize} for indexing large texts: the same terms, with each distinct written word
 * normalized only once (texts repeat their words), and at most `limit` terms.
 */
export function tokenizeCached(text: string, cache: Map<string, string>, limit: number): string[] {
  const terms: string[] = [];
  for (const word of text.match(RAW_WORD) ?? []) {
    if (terms.length >= limit) break;
    let term = cache.get(word);
    if (term === undefined) {
      term = termOf(word);
      cache.set(word, term);
    }
    if (term) terms.push(term);
  }
  return terms;
}

/** A word of a text with where it sits in the original (not normalized) string. */
export interface WordSpan {
  start: number;
  end: number;
  term: string;
}

/**
 * The words of a text with their positions in the text as written, so that matches can be
 * highlighted in the original spelling ("Armonización" for the query "armonizacion").
 */
export function* wordSpans(text: string): Generator<WordSpan> {
  for (const match of text.matchAll(RAW_WORD)) {
    const term = termOf(match[0]);
    if (term) yield { start: match.index, end: match.index + match[0].length, term };
  }
}
