import type { Lang } from "../../model/index.js";
import { NotifyError } from "../errors.js";
import { type MailContent, mailHtml } from "./layout.js";

export type { MailContent, MailLink } from "./layout.js";

/** A message rendered for one recipient, ready for the outbox. */
export interface Composed {
  lang: Lang;
  subject: string;
  text: string;
  html: string;
}

/** The longest value (a title, a name) put into a subject, in characters as a reader counts them. */
export const SUBJECT_VALUE_MAX = 120;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * A value for a subject line: on one line (any run of white space or line separators becomes one
 * space) and at most `max` characters, shortened with an ellipsis. A record's title may hold a
 * line break or run to pages; a subject may not (a line break would start a header, and the
 * outbox refuses subjects over 300 characters), and one long title must not stop a notification
 * for everyone.
 */
export function subjectValue(text: string, max = SUBJECT_VALUE_MAX): string {
  const flat = text.replace(/[\s\u2028\u2029]+/gu, " ").trim();
  const characters = Array.from(graphemes.segment(flat), (s) => s.segment);
  return characters.length <= max
    ? flat
    : `${characters
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * The one composer of every email: the same content as HTML (the one layout) and as plain text,
 * where the small print and the unsubscribe line follow the signature separator ("-- ").
 */
export function composeMail(content: MailContent): Composed {
  const { lang, subject, greeting, paragraphs, action, notes, unsubscribe } = content;
  // Subjects are built from the catalogue and values already made one-line by subjectValue; a
  // line break here is a bug in a template, refused rather than sent.
  if (/[\r\n]/.test(subject))
    throw new NotifyError("A subject must be on one line: line breaks (CR/LF) are not allowed.");
  const text = [
    ...(greeting !== undefined ? [greeting] : []),
    ...paragraphs,
    ...(action ? [`${action.label}: ${action.url}`] : []),
    `-- \n${[...notes, ...(unsubscribe ? [`${unsubscribe.label}: ${unsubscribe.url}`] : [])].join("\n")}`,
  ].join("\n\n");
  return { lang, subject, text, html: mailHtml(content) };
}

/** A mailing list a message belongs to. */
export interface MailingList {
  /** Its List-Id (RFC 2919), "<name> <list.host>". */
  id: string;
  /** The one-click unsubscribe address (RFC 8058): HTTPS, carrying the subscriber's unforgeable token. */
  unsubscribeUrl: string;
}

/** The list headers of a message to a list's subscriber: List-Id, List-Unsubscribe and List-Unsubscribe-Post. */
export function listHeaders(list: MailingList): Record<string, string> {
  return {
    "List-Id": list.id,
    "List-Unsubscribe": `<${list.unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
