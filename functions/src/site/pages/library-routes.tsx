import type { Hono } from "hono";
import { z } from "zod";
import { type Cursors, MAX_CURSOR_LENGTH } from "../cursor.js";
import { BadRequestError, NotFoundError, type SiteEnv, sendPage } from "../http.js";
import type { Translate } from "../i18n/index.js";
import { MAX_QUERY_LENGTH, queryWords } from "../search/engine.js";
import {
  documentMatches,
  eventMatches,
  type Filters,
  FiltersSchema,
  LIBRARY_KINDS,
  parseFilters,
  type RawQuery,
  SEARCH_KINDS,
  sameFilters,
  single,
} from "../search/filters.js";
import { LibraryKeySchema, libraryPage } from "../search/library-index.js";
import { rankPage, SearchKeySchema } from "../search/query.js";
import { DocumentPage } from "./document-page.js";
import { LibraryPage } from "./library-page.js";
import { SearchPage } from "./search-page.js";

/** Items per page of the library and of search results. */
export const PAGE_SIZE = 20;

const LibraryCursorSchema = z.object({ f: FiltersSchema, after: LibraryKeySchema }).strict();
const SearchCursorSchema = z
  .object({ q: z.string().max(MAX_QUERY_LENGTH), f: FiltersSchema, after: SearchKeySchema })
  .strict();

/** The cursor of a request, checked to be ours and made for these filters (and words); else a 400. */
function readCursor<S extends z.ZodType<{ f: Filters }>>(
  cursors: Cursors,
  query: RawQuery,
  scope: string,
  schema: S,
  matches: (cursor: z.infer<S>) => boolean,
  t: Translate,
): z.infer<S> | undefined {
  const token = single(query, "cursor", MAX_CURSOR_LENGTH, t);
  if (token === undefined) return undefined;
  const cursor = cursors.decode(scope, token, schema);
  if (cursor === undefined) throw new BadRequestError(t("query.error.cursor"));
  if (!matches(cursor)) throw new BadRequestError(t("query.error.cursorFilters"));
  return cursor;
}

/** The library (/:lang/library), document pages (/:lang/documents/:id) and search (/:lang/search). */
export function registerLibraryPages(app: Hono<SiteEnv>, cursors: Cursors): void {
  app.get("/:lang/library", (c) => {
    const { ctx } = c.var;
    const query = c.req.queries();
    const filters = parseFilters(query, ctx.data, LIBRARY_KINDS, ctx.t);
    const cursor = readCursor(cursors, query, "library", LibraryCursorSchema, (k) => sameFilters(k.f, filters), ctx.t);
    const page = libraryPage(ctx.data.library, filters, cursor?.after, PAGE_SIZE);
    const next = page.next ? cursors.encode("library", { f: filters, after: page.next }) : undefined;
    return sendPage(
      c,
      <LibraryPage ctx={ctx} filters={filters} page={page} next={next} paged={cursor !== undefined} />,
    );
  });

  app.get("/:lang/documents/:id", (c) => {
    const { ctx } = c.var;
    const document = ctx.data.documents.get(c.req.param("id"));
    if (!document) throw new NotFoundError();
    return sendPage(c, <DocumentPage ctx={ctx} document={document} />);
  });

  app.get("/:lang/search", (c) => {
    const { ctx } = c.var;
    const { t, data } = ctx;
    const query = c.req.queries();
    const values = query.q ?? [];
    if (values.length > 1) throw new BadRequestError(t("query.error.repeated", { name: t("search.label") }));
    const raw = values[0] ?? "";
    if (raw.length > MAX_QUERY_LENGTH) {
      throw new BadRequestError(t("search.error.tooLong", { length: raw.length, max: MAX_QUERY_LENGTH }));
    }
    const q = raw.trim();
    const filters = parseFilters(query, data, SEARCH_KINDS, t);
    if (q === "") {
      return sendPage(c, <SearchPage ctx={ctx} q="" filters={filters} paged={false} />);
    }
    // Cursors compare the words as the index sees them, so "PYMES" continues a "pymes" search.
    const words = queryWords(q);
    const key = words.join(" ");
    const cursor = readCursor(
      cursors,
      query,
      "search",
      SearchCursorSchema,
      (k) => k.q === key && sameFilters(k.f, filters),
      t,
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
