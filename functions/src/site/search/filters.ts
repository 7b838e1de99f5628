import { z } from "zod";
import { DOCUMENT_KINDS, EVENT_KINDS, type Event, LANGS, type Lang, type PublicDocument } from "../../model/index.js";
import type { SiteData } from "../data.js";
import { BadRequestError } from "../http.js";
import type { Translate } from "../i18n/index.js";

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

export const FILTER_NAMES = ["kind", "topic", "country", "year", "language"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Longest value any filter can legitimately have (a topic id); the rest is refused. */
const MAX_FILTER_LENGTH = 120;

/** The raw query string as Hono gives it: every name with all its values. */
export type RawQuery = Record<string, string[]>;

/** Kinds a page accepts: documents only in the library; documents and events in search. */
export const LIBRARY_KINDS: readonly string[] = DOCUMENT_KINDS;
export const SEARCH_KINDS: readonly string[] = [...DOCUMENT_KINDS, ...EVENT_KINDS];

/** A parameter as visitors know it: the filter's label on the form, else its name in the address. */
function label(name: string, t: Translate): string {
  return (FILTER_NAMES as readonly string[]).includes(name) ? t(`library.filter.${name as FilterName}`) : name;
}

/**
 * One value of a query parameter, or undefined when absent or empty (an unchosen select sends
 * "kind="). Repeated or oversized parameters are refused with a message saying what to do.
 */
export function single(query: RawQuery, name: string, max: number, t: Translate): string | undefined {
  const values = query[name];
  if (!values || values.length === 0) return undefined;
  if (values.length > 1) throw new BadRequestError(t("query.error.repeated", { name: label(name, t) }));
  const value = (values[0] ?? "").trim();
  if (value.length > max) throw new BadRequestError(t("query.error.tooLong", { name: label(name, t), max }));
  return value === "" ? undefined : value;
}

/** Reads and validates the filters of a request against the data; unknown values are a 400. */
export function parseFilters(query: RawQuery, data: SiteData, kinds: readonly string[], t: Translate): Filters {
  const filters: Filters = {};
  const invalid = (name: FilterName, value: string) =>
    new BadRequestError(t("query.error.invalid", { name: t(`library.filter.${name}`), value: value.slice(0, 40) }));
  const kind = single(query, "kind", MAX_FILTER_LENGTH, t);
  if (kind !== undefined) {
    if (!kinds.includes(kind)) throw invalid("kind", kind);
    filters.kind = kind;
  }
  const topic = single(query, "topic", MAX_FILTER_LENGTH, t);
  if (topic !== undefined) {
    if (!data.topics.has(topic)) throw invalid("topic", topic);
    filters.topic = topic;
  }
  const country = single(query, "country", MAX_FILTER_LENGTH, t);
  if (country !== undefined) {
    // Country pages link with the upper-case code; visitors may type either case.
    const code = country.toUpperCase();
    if (!/^[A-Z]{2}$/.test(code) || !data.countries.has(code)) throw invalid("country", country);
    filters.country = code;
  }
  const year = single(query, "year", MAX_FILTER_LENGTH, t);
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw invalid("year", year);
    filters.year = year;
  }
  const language = single(query, "language", MAX_FILTER_LENGTH, t);
  if (language !== undefined) {
    if (!(LANGS as readonly string[]).includes(language)) throw invalid("language", language);
    filters.language = language as Lang;
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
