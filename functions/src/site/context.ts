import { pick, type Translate, translator } from "../i18n/index.js";
import type { Picked } from "../i18n/pick.js";
import type { Lang, Localized } from "../model/index.js";
import type { SiteData } from "./data.js";

/** What every page needs to render: the visitor's language, the data and the site's settings. */
export interface PageContext {
  lang: Lang;
  t: Translate;
  data: SiteData;
  /** Static asset names as built, e.g. { "site.css": "/assets/site.1a2b3c4d.css" }. */
  assets: Record<string, string>;
  origin: string;
  now: Date;
  /** The page's path without the language prefix ("/" for home, "/events/x"), for alternates. */
  path: string;
}

export function pageContext(init: Omit<PageContext, "t">): PageContext {
  return { ...init, t: translator(init.lang) };
}

/** A link to a page of the site in the context's language (or another one). */
export function href(ctx: Pick<PageContext, "lang">, path: string, lang: Lang = ctx.lang): string {
  return `/${lang}${path === "/" ? "/" : path}`;
}

export function text(ctx: PageContext, value: Localized): Picked {
  return pick(value, ctx.lang);
}
