import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import { z } from "zod";
import { CATALOG, type MessageKey, type Translate } from "../i18n/index.js";
import { BadRequestError, NotFoundError, PUBLIC_CACHE } from "./http.js";

/**
 * Every route declares its input here, with zod: `query(schema)` for its query string and
 * `params(schema)` for its path. One hook turns what the schemas refuse into responses:
 *
 * - a query parameter the route does not declare: 301 to the canonical URL (declared
 *   parameters only, in declared order, blanks dropped), so `?utm_source=…` or `?n=1` neither
 *   splits the CDN's cache nor renders a page again;
 * - a declared parameter with a bad value: a 400 page saying, in the visitor's language, which
 *   parameter was wrong and what to do (the message key is the schema's error, see `one`);
 * - a path that does not fit: a 404, as for any page that does not exist.
 */

/** Query parameter names as visitors know them: the label on the form. */
const LABELS = new Map<string, MessageKey>([
  ["q", "search.label"],
  ["kind", "library.filter.kind"],
  ["topic", "library.filter.topic"],
  ["country", "library.filter.country"],
  ["year", "library.filter.year"],
  ["language", "library.filter.language"],
]);

const isMessageKey = (message: string): message is MessageKey => Object.hasOwn(CATALOG.es, message);

/**
 * One value of a query parameter, trimmed, with blank read as absent (an unchosen select sends
 * "kind="), then checked by `value`. Refusals carry a message key: a repeated parameter,
 * `tooLong` past `max` characters (counted after trimming, as the page cache keys it), else
 * `invalid` (or the key `value`'s own error names).
 */
export function one<T extends z.ZodType<unknown, string>>(
  max: number,
  value: T,
  tooLong: MessageKey = "query.error.tooLong",
) {
  return z
    .string({ error: "query.error.repeated" satisfies MessageKey })
    .trim()
    .max(max, { error: tooLong })
    .transform((text) => (text === "" ? undefined : text))
    .pipe(value.optional())
    .optional();
}

/** A value that is any text up to the limit `one` sets. */
export const anyText = z.string();

/** `z.enum` whose refusal is the `invalid` message. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "query.error.invalid" satisfies MessageKey });

function describe(
  issue: z.core.$ZodIssue,
  given: Record<string, string | string[] | undefined>,
): (t: Translate) => string {
  const name = String(issue.path[0] ?? "");
  const max = "maximum" in issue ? Number(issue.maximum) : 0;
  const raw = given[name];
  const value = typeof raw === "string" ? raw.trim() : "";
  const key: MessageKey = isMessageKey(issue.message) ? issue.message : "query.error.invalid";
  return (t) => {
    const labelKey = LABELS.get(name);
    return t(key, {
      name: labelKey ? t(labelKey) : name,
      max,
      value: value.slice(0, 40),
      length: value.length,
    });
  };
}

/** Declared names in declared order, blanks dropped: the one URL of what was asked. */
function canonicalUrl(c: Context, declared: readonly string[]): string {
  const url = new URL(c.req.url);
  const canonical = new URLSearchParams();
  for (const name of declared) {
    for (const value of url.searchParams.getAll(name)) if (value.trim() !== "") canonical.append(name, value.trim());
  }
  const query = canonical.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** The query string a route accepts: `z.strictObject` of `one(...)` fields. */
export function query<S extends z.ZodObject>(schema: S) {
  const declared = Object.keys(schema.shape);
  return zValidator("query", schema, (result, c: Context) => {
    if (result.success) return;
    if (result.error.issues.some((issue) => issue.code === "unrecognized_keys")) {
      c.header("Cache-Control", PUBLIC_CACHE);
      return c.redirect(canonicalUrl(c, declared), 301);
    }
    const [first] = result.error.issues;
    // On failure `data` is the query as received, whose refused value the message quotes.
    const given = result.data as Record<string, string | string[] | undefined>;
    throw new BadRequestError(first ? describe(first, given) : (t) => t("query.error.invalid"));
  });
}

/** The path parameters a route accepts; anything else is a page that does not exist. */
export function params<S extends z.ZodObject>(schema: S) {
  return zValidator("param", schema, (result) => {
    if (!result.success) throw new NotFoundError();
  });
}

/** For routes that take no query string at all. */
export const NO_QUERY = z.strictObject({});
