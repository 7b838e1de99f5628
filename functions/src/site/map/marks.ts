import type { Event } from "../../model/index.js";
import type { SiteData } from "../data.js";

/**
 * What a map says about a country. Each mark is drawn in one of three styles, each a colour
 * and a pattern (stripes, dots, plain), so colour is never the only cue.
 */
export const MARKS = {
  committee: "stripes",
  hosted: "stripes",
  host: "stripes",
  here: "stripes",
  founding: "dots",
  "will-host": "dots",
  attending: "dots",
  member: "plain",
  network: "plain",
} as const;
export type Mark = keyof typeof MARKS;
export type MarkStyle = (typeof MARKS)[Mark];

/** Countries marked on one map, and the marks its legend explains, in the legend's order. */
export interface MapMarks {
  marks: Map<string, Mark>;
  legend: Mark[];
}

/** The event at which the network was founded (Santiago, 2005): the one that counts multilateral institutions. */
export function foundingEvent(data: SiteData): Event | undefined {
  return data.snapshot.events.find((e) => e.participation?.multilateralInstitutions !== undefined);
}

/** Members page: a committee seat first, then representation at the founding event, else membership. */
export function membersMarks(data: SiteData): MapMarks {
  const seats = new Set(data.snapshot.committee.map((s) => s.countryId));
  const founders = new Set(foundingEvent(data)?.attendingCountries ?? []);
  const marks = new Map<string, Mark>();
  for (const country of data.snapshot.countries) {
    marks.set(country.id, seats.has(country.id) ? "committee" : founders.has(country.id) ? "founding" : "member");
  }
  return { marks, legend: ["committee", "founding", "member"] };
}

/** Committee page: each seat holder by the basis of its seat; the rest of the network plain. */
export function committeeMarks(data: SiteData): MapMarks {
  const marks = new Map<string, Mark>(data.snapshot.countries.map((c) => [c.id, "network"]));
  for (const seat of data.snapshot.committee)
    marks.set(seat.countryId, seat.basis === "hosted" ? "hosted" : "will-host");
  return { marks, legend: ["hosted", "will-host", "network"] };
}

/** Event page: its hosts and the countries that attended; the rest of the network plain. */
export function eventMarks(data: SiteData, event: Event): MapMarks {
  const marks = new Map<string, Mark>(data.snapshot.countries.map((c) => [c.id, "network"]));
  for (const id of event.attendingCountries) marks.set(id, "attending");
  for (const id of event.hostCountries) marks.set(id, "host");
  return { marks, legend: ["host", "attending", "network"] };
}

/** Country page: that country among the rest of the network. */
export function countryMarks(data: SiteData, countryId: string): MapMarks {
  const marks = new Map<string, Mark>(data.snapshot.countries.map((c) => [c.id, "network"]));
  marks.set(countryId, "here");
  return { marks, legend: ["here", "network"] };
}
