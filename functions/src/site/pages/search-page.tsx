import { formatPartialDate } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import { fallbackOrder } from "../../i18n/pick.js";
import type { Event, Localized, PublicDocument } from "../../model/index.js";
import { EventDates } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { href, type PageContext } from "../context.js";
import { type Correction, type Hit, MAX_QUERY_LENGTH } from "../search/engine.js";
import { type Filters, queryString } from "../search/filters.js";
import { wordSpans } from "../search/normalize.js";
import { highlight, type Part, snippet, spellingIn } from "../search/snippet.js";
import { FilterForm, plural } from "./filter-form.js";
import { Pager } from "./library-page.js";

/** What the search route found for one page. */
export interface SearchResults {
  hits: Hit[];
  total: number;
  /** Index words the query matched, to highlight. */
  matched: ReadonlySet<string>;
  /** Query words the index did not know, read as the closest words it does. */
  corrections: Correction[];
  next?: string;
}

/** Highlighted text as JSX: the marked parts in <mark>, everything escaped like any other text. */
function Highlighted(props: { parts: Part[] }) {
  return <>{props.parts.map((part) => (part.hit ? <mark>{part.text}</mark> : part.text))}</>;
}

/** The first excerpt with a match among the texts, in the visitor's language if possible, else as `pick` would choose. */
function excerpt(ctx: PageContext, texts: (Localized | undefined)[], matched: ReadonlySet<string>) {
  for (const lang of fallbackOrder(ctx.lang)) {
    for (const text of texts) {
      const value = text?.[lang];
      if (value === undefined) continue;
      const parts = snippet(value, matched);
      if (parts) return { parts, lang };
    }
  }
  return undefined;
}

/** The document or event a hit points at. */
function recordOf(ctx: PageContext, hit: Hit): { document?: PublicDocument; event?: Event } {
  return hit.entry.type === "document"
    ? { document: ctx.data.documents.get(hit.entry.id) }
    : { event: ctx.data.events.get(hit.entry.id) };
}

/**
 * The query as it was searched: each corrected word replaced by the word it was read as, spelled
 * as the first results write it ("licitasion" → "licitación").
 */
function correctedQuery(ctx: PageContext, q: string, results: SearchResults): string | undefined {
  if (results.corrections.length === 0 || results.hits.length === 0) return undefined;
  const texts = results.hits.slice(0, 3).flatMap((hit) => {
    const { document, event } = recordOf(ctx, hit);
    const record = document ?? event;
    if (!record) return [];
    const fields = [record.title, record.summary, document?.body, event?.city];
    return fallbackOrder(ctx.lang).flatMap((lang) => fields.flatMap((field) => (field?.[lang] ? [field[lang]] : [])));
  });
  let corrected = "";
  let at = 0;
  for (const span of wordSpans(q)) {
    const correction = results.corrections.find((c) => c.word === span.term);
    if (!correction) continue;
    corrected += q.slice(at, span.start) + (spellingIn(correction.term, texts) ?? correction.term);
    at = span.end;
  }
  return corrected + q.slice(at);
}

function ResultCard(props: { ctx: PageContext; hit: Hit; matched: ReadonlySet<string> }) {
  const { ctx, hit, matched } = props;
  const { t } = ctx;
  const { document, event } = recordOf(ctx, hit);
  const record = document ?? event;
  if (!record) return <></>;
  const title = pick(record.title, ctx.lang);
  const found = document
    ? excerpt(ctx, [document.summary, document.body], matched)
    : excerpt(
        ctx,
        [event?.summary, event?.city, ...(event?.sessions.flatMap((s) => [s.title, ...s.topics]) ?? [])],
        matched,
      );
  const summary = record.summary ? pick(record.summary, ctx.lang) : undefined;
  return (
    <article class="card">
      <h2>
        <a href={href(ctx, document ? `/documents/${record.id}` : `/events/${record.id}`)}>
          {title.fallback ? (
            <span lang={title.lang}>
              <Highlighted parts={highlight(title.text, matched)} />
            </span>
          ) : (
            <Highlighted parts={highlight(title.text, matched)} />
          )}
        </a>
      </h2>
      <p class="meta">
        <span class="badge">{t(document ? "search.type.document" : "search.type.event")}</span>{" "}
        {t(`library.kind.${record.kind}`)}
        {document?.publishedOn ? (
          <>
            {" · "}
            <time datetime={document.publishedOn}>{formatPartialDate(document.publishedOn, ctx.lang)}</time>
          </>
        ) : null}
        {event ? (
          <>
            {" · "}
            <EventDates ctx={ctx} event={event} />
          </>
        ) : null}
      </p>
      {found ? (
        <p lang={found.lang === ctx.lang ? undefined : found.lang}>
          <Highlighted parts={found.parts} />
        </p>
      ) : summary ? (
        <p lang={summary.fallback ? summary.lang : undefined}>{summary.text.slice(0, 300)}</p>
      ) : null}
    </article>
  );
}

/** The search page: a GET form that works without JavaScript, then ranked, highlighted results. */
export function SearchPage(props: {
  ctx: PageContext;
  q: string;
  filters: Filters;
  results?: SearchResults;
  paged: boolean;
}) {
  const { ctx, q, filters, results } = props;
  const { t, data } = ctx;
  const base = href(ctx, "/search");
  const years = [
    ...new Set([...data.library.years, ...data.snapshot.events.flatMap((e) => (e.start ? [e.start.slice(0, 4)] : []))]),
  ].sort((a, b) => b.localeCompare(a));
  const first = `${base}${queryString(filters, { q })}`;
  const next = results?.next ? `${base}${queryString(filters, { q }, { cursor: results.next })}` : undefined;
  const corrected = results ? correctedQuery(ctx, q, results) : undefined;
  return (
    <Layout
      ctx={ctx}
      title={q ? t("search.resultsTitle", { q }) : t("search.title")}
      head={next ? <link rel="next" href={next} /> : null}
    >
      <h1>{t("search.title")}</h1>
      <FilterForm
        ctx={ctx}
        action={base}
        filters={filters}
        years={years}
        withEvents
        label={t("search.title")}
        clearHref={`${base}${queryString({}, { q })}`}
        before={
          <div class="query">
            <label for="q">{t("search.label")}</label>
            <input id="q" name="q" type="search" value={q} maxlength={MAX_QUERY_LENGTH} />
          </div>
        }
      />
      {!results ? (
        <p class="note">{t("search.hint")}</p>
      ) : results.total === 0 ? (
        <>
          <p role="status">{t("search.none", { q })}</p>
          <p>{t("search.hint")}</p>
        </>
      ) : (
        <>
          {corrected ? <p class="note">{t("search.corrected", { q: corrected, typed: q })}</p> : null}
          <p role="status" class="count">
            {plural(ctx, results.total, "search.count.one", "search.count.other", { q: corrected ?? q })}
          </p>
          <ol class="plain">
            {results.hits.map((hit) => (
              <li>
                <ResultCard ctx={ctx} hit={hit} matched={results.matched} />
              </li>
            ))}
          </ol>
        </>
      )}
      <Pager ctx={ctx} first={props.paged ? first : undefined} next={next} />
    </Layout>
  );
}
