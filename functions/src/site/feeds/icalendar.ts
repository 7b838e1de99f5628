import type { TZDate } from "@date-fns/tz";
import ical, { ICalEventStatus } from "ical-generator";
import { addDays, DAY_MS, wallClockIn } from "../../calendar/days.js";
import { firstDayUtc, knownDay, partialDateFields } from "../../calendar/partial-date.js";
import { vtimezone } from "../../calendar/vtimezone.js";
import { pick } from "../../i18n/index.js";
import type { Event } from "../../model/index.js";
import { href, type PageContext } from "../context.js";

/**
 * Domain of event UIDs. Fixed rather than taken from the request's origin, so that a subscriber's
 * copy of an event stays the same event whichever host name served the calendar.
 */
const UID_DOMAIN = "compraspublicas.org";

/** True when an event's start is known to the day, which a calendar entry needs. */
export function hasCalendarDates(event: Event): boolean {
  return knownDay(event.start) !== undefined;
}

/** The stable iCalendar UID of an event. */
const eventUid = (event: Event) => `${event.id}@${UID_DOMAIN}`;

type Timing = { allDay: true; start: Date; end: Date } | { allDay: false; start: TZDate; end?: TZDate; zone: string };

/**
 * When an event happens, as a calendar sees it. Dates without a time become all-day entries whose
 * DTEND is the day after the last day (RFC 5545 ends are exclusive); times are wall-clock times in
 * the event's own zone. An end known only to the month or year is no end a calendar can use, so the
 * entry then covers the first day (or starts at the given time) only.
 */
function timing(event: Event): Timing | undefined {
  if (!event.start || !hasCalendarDates(event)) return undefined;
  const end = knownDay(event.end) !== undefined ? event.end : undefined;
  if (partialDateFields(event.start).precision !== "minute" || !event.timeZone) {
    const first = firstDayUtc(event.start);
    const last = end ? firstDayUtc(end) : first;
    return { allDay: true, start: first, end: new Date(last.getTime() + DAY_MS) };
  }
  const zone = event.timeZone;
  // A timed start with a date-only end runs to the end of that day.
  const endAt = end
    ? partialDateFields(end).precision === "minute"
      ? wallClockIn(end, zone)
      : wallClockIn(addDays(end, 1), zone)
    : undefined;
  return { allDay: false, start: wallClockIn(event.start, zone), end: endAt, zone };
}

/**
 * An iCalendar file of the given events in the context's language. Events not known to the day
 * are left out: a calendar cannot place "September 2004".
 */
export function eventsCalendar(ctx: Pick<PageContext, "lang" | "t" | "data" | "origin" | "now">, events: Event[]) {
  const components = new Map<string, string>();
  const calendar = ical({
    prodId: { company: UID_DOMAIN, product: "site", language: ctx.lang.toUpperCase() },
    name: ctx.t("calendar.name", { site: ctx.t("site.name") }),
    url: `${ctx.origin}${href(ctx, "/events")}`,
    // No calendar-wide zone: each timed event names its own, and all-day events have none.
    timezone: { name: null, generator: (tzid) => components.get(tzid) ?? null },
  });
  for (const event of events) {
    const when = timing(event);
    if (!when) continue;
    const url = `${ctx.origin}${href(ctx, `/events/${event.id}`)}`;
    const place = [
      event.city ? pick(event.city, ctx.lang).text : undefined,
      ...event.hostCountries.map((code) => {
        const country = ctx.data.countries.get(code);
        return country ? pick(country.name, ctx.lang).text : code;
      }),
    ].filter((part) => part !== undefined);
    const entry = calendar.createEvent({
      id: eventUid(event),
      stamp: ctx.now,
      summary: pick(event.title, ctx.lang).text,
      description: event.summary ? `${pick(event.summary, ctx.lang).text}\n\n${url}` : url,
      location: place.length > 0 ? place.join(", ") : null,
      url,
      status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      start: when.start,
      end: when.end ?? null,
      allDay: when.allDay,
    });
    if (!when.allDay) {
      const zone = vtimezone(when.zone);
      if (zone) {
        components.set(zone.tzid, zone.component);
        entry.timezone(zone.tzid);
      } else {
        // A zone the VTIMEZONE library does not know: the instants in UTC are still exact.
        entry.start(new Date(when.start.getTime()));
        if (when.end) entry.end(new Date(when.end.getTime()));
      }
    }
  }
  return calendar.toString();
}
