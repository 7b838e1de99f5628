import { formatPartialDate, locale, timeZoneName } from "../i18n/format.js";
import { type MessageKey, pick, translator } from "../i18n/index.js";
import type { Event, Lang, OutboxCalendar, Recipient, Registration, RegistrationSettings } from "../model/index.js";
import { composeMail, subjectValue } from "../notify/mail/compose.js";
import type { NewMessage } from "../notify/outbox.js";
import { siteLink } from "../notify/templates.js";
import { privateSessionsOf } from "./eligibility.js";
import { type EventHours, eventHours } from "./hours.js";
import { registrationCalendar } from "./ical.js";
import { cancellationToken } from "./keys.js";
import { registrationLinks } from "./links.js";

/** What composing a registration's email needs besides the records: keys, the site, the sender. */
export interface RegistrationMailDeps {
  /** REGISTRATION_KEY: the owner's links (status, cancel, claim) carry its keyed token. */
  key: string;
  /** OUTBOX_KEY: the outbox stores that token sealed. */
  sealKey: string;
  /** The public site's origin, for the links. */
  origin: string;
  /** The network's sender, "Name <address>": the calendar files' ORGANIZER. */
  sender: string;
}

/** A registration with its id, as a transaction read it. */
export type RegistrationRecord = Registration & { id: string };

/** What a registration's owner is told, one email each. */
export type Notice =
  /** A place, in the order of confirmation. */
  | { kind: "confirmed" }
  /** A place offered from the waiting list, taken. */
  | { kind: "claimed" }
  | { kind: "waitlisted"; position: number }
  | { kind: "offered"; untilMs: number; atMs: number }
  /** They cancelled; `from` is what they gave up. */
  | { kind: "cancelled"; from: CancelledFrom }
  | { kind: "lapsed"; untilMs: number }
  /** A reminder before the event, `milestone` naming it (ledger.ts), to a person holding a place. */
  | { kind: "reminder"; milestone: string }
  /** The event's days or hours changed (`change` names that change), to a person holding a place. */
  | { kind: "eventChanged"; change: string }
  /** The event was cancelled; `held` says whether they held a place (and so a calendar entry). */
  | { kind: "eventCancelled"; held: boolean }
  /** The committee changed the places; `change` names that change, once per person. */
  | { kind: "placesRaised"; position: number; change: string }
  | { kind: "placesLowered"; position?: number; change: string }
  /**
   * The event's days, hours or place changed (`change` names that change), to a person who holds
   * no place yet: on the waiting list at `position`, or offered a place until `untilMs`. No
   * calendar file: they hold nothing to put in a calendar.
   */
  | ({ kind: "eventChangedWaiting"; change: string } & ({ position: number } | { untilMs: number }))
  /** A seat freed in a room they waited for is theirs now (they hold the event's place). */
  | { kind: "seatGiven"; sessions: number[]; atMs: number }
  /** The committee lowered a room's places below its seats held: nobody loses a seat (`change` names it). */
  | { kind: "roomLowered"; session: number; waiting: boolean; change: string }
  /**
   * The committee gave a session a room of its own (`change` names it) after they held a place
   * asking for that session, and its seats went to those who confirmed before them: they wait.
   */
  | { kind: "roomAdded"; session: number; change: string }
  /**
   * The committee took a session's room away (`change` names it) while they waited for one of its
   * seats: the session now comes with the event's place.
   */
  | { kind: "roomRemoved"; session: number; change: string }
  /**
   * The secretariat accredited the delegation they accepted to join (`country`: its name in the
   * person's language): the private sessions they hold, or will hold with a place.
   */
  | { kind: "accredited"; country: string }
  /**
   * Their country withdrew them from its delegation (`country`: its name in the person's
   * language); `from` is what their registration gave up.
   */
  | { kind: "withdrawn"; country: string; from: CancelledFrom };

/** What a cancelled registration held before it ended. */
type CancelledFrom = "pending" | "confirming" | "confirmed" | "waitlisted" | "offered" | "awaitingApproval";

export type NoticeKind = Notice["kind"];

/** The outbox purpose of each notice: what the message is for, part of its idempotency key. */
export const noticePurpose = (kind: NoticeKind) => `registration.${kind}`;

/**
 * The occurrence a notice is about, so each decision's email is queued once: the registration's
 * request (a registration made again after a cancellation is a new round) and what happened.
 */
