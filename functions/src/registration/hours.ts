import type { TZDate } from "@date-fns/tz";
import { addDays, daysBetween, wallClockIn } from "../calendar/days.js";
import { knownDay } from "../calendar/partial-date.js";
import type { Event, RegistrationSettings } from "../model/index.js";

/**
 * When a registration's event happens: each of its days from the settings' start time to their
 * end time, on the wall clocks of the event's zone (UTC for an event that names none). The
 * event's record holds days only; the committee's settings give the hours.
 */
export interface EventHours {
  zone: string;
  /** How many days, from the first: the calendar entry repeats daily that many times. */
  days: number;
  /** The first day's hours, as instants; each later day has the same wall-clock hours. */
  firstStart: TZDate;
  firstEnd: TZDate;
  /** The last day's hours, as instants (a clock change between the days moves them in UTC). */
  lastStart: TZDate;
  lastEnd: TZDate;
  startTime: string;
  endTime: string;
}

/**
 * The event's hours, or undefined for an event not known to the day (a calendar cannot place
 * "April 2027"). A time of day in the event's own start is ignored: the settings decide the hours.
 * An end time not after the start time ends the next morning.
 */
export function eventHours(
  event: Pick<Event, "start" | "end" | "timeZone">,
  settings: Pick<RegistrationSettings, "startTime" | "endTime">,
): EventHours | undefined {
  const first = knownDay(event.start);
  if (first === undefined) return undefined;
  const lastKnown = knownDay(event.end);
  const last = lastKnown !== undefined && lastKnown > first ? lastKnown : first;
  const zone = event.timeZone ?? "UTC";
  const overnight = settings.endTime <= settings.startTime ? 1 : 0;
  const at = (day: string, time: string) => wallClockIn(`${day}T${time}`, zone);
  return {
    zone,
    days: daysBetween(first, last) + 1,
    firstStart: at(first, settings.startTime),
    firstEnd: at(addDays(first, overnight), settings.endTime),
    lastStart: at(last, settings.startTime),
    lastEnd: at(addDays(last, overnight), settings.endTime),
    startTime: settings.startTime,
    endTime: settings.endTime,
  };
}
