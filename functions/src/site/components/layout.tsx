import type { Child } from "hono/jsx";
import type { MessageKey } from "../../i18n/index.js";
import { LANGS } from "../../model/index.js";
import { href, type PageContext } from "../context.js";
import { networkCard, type ShareCard, type ShareSubject, shareImagePath } from "../share/card.js";
import { SHARE_HEIGHT, SHARE_WIDTH } from "../share/size.js";

const NAV: { path: string; key: MessageKey }[] = [
  { path: "/", key: "nav.home" },
  { path: "/about", key: "nav.about" },
  { path: "/members", key: "nav.members" },
  { path: "/events", key: "nav.events" },
  { path: "/library", key: "nav.library" },
  { path: "/committee", key: "nav.committee" },
  { path: "/initiatives", key: "nav.initiatives" },
  { path: "/hosting", key: "nav.hosting" },
];

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** Extra <head> links such as a feed or a calendar. */
  head?: Child;
  /** Pages that should not be indexed (search results, errors). */
  noindex?: boolean;
  /** The page's share image: an event's or a document's card; the network's by default. */
  share?: { card: ShareCard; subject: ShareSubject };
  children: Child;
}

/** The page frame: head with alternates and social tags, skip link, header, navigation, footer. */
export function Layout({ ctx, title, description, head, noindex, share, children }: LayoutProps) {
  const { t, lang, path, origin } = ctx;
  const fullTitle = path === "/" ? t("site.name") : `${title} · ${t("site.name")}`;
  const canonical = `${origin}${href(ctx, path)}`;
  const summary = description ?? t("site.tagline");
  const { card, subject } = share ?? { card: networkCard(ctx), subject: { kind: "network" } };
  const image = `${origin}${shareImagePath(card, subject)}`;
  const imageAlt = t("share.imageAlt", { title: card.title, site: card.site });
  const section = NAV.filter((item) => item.path !== "/" && path.startsWith(item.path)).pop()?.path ?? path;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={summary.slice(0, 300)} />
        {noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
        {noindex
          ? null
          : LANGS.map((other) => <link rel="alternate" hreflang={other} href={`${origin}${href(ctx, path, other)}`} />)}
        {noindex ? null : <link rel="alternate" hreflang="x-default" href={`${origin}${href(ctx, path, "es")}`} />}
        <link rel="stylesheet" href={ctx.assets["site.css"]} />
        <link rel="icon" href={ctx.assets["icon.svg"]} type="image/svg+xml" />
        <link rel="alternate" type="application/atom+xml" href={`/${lang}/feed.xml`} title={t("footer.feed")} />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={t("site.name")} />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={summary.slice(0, 300)} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={lang} />
        <meta property="og:image" content={image} />
        <meta property="og:image:type" content="image/png" />
        <meta property="og:image:width" content={String(SHARE_WIDTH)} />
        <meta property="og:image:height" content={String(SHARE_HEIGHT)} />
        <meta property="og:image:alt" content={imageAlt} />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={title} />
        <meta name="twitter:description" content={summary.slice(0, 200)} />
        <meta name="twitter:image" content={image} />
        <meta name="twitter:image:alt" content={imageAlt} />
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t("skip")}
        </a>
        <header class="top">
          <div class="wrap bar">
            <a class="brand" href={href(ctx, "/")}>
              {t("site.name")}
            </a>
            <nav aria-label={t("lang.label")} class="langs">
              <ul>
                {LANGS.map((other) => (
                  <li>
                    <a
                      href={href(ctx, path, other)}
                      hreflang={other}
                      lang={other}
                      aria-current={other === lang ? "true" : undefined}
                    >
                      {t(`lang.${other}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <nav aria-label={t("nav.label")} class="wrap main-nav">
            <ul>
              {NAV.map((item) => (
                <li>
                  <a href={href(ctx, item.path)} aria-current={section === item.path ? "page" : undefined}>
                    {t(item.key)}
                  </a>
                </li>
              ))}
            </ul>
            {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for some assistive technology; role="search" on the form is the supported landmark */}
            <form role="search" action={href(ctx, "/search")} method="get" class="quick-search">
              <label for="q-top" class="visually-hidden">
                {t("nav.search")}
              </label>
              <input id="q-top" name="q" type="search" maxlength={200} />
              <button type="submit">{t("nav.search")}</button>
            </form>
          </nav>
        </header>
        <main id="main" tabindex={-1} class="wrap">
          {children}
        </main>
        <footer class="foot">
          <div class="wrap">
            <p>{t("footer.about")}</p>
            <ul class="inline">
              <li>
                <a href={`/${lang}/feed.xml`}>{t("footer.feed")}</a>
              </li>
              <li>
                <a href={`/${lang}/calendar.ics`}>{t("footer.calendar")}</a>
              </li>
              <li>
                <a href={href(ctx, "/data")}>{t("footer.data")}</a>
              </li>
              <li>
                <a href={href(ctx, "/subscribe")}>{t("sub.footer.link")}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}