function occurrenceOf(registration: RegistrationRecord, notice: Notice): string {
  const round = `${registration.eventId}:${registration.requestedAtMs}`;
  switch (notice.kind) {
    case "offered":
      return `${round}:offered:${notice.atMs}`;
    case "reminder":
      return `${round}:reminder:${notice.milestone}`;
    case "placesRaised":
    case "placesLowered":
      return `${round}:places:${notice.change}`;
    case "eventChanged":
    case "eventChangedWaiting":
      return `${round}:changed:${notice.change}`;
    case "seatGiven":
      return `${round}:seat:${notice.sessions.join(",")}:${notice.atMs}`;
    case "roomLowered":
      return `${round}:room:${notice.session}:${notice.change}`;
    case "roomAdded":
      return `${round}:roomAdded:${notice.session}:${notice.change}`;
    case "roomRemoved":
      return `${round}:roomRemoved:${notice.session}:${notice.change}`;
    default:
      return `${round}:${notice.kind}`;
  }
}

/** The person as the outbox addresses them: in their language, their own time zone, else the event's. */
export function registrationRecipient(registration: RegistrationRecord, eventZone: string): Recipient {
  return {
    id: `registration:${registration.id}`,
    // A name is one header line: line breaks typed into the form become spaces.
    name: subjectValue(registration.name, 200),
    address: registration.address,
    lang: registration.lang,
    timeZone: registration.timeZone ?? eventZone,
  };
}

const dateTime = (lang: Lang, timeZone: string) =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: "long", timeStyle: "short", timeZone });

/** Which calendar file a notice carries, if any, and whether it is a new version of the entry. */
function calendarOf(notice: Notice): { cancelled: boolean; newVersion: boolean } | undefined {
  switch (notice.kind) {
    case "confirmed":
    case "claimed":
    case "eventChanged":
      return { cancelled: false, newVersion: true };
    case "reminder":
      // The same entry they have: the same SEQUENCE, so a calendar keeps it as it is.
      return { cancelled: false, newVersion: false };
    case "cancelled":
    case "withdrawn":
      return notice.from === "confirmed" ? { cancelled: true, newVersion: true } : undefined;
    case "eventCancelled":
      return notice.held ? { cancelled: true, newVersion: true } : undefined;
    default:
      return undefined;
  }
}

/** The paragraphs of each notice, after the event's hours where they say them. */
function paragraphsOf(notice: Notice): { before: MessageKey[]; hours: boolean; after: MessageKey[] } {
  switch (notice.kind) {
    case "confirmed":
      return { before: ["regmail.confirmed.body"], hours: true, after: ["regmail.calendar.added"] };
    case "claimed":
      return { before: ["regmail.claimed.body"], hours: true, after: ["regmail.calendar.added"] };
    case "waitlisted":
      return { before: ["regmail.waitlisted.body", "regmail.waitlisted.next"], hours: true, after: [] };
    case "offered":
      return {
        before: ["regmail.offered.body", "regmail.offered.deadlinePerson", "regmail.offered.lapse"],
        hours: true,
        after: [],
      };
    case "cancelled": {
      const said = {
        confirmed: "regmail.cancelled.place",
        offered: "regmail.cancelled.offer",
        waitlisted: "regmail.cancelled.waitlist",
        pending: "regmail.cancelled.request",
        confirming: "regmail.cancelled.request",
        awaitingApproval: "regmail.cancelled.request",
      } as const;
      return { before: [said[notice.from], "regmail.cancelled.again"], hours: false, after: [] };
    }
    case "lapsed":
      return { before: ["regmail.lapsed.body", "regmail.cancelled.again"], hours: false, after: [] };
    case "reminder":
      return { before: ["regmail.reminder.body"], hours: true, after: ["regmail.reminder.calendar"] };
    case "eventChanged":
      return { before: ["regmail.eventChanged.body"], hours: true, after: ["regmail.calendar.updated"] };
    case "eventCancelled":
      return {
        before: [notice.held ? "regmail.eventCancelled.place" : "regmail.eventCancelled.other"],
        hours: false,
        after: [],
      };
    case "placesRaised":
      return { before: ["regmail.placesRaised.body"], hours: false, after: [] };
    case "placesLowered":
      return {
        before: [notice.position === undefined ? "regmail.placesLowered.held" : "regmail.placesLowered.waiting"],
        hours: false,
        after: [],
      };
    case "eventChangedWaiting":
      return "position" in notice
        ? {
            before: ["regmail.eventChangedWaiting.list"],
            hours: true,
            after: ["regmail.eventChangedWaiting.noCalendar"],
          }
        : {
            before: ["regmail.eventChangedWaiting.offer", "regmail.offered.deadlinePerson"],
            hours: true,
            after: ["regmail.eventChangedWaiting.noCalendar"],
          };
    case "seatGiven":
      return { before: ["regmail.seatGiven.body"], hours: true, after: [] };
    case "accredited":
      return { before: ["regAccredit.body"], hours: false, after: [] };
    case "roomLowered":
      return {
        before: [notice.waiting ? "regmail.roomLowered.waiting" : "regmail.roomLowered.held"],
        hours: false,
        after: [],
      };
    case "roomAdded":
      return { before: ["regmail.roomAdded.waiting"], hours: false, after: [] };
    case "roomRemoved":
      return { before: ["regmail.roomRemoved.waiting"], hours: false, after: [] };
    case "withdrawn": {
      const said = {
        confirmed: ["regWithdraw.place"],
        offered: ["regWithdraw.offer"],
        waitlisted: ["regWithdraw.waitlist"],
        pending: [],
        confirming: [],
        awaitingApproval: [],
      } as const;
      return { before: ["regWithdraw.body", ...said[notice.from], "regWithdraw.ask"], hours: false, after: [] };
    }
  }
}

