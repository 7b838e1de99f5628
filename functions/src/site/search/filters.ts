import { z } from "zod";
import { DOCUMENT_KINDS, EVENT_KINDS, type Event, LANGS, type PublicDocument } from "../../model/index.js";

/** The filters shared by the library and the search page; absent means "any". */
export const FiltersSchema = z
  .object({
    kind: z.string().max(40).optional(),
    topic: z.string().max(120).optional(),
    country: z.string().length(2).optional(),
    year: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
    language: z.enum(LANGS).optional(),
  })
  .strict();
export type Filters = z.infer<typeof FiltersSchema>;

const FILTER_NAMES = ["kind", "topic", "country", "year", "language"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Kinds a page accepts: documents only in the library; documents and events in search. */
export const LIBRARY_KINDS = DOCUMENT_KINDS;
export const SEARCH_KINDS = [...DOCUMENT_KINDS, ...EVENT_KINDS] as const;

/** A filter value of the right shape that names nothing in this view (a topic or country it lacks). */
export class UnknownFilterValueError extends Error {
  override name = "UnknownFilterValueError";
  constructor(
    readonly filter: FilterName,
    readonly value: string,
  ) {
    super(`no ${filter} "${value.slice(0, 40)}" in this view`);
  }
}

/**
 * The filters of a request, whose shape the route has checked, against the view: a topic or
 * country must exist in it.
 */
export function knownFilters(
  filters: Filters,
  data: { topics: ReadonlyMap<string, unknown>; countries: ReadonlyMap<string, unknown> },
): Filters {
  if (filters.topic !== undefined && !data.topics.has(filters.topic)) {
    throw new UnknownFilterValueError("topic", filters.topic);
  }
  if (filters.country !== undefined && !data.countries.has(filters.country)) {
    throw new UnknownFilterValueError("country", filters.country);
  }
  return filters;
}

export function hasFilters(filters: Filters): boolean {
  return FILTER_NAMES.some((name) => filters[name] !== undefined);
}

/** Two filter sets are the same choice (a cursor is only valid for the filters it was made for). */
export function sameFilters(a: Filters, b: Filters): boolean {
  return FILTER_NAMES.every((name) => a[name] === b[name]);
}

export function documentMatches(document: PublicDocument, filters: Filters): boolean {
  return (
    (filters.kind === undefined || document.kind === filters.kind) &&
    (filters.topic === undefined || document.topics.includes(filters.topic)) &&
    (filters.country === undefined || document.countries.includes(filters.country)) &&
    (filters.year === undefined || document.publishedOn?.slice(0, 4) === filters.year) &&
    // "In Portuguese" means there is something to read in Portuguese: the body.
    (filters.language === undefined || document.body[filters.language] !== undefined)
  );
}

export function eventMatches(event: Event, filters: Filters): boolean {
  return (
    (filters.kind === undefined || event.kind === filters.kind) &&
    (filters.topic === undefined || event.sessions.some((s) => s.topicIds.includes(filters.topic ?? ""))) &&
    (filters.country === undefined ||
      event.hostCountries.includes(filters.country) ||
      event.attendingCountries.includes(filters.country)) &&
    (filters.year === undefined || event.start?.slice(0, 4) === filters.year) &&
    (filters.language === undefined || event.title[filters.language] !== undefined)
  );
}

/**
 * Query string of a filter set for links, in a stable order: `before` (the search words),
 * the filters, then `after` (the cursor).
 */
export function queryString(
  filters: Filters,
  before: Record<string, string | undefined> = {},
  after: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== "") params.set(name, value);
  };
  for (const [name, value] of Object.entries(before)) add(name, value);
  for (const name of FILTER_NAMES) add(name, filters[name]);
  for (const [name, value] of Object.entries(after)) add(name, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
