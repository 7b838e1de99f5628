import { pick, translator } from "../i18n/index.js";
import type { Document, Lang, Localized } from "../model/index.js";
import { type Composed, composeMail, listHeaders as mailingListHeaders, subjectValue } from "../notify/mail/compose.js";
import { siteLink } from "../notify/templates.js";
import { unsubscribeToken } from "./keys.js";

/** The list's name in List-Id (RFC 2919): the network's own name, the same in every language. */
const LIST_NAME = "Red Interamericana de Compras Gubernamentales";

/** The page that confirms a subscription, in the language chosen for the emails. */
const confirmPath = (lang: Lang, id: string, token: string) =>
  `/${lang}/subscribe/confirm?${new URLSearchParams({ s: id, t: token })}`;

/** The unsubscribe page and RFC 8058 endpoint of a subscriber (the same URL). */
const unsubscribePath = (lang: Lang, id: string, key: string) =>
  `/${lang}/unsubscribe?${new URLSearchParams({ s: id, t: unsubscribeToken(key, id) })}`;

/** The double opt-in email: a link to the page whose button confirms. */
export function confirmationMessage(origin: string, lang: Lang, id: string, token: string): Composed {
  const t = translator(lang);
  return composeMail({
    lang,
    subject: t("sub.mail.confirm.subject"),
    paragraphs: [t("sub.mail.confirm.body"), t("sub.mail.confirm.ignore")],
    action: { label: t("sub.mail.confirm.action"), url: siteLink(origin, confirmPath(lang, id, token)) },
    notes: [],
  });
}

/** A document's text for a subscriber: their language, else the one the site would show them. */
export const inMailLanguage = (text: Localized, lang: Lang): string => pick(text, lang).text;

/**
 * The list headers of every email to a subscriber: List-Id (RFC 2919), and one-click unsubscribe
 * (RFC 8058: an HTTPS URI with the subscriber's unforgeable token, and List-Unsubscribe-Post).
 */
export function listHeaders(origin: string, lang: Lang, id: string, key: string): Record<string, string> {
  return mailingListHeaders({
    id: `${LIST_NAME} <news.${new URL(origin).hostname}>`,
    unsubscribeUrl: siteLink(origin, unsubscribePath(lang, id, key)),
  });
}

/**
 * A newly published document, for one subscriber, with a visible unsubscribe link; with `notice`,
 * the new notice its publisher asked for, saying why.
 */
export function publicationMessage(
  origin: string,
  subscriber: { id: string; lang: Lang },
  document: Pick<Document, "id" | "title">,
  key: string,
  notice?: { reason: string },
): Composed {
  const { lang, id } = subscriber;
  const t = translator(lang);
  const title = inMailLanguage(document.title, lang).replace(/[\r\n]+/g, " ");
  return composeMail({
    lang,
    subject: notice
      ? t("sub.mail.updated.subject", { title: subjectValue(title) })
      : t("sub.mail.published.subject", { title: subjectValue(title) }),
    paragraphs: [
      notice ? t("sub.mail.updated.body", { title, reason: notice.reason }) : t("sub.mail.published.body", { title }),
    ],
    action: { label: t("sub.mail.published.action"), url: siteLink(origin, `/${lang}/documents/${document.id}`) },
    notes: [t("sub.mail.footer", { site: new URL(origin).host })],
    unsubscribe: { label: t("sub.mail.unsubscribe"), url: siteLink(origin, unsubscribePath(lang, id, key)) },
  });
}
