import { formatNumber, formatPartialDate, locale, timeZoneName } from "../i18n/format.js";
import { type MessageKey, translator } from "../i18n/index.js";
import type { Lang, Recipient } from "../model/index.js";
import { NotifyError } from "./errors.js";
import { type Composed, composeMail, subjectValue } from "./mail/compose.js";

/**
 * Placeholder values of a message: text, numbers, instants (shown in the recipient's time zone),
 * calendar days (shown as that day wherever the recipient is), or lists of catalogue keys.
 */
export type MessageParams = Record<string, string | number | Date | { day: string } | { keys: MessageKey[] }>;

/** One notification's content, as catalogue keys: the same shape for every purpose. */
export interface MessageSpec {
  subject: MessageKey;
  paragraphs: MessageKey[];
  params: MessageParams;
  /**
   * A button to a page of the site, as a path ("/es/hosting"), or to a screen of the console, as
   * its route ("/documents/x"); never a whole address, so no value can send a reader elsewhere.
   */
  action?: { label: MessageKey; path: string } | { label: MessageKey; consoleRoute: string };
  /** Why the person receives it, when not as the network's representative (`mail.footer`); given `site` and the params. */
  footer?: MessageKey;
}

/**
 * An absolute link on the site. Only paths are accepted, so no value of a message (a record's
 * field, a redirect parameter) can point a recipient at another host.
 */
export function siteLink(origin: string, path: string): string {
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) {
    throw new NotifyError(`A link in an email must be a path on the site (such as /es/hosting), not "${path}".`);
  }
  const base = new URL(origin);
  const url = new URL(path, base);
  if (url.origin !== base.origin) throw new NotifyError(`A link in an email must stay on ${base.origin}.`);
  return url.href;
}

/**
 * An address in the console: its base (the console's own origin, or the path it is served
 * under) with `fragment` as the hash, where the console keeps its screens ("/documents/x") and
 * an invitation's code ("invitation=..."). The fragment may hold only route characters.
 */
export function consoleUrl(consoleBase: string, fragment: string): string {
  const url = new URL(consoleBase);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new NotifyError(`The console's address must be http(s), not "${consoleBase}".`);
  if (!/^[A-Za-z0-9/_.=-]+$/.test(fragment))
    throw new NotifyError(`A console link takes a route or a code, not "${fragment}".`);
  url.search = "";
  if (!url.pathname.endsWith("/")) url.pathname = `${url.pathname}/`;
  url.hash = fragment;
  return url.href;
}

/** A date and time as the recipient reads it: their language, their time zone. */
export function formatInstant(at: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "long", timeZone }).format(at);
}

/**
 * Renders a notification for its recipient, greeted by name, as text and HTML (the one mail
 * layout, which escapes every value); instants are written in the recipient's language and time zone.
 */
export function composeMessage(
  spec: MessageSpec,
  recipient: Recipient,
  origin: string,
  consoleBase?: string,
): Composed {
  const lang = recipient.lang;
  const t = translator(lang);
  const value = (v: MessageParams[string]): string => {
    if (v instanceof Date) return formatInstant(v, lang, recipient.timeZone);
    if (typeof v === "number") return formatNumber(v, lang);
    if (typeof v === "string") return v;
    if ("day" in v) return formatPartialDate(v.day, lang);
    return new Intl.ListFormat(locale(lang), { type: "conjunction" }).format(v.keys.map((key) => t(key)));
  };
  const params = Object.fromEntries(Object.entries(spec.params).map(([k, v]) => [k, value(v)]));
  const subjectParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, subjectValue(v)]));
  return composeMail({
    lang,
    subject: t(spec.subject, subjectParams),
    greeting: recipient.name ? t("mail.greeting", { name: recipient.name }) : t("mail.greetingAnonymous"),
    paragraphs: spec.paragraphs.map((key) => t(key, params)),
    action: spec.action ? { label: t(spec.action.label), url: actionUrl(spec.action, origin, consoleBase) } : undefined,
    notes: [
      t("mail.timeZone", { zone: timeZoneName(recipient.timeZone, lang) }),
      t(spec.footer ?? "mail.footer", { ...params, site: new URL(origin).host }),
    ],
  });
}

function actionUrl(
  action: NonNullable<MessageSpec["action"]>,
  origin: string,
  consoleBase: string | undefined,
): string {
  if ("path" in action) return siteLink(origin, action.path);
  if (!consoleBase) throw new NotifyError("A link to the console needs the console's address.");
  return consoleUrl(consoleBase, action.consoleRoute);
}