const SUBJECTS: Record<NoticeKind, MessageKey> = {
  confirmed: "regmail.confirmed.subject",
  claimed: "regmail.claimed.subject",
  waitlisted: "regmail.waitlisted.subject",
  offered: "regmail.offered.subject",
  cancelled: "regmail.cancelled.subject",
  lapsed: "regmail.lapsed.subject",
  reminder: "regmail.reminder.subject",
  eventChanged: "regmail.eventChanged.subject",
  eventCancelled: "regmail.eventCancelled.subject",
  placesRaised: "regmail.placesRaised.subject",
  placesLowered: "regmail.placesLowered.subject",
  eventChangedWaiting: "regmail.eventChanged.subject",
  seatGiven: "regmail.seatGiven.subject",
  roomLowered: "regmail.roomLowered.subject",
  roomAdded: "regmail.roomAdded.subject",
  roomRemoved: "regmail.roomRemoved.subject",
  accredited: "regAccredit.subject",
  withdrawn: "regWithdraw.subject",
};

export interface RegistrationMessage {
  message: NewMessage;
  /** The calendar SEQUENCE this message sends, to record on the registration (calendarSequence). */
  calendarSequence?: number;
}

/**
 * The email of one notice to a registration's owner, in their language, with the event's hours
 * in the event's zone and in theirs, the one-click cancellation link (sealed in the outbox), and
 * the calendar file where the notice gives or takes a place. Pure: the caller queues it in the
 * transaction that decided what it tells (outbox.stageMessages). `roomsPending` are the rooms
 * pending on the counter that transaction read (seats.ts): a place given while one is pending
 * waits for its seat without the room being full, and its email says so.
 */
