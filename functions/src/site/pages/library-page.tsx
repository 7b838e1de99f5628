import { DocumentSummary } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { href, type PageContext } from "../context.js";
import { type Filters, hasFilters, queryString } from "../search/filters.js";
import type { LibraryPage as Page } from "../search/library-index.js";
import { FilterForm, plural } from "./filter-form.js";

/** The library: published documents newest first, filtered by a GET form, paged by cursor. */
export function LibraryPage(props: { ctx: PageContext; filters: Filters; page: Page; next?: string; paged: boolean }) {
  const { ctx, filters, page } = props;
  const { t } = ctx;
  const base = href(ctx, "/library");
  const first = `${base}${queryString(filters)}`;
  const next = props.next ? `${base}${queryString(filters, {}, { cursor: props.next })}` : undefined;
  return (
    <Layout ctx={ctx} title={t("library.title")} head={next ? <link rel="next" href={next} /> : null}>
      <h1>{t("library.title")}</h1>
      <p class="lead">{t("library.intro")}</p>
      <FilterForm
        ctx={ctx}
        action={base}
        filters={filters}
        years={ctx.data.library.years}
        label={t("library.filters")}
        clearHref={base}
      />
      <p role="status" class="count">
        {plural(ctx, page.total, "library.count.one", "library.count.other")}
      </p>
      {page.items.length === 0 ? (
        <p>
          {t("library.empty")}
          {hasFilters(filters) ? (
            <>
              {" "}
              <a href={base}>{t("library.filter.clear")}</a>
            </>
          ) : null}
        </p>
      ) : (
        <ul class="plain">
          {page.items.map((document) => (
            <li>
              <DocumentSummary ctx={ctx} document={document} level={2} />
            </li>
          ))}
        </ul>
      )}
      <Pager ctx={ctx} first={props.paged ? first : undefined} next={next} />
    </Layout>
  );
}

/** "First page" once past it, and "next page" while more follow; cursors only go forward. */
export function Pager(props: { ctx: PageContext; first?: string; next?: string }) {
  if (!props.first && !props.next) return <></>;
  const { t } = props.ctx;
  return (
    <nav class="pager" aria-label={t("library.pager")}>
      {props.first ? <a href={props.first}>{t("library.first")}</a> : <span />}
      {props.next ? (
        <a href={props.next} rel="next">
          {t("library.next")}
        </a>
      ) : null}
    </nav>
  );
}
