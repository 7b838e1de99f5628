import type { Hono } from "hono";
import { z } from "zod";
import { IdSchema, LANGS } from "../../model/index.js";
import { type Cursors, MAX_CURSOR_LENGTH } from "../cursor.js";
import { BadRequestError, NotFoundError, type SiteEnv, sendPage } from "../http.js";
import { anyText, NO_QUERY, one, oneOf, params, query } from "../input.js";
import { MAX_QUERY_LENGTH, queryWords } from "../search/engine.js";
import {
  documentMatches,
  eventMatches,
  type Filters,
  FiltersSchema,
  knownFilters,
  LIBRARY_KINDS,
  SEARCH_KINDS,
  sameFilters,
} from "../search/filters.js";
import { LibraryKeySchema, libraryPage } from "../search/library-index.js";
import { rankPage, SearchKeySchema } from "../search/query.js";
import { DocumentPage } from "./document-page.js";
import { LibraryPage } from "./library-page.js";
import { SearchPage } from "./search-page.js";

/** Items per page of the library and of search results. */
const PAGE_SIZE = 20;

const LibraryCursorSchema = z.object({ f: FiltersSchema, after: LibraryKeySchema }).strict();
const SearchCursorSchema = z
  .object({ q: z.string().max(MAX_QUERY_LENGTH), f: FiltersSchema, after: SearchKeySchema })
  .strict();

/** Longest value any filter can legitimately have (a topic id); the rest is refused. */
const MAX_FILTER_LENGTH = 120;

/** The filter parameters of a page that lists `kinds`, in the order links write them. */
const filterFields = <const K extends readonly [string, ...string[]]>(kinds: K) => ({
  kind: one(MAX_FILTER_LENGTH, oneOf(kinds)),
  // Any id-shaped text; whether the view has such a topic is the domain's question (knownFilters).
  topic: one(MAX_FILTER_LENGTH, anyText),
  // Country pages link with the upper-case code; visitors may type either case.
  country: one(
    MAX_FILTER_LENGTH,
    z
      .string()
      .regex(/^[A-Za-z]{2}$/, { error: "query.error.invalid" })
      .transform((code) => code.toUpperCase()),
  ),
  year: one(MAX_FILTER_LENGTH, z.string().regex(/^\d{4}$/, { error: "query.error.invalid" })),
  language: one(MAX_FILTER_LENGTH, oneOf(LANGS)),
});

const LibraryQuery = z.strictObject({
  ...filterFields(LIBRARY_KINDS),
  cursor: one(MAX_CURSOR_LENGTH, anyText),
});
const SearchQuery = z.strictObject({
  q: one(MAX_QUERY_LENGTH, anyText, "search.error.tooLong"),
  ...filterFields(SEARCH_KINDS),
  cursor: one(MAX_CURSOR_LENGTH, anyText),
});

/** The filters of a checked query, without the words and the cursor. */
const filtersOf = ({ kind, topic, country, year, language }: Filters): Filters =>
  Object.fromEntries(Object.entries({ kind, topic, country, year, language }).filter(([, v]) => v !== undefined));

/** The cursor of a request, checked to be ours and made for these filters (and words); else a 400. */
function readCursor<S extends z.ZodType<{ f: Filters }>>(
  cursors: Cursors,
  token: string | undefined,
  scope: string,
  schema: S,
  matches: (cursor: z.infer<S>) => boolean,
): z.infer<S> | undefined {
  if (token === undefined) return undefined;
  const cursor = cursors.decode(scope, token, schema);
  if (cursor === undefined) throw new BadRequestError((t) => t("query.error.cursor"));
  if (!matches(cursor)) throw new BadRequestError((t) => t("query.error.cursorFilters"));
  return cursor;
}

/** The library (/:lang/library), document pages (/:lang/documents/:id) and search (/:lang/search). */
export function registerLibraryPages(app: Hono<SiteEnv>, cursors: Cursors): void {
  app.get("/:lang/library", query(LibraryQuery), (c) => {
    const { ctx } = c.var;
    const input = c.req.valid("query");
    const filters = knownFilters(filtersOf(input), ctx.data);
    const cursor = readCursor(cursors, input.cursor, "library", LibraryCursorSchema, (k) => sameFilters(k.f, filters));
    const page = libraryPage(ctx.data.library, filters, cursor?.after, PAGE_SIZE);
    const next = page.next ? cursors.encode("library", { f: filters, after: page.next }) : undefined;
    return sendPage(
      c,
      <LibraryPage ctx={ctx} filters={filters} page={page} next={next} paged={cursor !== undefined} />,
    );
  });

  app.get("/:lang/documents/:id", params(z.object({ id: IdSchema })), query(NO_QUERY), (c) => {
    const { ctx } = c.var;
    const document = ctx.data.documents.get(c.req.valid("param").id);
    if (!document) throw new NotFoundError();
    return sendPage(c, <DocumentPage ctx={ctx} document={document} />);
  });

  app.get("/:lang/search", query(SearchQuery), (c) => {
    const { ctx } = c.var;
    const { data } = ctx;
    const input = c.req.valid("query");
    const q = input.q ?? "";
    const filters = knownFilters(filtersOf(input), data);
    if (q === "") {
      return sendPage(c, <SearchPage ctx={ctx} q="" filters={filters} paged={false} />);
    }
    // Cursors compare the words as the index sees them, so "PYMES" continues a "pymes" search.
    const words = queryWords(q);
    const key = words.join(" ");
    const cursor = readCursor(
      cursors,
      input.cursor,
      "search",
      SearchCursorSchema,
      (k) => k.q === key && sameFilters(k.f, filters),
    );
    const found = data.search.search(words, (entry) => {
      if (entry.type === "document") {
        const document = data.documents.get(entry.id);
        return document !== undefined && documentMatches(document, filters);
      }
      const event = data.events.get(entry.id);
      return event !== undefined && eventMatches(event, filters);
    });
    const { items: shown, more } = rankPage(found.hits, cursor?.after, PAGE_SIZE);
    const last = shown.at(-1);
    const next =
      more && last ? cursors.encode("search", { q: key, f: filters, after: [last.score, last.entry.ref] }) : undefined;
    return sendPage(
      c,
      <SearchPage
        ctx={ctx}
        q={q}
        filters={filters}
        results={{
          hits: shown,
          total: found.hits.length,
          matched: found.matched,
          corrections: found.corrections,
          next,
        }}
        paged={cursor !== undefined}
      />,
    );
  });
}