export function registrationMessage(
  deps: RegistrationMailDeps,
  context: { event: Event; settings: RegistrationSettings; now: Date; roomsPending?: readonly number[] },
  registration: RegistrationRecord,
  notice: Notice,
): RegistrationMessage {
  const { event, settings, now } = context;
  const hours = eventHours(event, settings);
  const eventZone = hours?.zone ?? event.timeZone ?? "UTC";
  const recipient = registrationRecipient(registration, eventZone);
  const { lang } = recipient;
  const t = translator(lang);
  const links = registrationLinks(deps.origin, lang, event.id, registration.id, deps.key);
  const personZone = recipient.timeZone;
  const inEvent = dateTime(lang, eventZone);
  const inPerson = dateTime(lang, personZone);
  const title = pick(event.title, lang).text;
  const params: Record<string, string | number> = {
    event: title,
    site: new URL(deps.origin).host,
    eventZone: timeZoneName(eventZone, lang, hours?.firstStart ?? now),
    zone: timeZoneName(personZone, lang, hours?.firstStart ?? now),
  };
  if (hours) {
    params.start = hours.startTime;
    params.end = hours.endTime;
    params.date = inPerson.format(hours.firstStart);
  } else if (event.start) params.date = formatPartialDate(event.start, lang);
  if (notice.kind === "waitlisted" || notice.kind === "placesRaised") params.position = notice.position;
  if (notice.kind === "placesLowered" && notice.position !== undefined) params.position = notice.position;
  const untilMs =
    notice.kind === "offered" || notice.kind === "lapsed"
      ? notice.untilMs
      : notice.kind === "eventChangedWaiting" && "untilMs" in notice
        ? notice.untilMs
        : undefined;
  if (notice.kind === "eventChangedWaiting" && "position" in notice) params.position = notice.position;
  if (untilMs !== undefined) params.deadline = inEvent.format(new Date(untilMs));
  const offersPlace = notice.kind === "offered" || (notice.kind === "eventChangedWaiting" && untilMs !== undefined);
  if (notice.kind === "seatGiven") params.sessions = sessionList(event, notice.sessions, lang);
  if (notice.kind === "roomLowered" || notice.kind === "roomAdded" || notice.kind === "roomRemoved")
    params.session = sessionList(event, [notice.session], lang);
  if (notice.kind === "accredited" || notice.kind === "withdrawn") params.country = notice.country;
  const personParams =
    offersPlace && untilMs !== undefined ? { ...params, deadline: inPerson.format(new Date(untilMs)) } : params;

  const { before, hours: sayHours, after } = paragraphsOf(notice);
  const paragraphs = before.map((key) => t(key, key === "regmail.offered.deadlinePerson" ? personParams : params));
  // The deadline in the person's zone says nothing new when theirs is the event's.
  if (offersPlace && personZone === eventZone) paragraphs.splice(1, 1);
  if (notice.kind === "confirmed" || notice.kind === "claimed" || notice.kind === "offered")
    paragraphs.splice(
      notice.kind === "offered" ? 1 : before.length,
      0,
      ...seatLines(t, lang, event, settings, registration, notice.kind === "offered", context.roomsPending),
    );
  if (notice.kind === "accredited") paragraphs.push(...accreditedLines(t, lang, event, settings, registration));
  if (sayHours && hours) paragraphs.push(...hoursLines(t, hours, inEvent, inPerson, params, eventZone !== personZone));
  paragraphs.push(...after.map((key) => t(key, params)));

  const subjectParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, subjectValue(String(v))]));
  const content = composeMail({
    lang,
    subject: t(SUBJECTS[notice.kind], subjectParams),
    greeting: t("mail.greeting", { name: recipient.name ?? "" }),
    paragraphs,
    action: offersPlace
      ? { label: t("regmail.offered.action"), url: links.claim }
      : { label: t("regmail.action.status"), url: links.status },
    notes: [t("regmail.footer", params)],
    unsubscribe: { label: t("regmail.cancel"), url: links.cancel },
  });

  const calendarKind = calendarOf(notice);
  let calendar: OutboxCalendar | undefined;
  let calendarSequence: number | undefined;
  if (calendarKind && hours) {
    const last = registration.calendarSequence;
    const sequence = calendarKind.newVersion ? (last === undefined ? 0 : last + 1) : (last ?? 0);
    calendar = registrationCalendar({
      id: registration.id,
      requestedAtMs: registration.requestedAtMs,
      lang,
      event,
      hours,
      eventUrl: siteLink(deps.origin, `/${lang}/events/${encodeURIComponent(event.id)}`),
      sequence,
      cancelled: calendarKind.cancelled,
      stamp: now,
      organizer: deps.sender,
    });
    if (calendarKind.newVersion) calendarSequence = sequence;
  }

  return {
    message: {
      purpose: noticePurpose(notice.kind),
      occurrence: occurrenceOf(registration, notice),
      recipient,
      content,
      // The cancellation page asks before it cancels (a place given up may not come back), so
      // the header opens it rather than offering a one-click POST (no List-Unsubscribe-Post).
      headers: { "List-Unsubscribe": `<${links.cancel}>` },
      seal: { key: deps.sealKey, tokens: [cancellationToken(deps.key, registration.id)] },
      calendar,
    },
    calendarSequence,
  };
}

