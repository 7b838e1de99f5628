import { locale, timeZoneName } from "../i18n/format.js";
import { pick, translator } from "../i18n/index.js";
import type { Event, Lang, Registration, RegistrationSettings } from "../model/index.js";
import { type Composed, composeMail, subjectValue } from "../notify/mail/compose.js";
import { confirmLink, registrationLinks } from "./links.js";
import { seatsSaid } from "./mail.js";
import { STATUS_MAIL_SENTENCES, statusSentence } from "./status-sentence.js";

/** A registration's email, for one person: their language, the event's title in it. */
interface Addressee {
  lang: Lang;
  name: string;
  timeZone: string;
}

const eventTitle = (event: Pick<Event, "title">, lang: Lang) => pick(event.title, lang).text;

/** An instant as the person reads it: date and time in their language and time zone. */
export function formatUntil(atMs: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "long", timeStyle: "short", timeZone }).format(atMs);
}

/**
 * The headers that make a registration's cancellation one click in a mail client (RFC 8058): the
 * cancel page's URL, which takes a POST with no cookie and no CSRF token, the token deciding.
 */
export function cancellationHeaders(cancelUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${cancelUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** The double opt-in email: a link to the page whose button confirms, and the one-click cancellation. */
export function confirmationMail(
  origin: string,
  key: string,
  to: Addressee,
  event: Pick<Event, "id" | "title">,
  id: string,
  token: string,
): Composed {
  const { lang } = to;
  const t = translator(lang);
  const title = eventTitle(event, lang);
  return composeMail({
    lang,
    subject: t("regform.mail.confirm.subject", { event: subjectValue(title) }),
    greeting: t("mail.greeting", { name: to.name }),
    paragraphs: [t("regform.mail.confirm.body", { event: title }), t("regform.mail.confirm.ignore")],
    action: { label: t("regform.mail.confirm.action"), url: confirmLink(origin, lang, event.id, id, token) },
    notes: [t("mail.footer", { site: new URL(origin).host })],
    unsubscribe: {
      label: t("regform.mail.cancel"),
      url: registrationLinks(origin, lang, event.id, id, key).cancel,
    },
  });
}

/**
 * Where a registration stands, sent when its address asks to register again: the answer on the
 * page is the same for every address, and only the owner of the mailbox learns that it was known.
 */
export function statusMail(
  origin: string,
  key: string,
  registration: Pick<
    Registration,
    "name" | "lang" | "timeZone" | "status" | "sessions" | "seatsWaiting" | "category" | "accredited"
  >,
  event: Pick<Event, "id" | "title" | "timeZone" | "sessions">,
  settings: Pick<RegistrationSettings, "privateSessions">,
  id: string,
  position: number | undefined,
): Composed {
  const { lang, status } = registration;
  const t = translator(lang);
  const title = eventTitle(event, lang);
  const zone = registration.timeZone ?? event.timeZone ?? "UTC";
  const where = statusSentence(
    t,
    status,
    { position, time: (atMs) => formatUntil(atMs, lang, zone) },
    STATUS_MAIL_SENTENCES,
  );
  const links = registrationLinks(origin, lang, event.id, id, key);
  return composeMail({
    lang,
    subject: t("regform.mail.status.subject", { event: subjectValue(title) }),
    greeting: t("mail.greeting", { name: registration.name }),
    paragraphs: [
      t("regform.mail.status.again", { event: title }),
      where,
      ...seatsSaid(t, lang, event, settings, registration),
    ],
    action: { label: t("regform.mail.status.action"), url: links.status },
    notes: [t("mail.timeZone", { zone: timeZoneName(zone, lang) }), t("mail.footer", { site: new URL(origin).host })],
    unsubscribe: { label: t("regform.mail.cancel"), url: links.cancel },
  });
}
