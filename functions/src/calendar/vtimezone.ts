import { tzlib_get_ical_block } from "timezones-ical-library";

/**
 * The VTIMEZONE of a zone under its canonical name (the library resolves links such as
 * America/Buenos_Aires to America/Argentina/Buenos_Aires, and an event's TZID must match it).
 * Undefined for a zone the library does not know: its instants can still be written in UTC.
 */
export function vtimezone(zone: string): { tzid: string; component: string } | undefined {
  const block = tzlib_get_ical_block(zone);
  if (!Array.isArray(block) || !block[0] || !block[1]) return undefined;
  return { tzid: block[1].replace(/^TZID=/, ""), component: block[0] };
}
