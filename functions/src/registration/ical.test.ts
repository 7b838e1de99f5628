import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { eventHours } from "./hours.js";
import { type RegistrationCalendar, registrationCalendar } from "./ical.js";

/** Parses a calendar file with ical.js, resolving TZIDs with the file's own VTIMEZONEs only. */
function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const event = new ICAL.Event(vevent);
  const occurrences: { start: string; end: string }[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && occurrences.length < 10; next = it.next()) {
    const details = event.getOccurrenceDetails(next);
    occurrences.push({
      start: details.startDate.toJSDate().toISOString(),
      end: details.endDate.toJSDate().toISOString(),
    });
  }
  return { calendar, vevent, event, occurrences };
}

// Chile leaves summer time at the end of Saturday 3 April 2027 (UTC-3 to UTC-4): a four-day
// event in Santiago has its first two days at 09:00 = 12:00 UTC and its last two at 13:00 UTC.
const event = {
  id: "santiago-2027",
  title: { es: "Conferencia de Santiago", en: "Santiago Conference" },
  city: { es: "Santiago de Chile" },
  start: "2027-04-02",
  end: "2027-04-05",
  timeZone: "America/Santiago",
};
const hours = eventHours(event, { startTime: "09:00", endTime: "18:00" });
const input = (fields: Partial<RegistrationCalendar> = {}): RegistrationCalendar => {
  if (!hours) throw new Error("the event is known to the day");
  return {
    id: "0123456789abcdef0123456789abcdef",
    requestedAtMs: 1_800_000_000_000,
    lang: "en",
    event,
    hours,
    eventUrl: "https://www.compraspublicas.org/en/events/santiago-2027",
    sequence: 0,
    cancelled: false,
    stamp: new Date("2027-03-01T12:00:00Z"),
    organizer: "Red Interamericana <no-reply@compraspublicas.org>",
    ...fields,
  };
};

describe("a registration's calendar file", () => {
  it("puts each day at the settings' hours in the event's zone, right in UTC across Santiago's clock change", () => {
    const file = registrationCalendar(input());
    expect(file.method).toBe("PUBLISH");
    const { calendar, vevent, event: parsedEvent, occurrences } = parsed(file.content);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("America/Santiago");
    expect(calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual([
      "America/Santiago",
    ]);
    expect(parsedEvent.summary).toBe("Santiago Conference");
    expect(parsedEvent.location).toBe("Santiago de Chile");
    expect(occurrences).toEqual([
      { start: "2027-04-02T12:00:00.000Z", end: "2027-04-02T21:00:00.000Z" },
      { start: "2027-04-03T12:00:00.000Z", end: "2027-04-03T21:00:00.000Z" },
      { start: "2027-04-04T13:00:00.000Z", end: "2027-04-04T22:00:00.000Z" },
      { start: "2027-04-05T13:00:00.000Z", end: "2027-04-05T22:00:00.000Z" },
    ]);
  });

  it("shows a person in another zone the same instants, at their own hours", () => {
    const { occurrences } = parsed(registrationCalendar(input()).content);
    const inMadrid = occurrences.map((o) =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/Madrid",
        dateStyle: "short",
        timeStyle: "short",
      }).format(new Date(o.start)),
    );
    // Madrid is UTC+2 from 28 March: 12:00Z is 14:00 there, 13:00Z is 15:00.
    expect(inMadrid).toEqual(["02/04/2027, 14:00", "03/04/2027, 14:00", "04/04/2027, 15:00", "05/04/2027, 15:00"]);
  });

  it("cancels the same entry with a higher SEQUENCE, METHOD:CANCEL and STATUS:CANCELLED", () => {
    const placed = parsed(registrationCalendar(input()).content);
    const file = registrationCalendar(input({ sequence: 1, cancelled: true }));
    expect(file.method).toBe("CANCEL");
    const cancelled = parsed(file.content);
    expect(cancelled.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelled.event.uid).toBe(placed.event.uid);
    expect(cancelled.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.event.sequence).toBeGreaterThan(placed.event.sequence);
    expect(cancelled.vevent.getFirstPropertyValue("organizer")).toBe("mailto:no-reply@compraspublicas.org");
  });

  it("names a new entry for a registration made again after a cancellation", () => {
    const first = parsed(registrationCalendar(input()).content).event.uid;
    const again = parsed(registrationCalendar(input({ requestedAtMs: 1_800_000_999_000 })).content).event.uid;
    expect(again).not.toBe(first);
  });

  it("writes a one-day event in UTC as one entry, and a late end time as the next morning", () => {
    const oneDay = eventHours({ start: "2027-06-01", timeZone: undefined }, { startTime: "20:00", endTime: "02:00" });
    if (!oneDay) throw new Error("known to the day");
    const { vevent, occurrences } = parsed(registrationCalendar(input({ hours: oneDay })).content);
    expect(vevent.getFirstProperty("rrule")).toBeNull();
    expect(occurrences).toEqual([{ start: "2027-06-01T20:00:00.000Z", end: "2027-06-02T02:00:00.000Z" }]);
    expect(eventHours({ start: "2027-06" }, { startTime: "09:00", endTime: "18:00" })).toBeUndefined();
  });
});
