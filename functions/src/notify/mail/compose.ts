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

/**
 * The one composer of every email: the same content as HTML (the one layout) and as plain text,
 * where the small print and the unsubscribe line follow the signature separator ("-- ").
 */
export function composeMail(content: MailContent): Composed {
  const { lang, subject, greeting, paragraphs, action, notes, unsubscribe } = content;
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
