import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus } from "ical-generator";
import { vtimezone } from "../calendar/vtimezone.js";
import { pick } from "../i18n/index.js";
import type { Event, Lang, OutboxCalendar } from "../model/index.js";
import type { EventHours } from "./hours.js";

/** The domain of the entries' UIDs, fixed whatever host served the page (as the site's feed does). */
const UID_DOMAIN = "compraspublicas.org";

/**
 * The UID of a registration's calendar entry. Every file sent for the same registration names
 * the same entry, so a change or a cancellation updates the entry the person already has; a new
 * registration after a cancellation (a new request) is a new entry, since the cancelled one is
 * gone from their calendar.
 */
export const registrationUid = (id: string, requestedAtMs: number) =>
  `registration-${id}-${requestedAtMs}@${UID_DOMAIN}`;

export interface RegistrationCalendar {
  id: string;
  requestedAtMs: number;
  lang: Lang;
  event: Pick<Event, "id" | "title" | "city">;
  hours: EventHours;
  /** The event page (public: the file must not carry the person's own links, which are tokens). */
  eventUrl: string;
  /**
   * Increases with every file sent for this registration (RFC 5545 SEQUENCE), so a calendar
   * takes the later one: a change of hours, then the cancellation.
   */
  sequence: number;
  /** A cancellation: METHOD:CANCEL and STATUS:CANCELLED for the same UID. */
  cancelled: boolean;
  /** When the file is made (DTSTAMP). */
  stamp: Date;
  /** Who sends it (RFC 5546 wants an ORGANIZER): the network's sender, "Name <address>". */
  organizer: string;
}

/** The organizer of the file from the sender's "Name <address>" (or a bare address). */
function organizerOf(sender: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(sender);
  return match
    ? { name: match[1] || match[2] || sender, email: match[2] ?? sender }
    : { name: sender, email: sender.trim() };
}

/**
 * A registration's calendar file: one entry repeating each day of the event at the settings'
 * hours, written in the event's zone (`DTSTART;TZID=...` with its VTIMEZONE), so a calendar shows
 * the right hour wherever its owner is, and across a clock change between the days.
 */
export function registrationCalendar(input: RegistrationCalendar): OutboxCalendar {
  const { hours } = input;
  const method = input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH;
  const zone = vtimezone(hours.zone);
  const calendar = ical({
    prodId: { company: UID_DOMAIN, product: "registration", language: input.lang.toUpperCase() },
    method,
    // No calendar-wide zone: the entry names its own, with the VTIMEZONE the library gives.
    timezone: { name: null, generator: (tzid) => (zone && tzid === zone.tzid ? zone.component : null) },
  });
  const title = pick(input.event.title, input.lang).text;
  const entry = calendar.createEvent({
    id: registrationUid(input.id, input.requestedAtMs),
    sequence: input.sequence,
    stamp: input.stamp,
    summary: title,
    description: input.eventUrl,
    location: input.event.city ? pick(input.event.city, input.lang).text : null,
    url: input.eventUrl,
    organizer: organizerOf(input.organizer),
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    start: hours.firstStart,
    end: hours.firstEnd,
    repeating: hours.days > 1 ? { freq: ICalEventRepeatingFreq.DAILY, count: hours.days } : null,
  });
  if (zone) entry.timezone(zone.tzid);
  else {
    // A zone the VTIMEZONE library does not know: the instants in UTC are still exact.
    entry.start(new Date(hours.firstStart.getTime()));
    entry.end(new Date(hours.firstEnd.getTime()));
  }
  return { method, content: calendar.toString() };
}
