/**
 * Text as the search engine compares it: accents removed, lower case. "Licitación", "LICITACION"
 * and "licitacion" all become "licitacion"; "São Paulo" becomes "sao paulo".
 */
export function normalize(text: string): string {
  // NFD splits "ã" into "a" + a combining tilde, which \p{M} then removes; NFKD would also fold
  // compatibility forms ("ﬁ" → "fi", full-width letters), which visitors expect to match too.
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

// Letters and digits in any script; everything else (spaces, hyphens, punctuation, markup) separates
// words, so "E-Compras" gives "e" and "compras", and "público-privadas" gives two words.
const WORD = /[\p{L}\p{N}]+/gu;

/** The normalized words of a text, in order, repeats included. */
export function tokenize(text: string): string[] {
  return normalize(text).match(WORD) ?? [];
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
  // Combining marks belong to the word they accent, or a decomposed "ó" would split the word.
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu)) {
    const term = normalize(match[0]);
    if (term) yield { start: match.index, end: match.index + match[0].length, term };
  }
}
