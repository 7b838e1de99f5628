import type { Child } from "hono/jsx";
import { locale } from "../../i18n/format.js";
import type { MessageKey } from "../../i18n/index.js";
import { pick } from "../../i18n/index.js";
import { DOCUMENT_KINDS, EVENT_KINDS, LANGS } from "../../model/index.js";
import type { PageContext } from "../context.js";
import type { Filters } from "../search/filters.js";

interface Option {
  value: string;
  label: string;
}

function Select(props: {
  ctx: PageContext;
  name: string;
  label: MessageKey;
  value: string | undefined;
  options: Option[];
  groups?: { label: string; options: Option[] }[];
}) {
  const { ctx, name, value } = props;
  const id = `filter-${name}`;
  const option = (o: Option) => (
    <option value={o.value} selected={o.value === value}>
      {o.label}
    </option>
  );
  return (
    <div>
      <label for={id}>{ctx.t(props.label)}</label>
      <select id={id} name={name}>
        <option value="">{ctx.t("library.filter.any")}</option>
        {props.options.map(option)}
        {props.groups?.map((group) => (
          <optgroup label={group.label}>{group.options.map(option)}</optgroup>
        ))}
      </select>
    </div>
  );
}

/**
 * The filters of the library and of search as a plain GET form, so it works without JavaScript:
 * every select shows its current value, and "clear" is an ordinary link.
 */
export function FilterForm(props: {
  ctx: PageContext;
  action: string;
  filters: Filters;
  /** Years with content, newest first. */
  years: string[];
  /** Search also offers event kinds. */
  withEvents?: boolean;
  /** Fields placed before the selects (the search box). */
  before?: Child;
  label: string;
  clearHref: string;
}) {
  const { ctx, filters } = props;
  const { t, data } = ctx;
  const collator = new Intl.Collator(locale(ctx.lang));
  const countries = [...data.countries.values()]
    .map((c) => ({ value: c.id, label: pick(c.name, ctx.lang).text }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const topics = data.snapshot.topics.map((topic) => ({ value: topic.id, label: pick(topic.name, ctx.lang).text }));
  // A valid year with nothing in it still shows as chosen.
  const years = filters.year && !props.years.includes(filters.year) ? [filters.year, ...props.years] : props.years;
  const documentKinds = DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`library.kind.${kind}`) }));
  const eventKinds = EVENT_KINDS.map((kind) => ({ value: kind, label: t(`library.kind.${kind}`) }));
  return (
    <form
      method="get"
      action={props.action}
      class="filters"
      role={props.withEvents ? "search" : undefined}
      aria-label={props.label}
    >
      {props.before}
      <Select
        ctx={ctx}
        name="kind"
        label="library.filter.kind"
        value={filters.kind}
        options={props.withEvents ? [] : documentKinds}
        groups={
          props.withEvents
            ? [
                { label: t("search.kinds.documents"), options: documentKinds },
                { label: t("search.kinds.events"), options: eventKinds },
              ]
            : undefined
        }
      />
      <Select ctx={ctx} name="topic" label="library.filter.topic" value={filters.topic} options={topics} />
      <Select ctx={ctx} name="country" label="library.filter.country" value={filters.country} options={countries} />
      <Select
        ctx={ctx}
        name="year"
        label="library.filter.year"
        value={filters.year}
        options={years.map((year) => ({ value: year, label: year }))}
      />
      <Select
        ctx={ctx}
        name="language"
        label="library.filter.language"
        value={filters.language}
        options={LANGS.map((lang) => ({ value: lang, label: t(`lang.${lang}`) }))}
      />
      <div>
        <button type="submit">{props.withEvents ? t("search.submit") : t("library.filter.submit")}</button>{" "}
        <a href={props.clearHref}>{t("library.filter.clear")}</a>
      </div>
    </form>
  );
}

/** "1 documento" / "12 documentos", by the language's plural rules. */
export function plural(ctx: PageContext, count: number, one: MessageKey, other: MessageKey, params = {}): string {
  const category = new Intl.PluralRules(locale(ctx.lang)).select(count);
  return ctx.t(category === "one" && count === 1 ? one : other, {
    ...params,
    count: new Intl.NumberFormat(locale(ctx.lang)).format(count),
  });
}
