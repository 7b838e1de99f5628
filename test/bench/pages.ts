// Every page type of the public site, once: the e2e suite, the reads test and the bench all walk
// this list, so a page type added here is checked for accessibility, reads and speed at once.
// Plain data with erasable types only: scripts/bench.mjs imports it with Node's type stripping.

/** One page type of the public site, as a path without the language prefix. */
export interface PageType {
  /** Short name used in test titles and the bench's tables. */
  name: string;
  /** Path after `/{lang}`, e.g. "/events/iii-seminar-santiago-2005". */
  path: string;
  status: 200 | 400 | 404;
  /** Text that must be visible on the page in each language (facts from the Santiago report). */
  facts?: { es: string[]; en: string[] };
  /** Lists that grow with the content: the bench measures these again at scale. */
  list?: boolean;
  /** Pages Lighthouse audits in the bench. */
  lighthouse?: boolean;
}

const SANTIAGO = { es: ["38", "Santiago"], en: ["38", "Santiago"] };
const COMMITTEE = {
  es: ["Perú", "Costa Rica", "Brasil", "Chile", "Estados Unidos"],
  en: ["Peru", "Costa Rica", "Brazil", "Chile", "United States"],
};

export const PAGE_TYPES: PageType[] = [
  { name: "home", path: "/", status: 200, facts: SANTIAGO, list: true, lighthouse: true },
  { name: "about", path: "/about", status: 200, facts: { es: ["Santiago"], en: ["Santiago"] } },
  { name: "members", path: "/members", status: 200, lighthouse: true },
  { name: "country", path: "/countries/cl", status: 200, facts: { es: ["Chile"], en: ["Chile"] }, lighthouse: true },
  { name: "committee", path: "/committee", status: 200, facts: COMMITTEE, lighthouse: true },
  { name: "initiatives", path: "/initiatives", status: 200 },
  { name: "hosting", path: "/hosting", status: 200 },
  {
    name: "events",
    path: "/events",
    status: 200,
    facts: { es: ["Santiago"], en: ["Santiago"] },
    list: true,
    lighthouse: true,
  },
  { name: "event", path: "/events/iii-seminar-santiago-2005", status: 200, facts: SANTIAGO, lighthouse: true },
  { name: "library", path: "/library", status: 200, list: true, lighthouse: true },
  { name: "library filtered", path: "/library?topic=sme-participation", status: 200, list: true },
  {
    name: "document",
    path: "/documents/santiago-2005-executive-report",
    status: 200,
    facts: SANTIAGO,
    lighthouse: true,
  },
  { name: "search", path: "/search?q=pymes", status: 200, list: true, lighthouse: true },
  { name: "subscribe", path: "/subscribe", status: 200, lighthouse: true },
  { name: "404", path: "/no-such-page", status: 404 },
  { name: "400", path: "/library?cursor=tampered", status: 400 },
];

/** The two working languages of the network; every page type is checked in both. */
export const PAGE_LANGS = ["es", "en"] as const;
export type PageLang = (typeof PAGE_LANGS)[number];

export const pageUrl = (lang: PageLang, page: Pick<PageType, "path">): string =>
  `/${lang}${page.path === "/" ? "/" : page.path}`;