/** The event's hours in its own zone, and in the person's when theirs is another. */
function hoursLines(
  t: ReturnType<typeof translator>,
  hours: EventHours,
  inEvent: Intl.DateTimeFormat,
  inPerson: Intl.DateTimeFormat,
  params: Record<string, string | number>,
  otherZone: boolean,
): string[] {
  const lines = [t("regmail.when.event", { ...params, range: inEvent.formatRange(hours.firstStart, hours.lastEnd) })];
  if (otherZone)
    lines.push(t("regmail.when.person", { ...params, range: inPerson.formatRange(hours.firstStart, hours.lastEnd) }));
  return lines;
}

/** Session titles in the person's language, as one list ("A, B and C"). */
export function sessionList(event: Pick<Event, "sessions">, sessions: readonly number[], lang: Lang): string {
  const titles = sessions.map((index) => {
    const session = event.sessions[index];
    return session ? pick(session.title, lang).text : String(index + 1);
  });
  return new Intl.ListFormat(locale(lang), { type: "conjunction" }).format(titles);
}

/**
 * What a person holding a place (or offered one) holds of the sessions they asked for: the
 * sessions they have (those without a room of their own come with the place, the others by
 * their seat; a session for accredited delegates only once their delegation is accredited, said
 * in a sentence of its own), one sentence for each room that was full, saying what happens next,
 * and one for the private sessions a delegate will hold once accredited. Nothing for a person who
 * asked for no session. The decision emails, the status page and the status email say it in the
 * same words. Only a room full when the place was given is waited for (`seatsWaiting`), or one
 * of `roomsPending` (seats.ts): its seats are being given in the order of confirmation, and saying
 * it was full would be untrue.
 */
export function seatLines(
  t: ReturnType<typeof translator>,
  lang: Lang,
  event: Pick<Event, "sessions">,
  settings: Pick<RegistrationSettings, "privateSessions">,
  registration: Pick<Registration, "sessions" | "seatsWaiting" | "category" | "accredited">,
  offer = false,
  roomsPending: readonly number[] = [],
): string[] {
  const waiting = registration.seatsWaiting ?? [];
  const isPrivate = (session: number) => settings.privateSessions.includes(session);
  const privateHeld = privateSessionsOf(registration, settings).filter((session) => !waiting.includes(session));
  const pending = registration.sessions.filter((session) => isPrivate(session) && !privateHeld.includes(session));
  const held = registration.sessions
    .filter((session) => !waiting.includes(session) && !isPrivate(session))
    .sort((a, b) => a - b);
  return [
    ...(held.length > 0 ? [t("regmail.seats.held", { sessions: sessionList(event, held, lang) })] : []),
    ...(privateHeld.length > 0
      ? [t("regmail.seats.privateHeld", { sessions: sessionList(event, privateHeld, lang) })]
      : []),
    ...waiting.map((session) =>
      t(
        roomsPending.includes(session)
          ? offer
            ? "regmail.seats.pendingOffer"
            : "regmail.seats.pending"
          : offer
            ? "regmail.seats.fullOffer"
            : "regmail.seats.full",
        { session: sessionList(event, [session], lang) },
      ),
    ),
    ...(pending.length > 0 && registration.category === "delegate"
      ? [t("regmail.seats.privatePending", { sessions: sessionList(event, pending, lang) })]
      : []),
  ];
}

/**
 * What accreditation gives a delegate: the sessions they hold, the private ones named, while
 * they hold a place (or an offer); the private sessions they will hold with one otherwise.
 */
function accreditedLines(
  t: ReturnType<typeof translator>,
  lang: Lang,
  event: Pick<Event, "sessions">,
  settings: Pick<RegistrationSettings, "privateSessions">,
  registration: Registration,
): string[] {
  const held = seatsSaid(t, lang, event, settings, registration);
  if (held.length > 0) return held;
  const later = privateSessionsOf(registration, settings);
  return later.length > 0 ? [t("regAccredit.later", { sessions: sessionList(event, later, lang) })] : [];
}

/** The same, on the status page and in the status email: only while a place (or an offer) is held. */
export const seatsSaid = (
  t: ReturnType<typeof translator>,
  lang: Lang,
  event: Pick<Event, "sessions">,
  settings: Pick<RegistrationSettings, "privateSessions">,
  registration: Pick<Registration, "sessions" | "seatsWaiting" | "status" | "category" | "accredited">,
) =>
  registration.status.state === "confirmed" || registration.status.state === "offered"
    ? seatLines(t, lang, event, settings, registration, registration.status.state === "offered")
    : [];
