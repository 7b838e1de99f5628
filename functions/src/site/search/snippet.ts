import { wordSpans } from "./normalize.js";

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

/**
 * An excerpt of about `width` characters around the first matched word of a (Markdown) text,
 * with the matched words marked, or undefined when the text has none of them.
 */
export function snippet(text: string, matched: ReadonlySet<string>, width = 220): Part[] | undefined {
  const head = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  let first: { start: number; end: number } | undefined;
  for (const span of wordSpans(head)) {
    if (matched.has(span.term)) {
      first = span;
      break;
    }
  }
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
