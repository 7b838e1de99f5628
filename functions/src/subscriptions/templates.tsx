import { translator } from "../i18n/index.js";
import type { Document, Lang, Localized } from "../model/index.js";
import { NotifyError } from "../notify/errors.js";
import { type Composed, siteLink } from "../notify/templates.js";
import { unsubscribeToken } from "./keys.js";

/** The list's name in List-Id (RFC 2919): the network's own name, the same in every language. */
const LIST_NAME = "Red Interamericana de Compras Gubernamentales";

/** The page that confirms a subscription, in the language chosen for the emails. */
export const confirmPath = (lang: Lang, id: string, token: string) =>
  `/${lang}/subscribe/confirm?${new URLSearchParams({ s: id, t: token })}`;

/** The unsubscribe page and RFC 8058 endpoint of a subscriber (the same URL). */
export const unsubscribePath = (lang: Lang, id: string, key: string) =>
  `/${lang}/unsubscribe?${new URLSearchParams({ s: id, t: unsubscribeToken(key, id) })}`;

function Mail(props: {
  lang: Lang;
  subject: string;
  paragraphs: string[];
  action: { label: string; url: string };
  notes: string[];
  unsubscribe?: { label: string; url: string };
}) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <title>{props.subject}</title>
      </head>
      <body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">
        {props.paragraphs.map((p) => (
          <p>{p}</p>
        ))}
        <p>
          <a href={props.action.url}>{props.action.label}</a>
        </p>
        <hr />
        {props.notes.map((n) => (
          <p style="font-size: 0.85em; color: #555">{n}</p>
        ))}
        {props.unsubscribe ? (
          <p style="font-size: 0.85em">
            <a href={props.unsubscribe.url}>{props.unsubscribe.label}</a>
          </p>
        ) : null}
      </body>
    </html>
  );
}

function compose(
  lang: Lang,
  subject: string,
  paragraphs: string[],
  action: { label: string; url: string },
  notes: string[],
  unsubscribe?: { label: string; url: string },
): Composed {
  if (/[\r\n]/.test(subject))
    throw new NotifyError("A subject must be on one line: line breaks (CR/LF) are not allowed.");
  const html = `<!doctype html>${(<Mail lang={lang} subject={subject} paragraphs={paragraphs} action={action} notes={notes} unsubscribe={unsubscribe} />).toString()}`;
  const text = [
    ...paragraphs,
    `${action.label}: ${action.url}`,
    `-- \n${[...notes, ...(unsubscribe ? [`${unsubscribe.label}: ${unsubscribe.url}`] : [])].join("\n")}`,
  ].join("\n\n");
  return { lang, subject, text, html };
}

/** The double opt-in email: a link to the page whose button confirms. */
export function confirmationMessage(origin: string, lang: Lang, id: string, token: string): Composed {
  const t = translator(lang);
  return compose(
    lang,
    t("sub.mail.confirm.subject"),
    [t("sub.mail.confirm.body"), t("sub.mail.confirm.ignore")],
    { label: t("sub.mail.confirm.action"), url: siteLink(origin, confirmPath(lang, id, token)) },
    [],
  );
}

/** A document's text for a subscriber: their language, else Spanish, else English (the schema guarantees one). */
export const inMailLanguage = (text: Localized, lang: Lang): string => text[lang] ?? text.es ?? text.en ?? "";

/**
 * The list headers of every email to a subscriber: List-Id (RFC 2919), and one-click unsubscribe
 * (RFC 8058: an HTTPS URI with the subscriber's unforgeable token, and List-Unsubscribe-Post).
 */
export function listHeaders(origin: string, lang: Lang, id: string, key: string): Record<string, string> {
  return {
    "List-Id": `${LIST_NAME} <news.${new URL(origin).hostname}>`,
    "List-Unsubscribe": `<${siteLink(origin, unsubscribePath(lang, id, key))}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** A newly published document, for one subscriber, with a visible unsubscribe link. */
export function publicationMessage(
  origin: string,
  subscriber: { id: string; lang: Lang },
  document: Pick<Document, "id" | "title">,
  key: string,
): Composed {
  const { lang, id } = subscriber;
  const t = translator(lang);
  const title = inMailLanguage(document.title, lang).replace(/[\r\n]+/g, " ");
  return compose(
    lang,
    t("sub.mail.published.subject", { title }),
    [t("sub.mail.published.body", { title })],
    { label: t("sub.mail.published.action"), url: siteLink(origin, `/${lang}/documents/${document.id}`) },
    [t("sub.mail.footer", { site: new URL(origin).host })],
    { label: t("sub.mail.unsubscribe"), url: siteLink(origin, unsubscribePath(lang, id, key)) },
  );
}
