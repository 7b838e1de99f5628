import { formatPartialDate } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import { Markdown } from "../../markdown/markdown.js";
import { LANGS, type Lang, type PublicDocument } from "../../model/index.js";
import { CountryLink } from "../components/cards.js";
import { Layout } from "../components/layout.js";
import { FallbackNote, L } from "../components/localized-text.js";
import { OutdatedTranslationNote } from "../components/outdated-translation.js";
import { href, type PageContext } from "../context.js";
import { documentCard } from "../share/card.js";

/** One document: its record, the languages it exists in, and its Markdown body rendered safely. */
export function DocumentPage({ ctx, document }: { ctx: PageContext; document: PublicDocument }) {
  const { t, data } = ctx;
  const title = pick(document.title, ctx.lang);
  const body = pick(document.body, ctx.lang);
  const langs = LANGS.filter((lang) => document.body[lang] !== undefined);
  const event = document.eventId ? data.events.get(document.eventId) : undefined;
  const topics = document.topics.flatMap((id) => data.topics.get(id) ?? []);
  const statuses = LANGS.flatMap((lang) => {
    const status = document.translations[lang] ?? (document.body[lang] === undefined ? "missing" : undefined);
    return status ? [{ lang, status }] : [];
  });
  return (
    <Layout
      ctx={ctx}
      title={title.text}
      description={pick(document.summary, ctx.lang).text}
      share={{ card: documentCard(ctx, document), subject: { kind: "documents", id: document.id } }}
    >
      <h1>
        <L ctx={ctx} value={document.title} />
      </h1>
      <p class="lead">
        <L ctx={ctx} value={document.summary} />
      </p>
      <section aria-labelledby="details">
        <h2 id="details" class="visually-hidden">
          {t("document.details")}
        </h2>
        <dl>
          <dt>{t("document.kind")}</dt>
          <dd>{t(`library.kind.${document.kind}`)}</dd>
          {document.publishedOn ? (
            <>
              <dt>{t("document.published")}</dt>
              <dd>
                <time datetime={document.publishedOn}>{formatPartialDate(document.publishedOn, ctx.lang)}</time>
              </dd>
            </>
          ) : null}
          <dt>{t("document.version")}</dt>
          <dd>{document.version}</dd>
          <dt>{t("document.languages")}</dt>
          <dd>
            <ul class="inline">
              {langs.map((lang) => (
                <li>
                  <LanguageLink ctx={ctx} document={document} lang={lang} shown={body.lang} />
                </li>
              ))}
            </ul>
          </dd>
          {statuses.length ? (
            <>
              <dt>{t("document.translations")}</dt>
              <dd>
                <ul class="plain">
                  {statuses.map(({ lang, status }) => (
                    <li>
                      {t(`lang.${lang}`)}: {t(`document.translation.${status}`)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {event ? (
            <>
              <dt>{t("document.event")}</dt>
              <dd>
                <a href={href(ctx, `/events/${event.id}`)}>
                  <L ctx={ctx} value={event.title} />
                </a>
              </dd>
            </>
          ) : null}
          {document.countries.length ? (
            <>
              <dt>{t("document.countries")}</dt>
              <dd>
                <ul class="inline">
                  {document.countries.map((id) => (
                    <li>
                      <CountryLink ctx={ctx} id={id} />
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {topics.length ? (
            <>
              <dt>{t("document.topics")}</dt>
              <dd>
                <ul class="plain">
                  {topics.map((topic) => (
                    <li>
                      <a href={href(ctx, `/library?topic=${topic.id}`)}>
                        <L ctx={ctx} value={topic.name} />
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt>{t("document.source")}</dt>
          <dd class="source">{document.source}</dd>
        </dl>
      </section>
      <FallbackNote ctx={ctx} value={document.body} />
      <OutdatedTranslationNote
        ctx={ctx}
        translations={document.translations}
        originalChangedAt={document.originalChangedAt}
        path={`/documents/${document.id}`}
      />
      <article class="prose" lang={body.lang} aria-label={t("document.text")}>
        <Markdown source={body.text} origin={ctx.origin} />
      </article>
    </Layout>
  );
}

/** The document in one language; the language being shown is in bold, this page's is marked current. */
function LanguageLink(props: { ctx: PageContext; document: PublicDocument; lang: Lang; shown: Lang }) {
  const { ctx, lang } = props;
  const name = ctx.t(`lang.${lang}`);
  return (
    <a
      href={href(ctx, `/documents/${props.document.id}`, lang)}
      hreflang={lang}
      lang={lang}
      aria-current={lang === ctx.lang ? "page" : undefined}
    >
      {lang === props.shown ? <strong>{name}</strong> : name}
    </a>
  );
}
