// The Markdown renderer without the site's configuration or JSX, so the console can bundle it.
import MarkdownIt from "markdown-it";

const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);
// Browsers drop ASCII whitespace and controls inside a URL before reading its scheme
// ("java\tscript:"); we also drop every Unicode space and format character, to be stricter.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\s]/gu;

/**
 * Whether a Markdown link or image target may appear in the page: http, https, mailto and
 * relative addresses only. The check runs on what a browser would read, after percent-decoding
 * and without whitespace or controls, so "JaVa%0AScRiPt:" and "&#106;avascript:" (which
 * markdown-it decodes before calling us) are refused like "javascript:".
 */
export function isSafeLink(url: string): boolean {
  let seen = url;
  for (let round = 0; round < 3; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(seen);
    } catch {
      break;
    }
    if (decoded === seen) break;
    seen = decoded;
  }
  seen = seen.replace(INVISIBLE, "").toLowerCase();
  // A colon before the first "/", "?" or "#" makes a scheme (or something a browser may take for one).
  const scheme = /^([^/?#]*?):/.exec(seen);
  return scheme === null || SAFE_SCHEMES.has(scheme[1] ?? "");
}

/**
 * The site's Markdown renderer for a site at `siteOrigin`: raw HTML in the source is shown as
 * text, links are limited by {@link isSafeLink}, links to other sites get rel="nofollow noopener",
 * and headings are shifted so the body's highest heading is an h2 (the page's h1 is the
 * document's title). The site and the console's preview both build theirs here, so a preview
 * looks exactly like the published page.
 */
export function markdownRenderer(siteOrigin: string): (source: string) => string {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = isSafeLink;
  // Reports name websites without a scheme ("www.compraspublicas.org"); link those too.
  md.linkify.set({ fuzzyLink: true });
  const ownHost = new URL(siteOrigin).host;
  const isExternal = (href: string): boolean => {
    if (!/^(?:https?:)?\/\//i.test(href)) return false;
    try {
      return new URL(href, siteOrigin).host !== ownHost;
    } catch {
      return true;
    }
  };

  const renderToken: NonNullable<typeof md.renderer.rules.link_open> = (tokens, idx, options, _env, self) =>
    self.renderToken(tokens, idx, options);
  const linkOpen = md.renderer.rules.link_open ?? renderToken;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    // Content links to other sites pass them no ranking and no window.opener.
    if (token && isExternal(String(token.attrGet("href") ?? ""))) token.attrSet("rel", "nofollow noopener");
    return linkOpen(tokens, idx, options, env, self);
  };

  return (source) => {
    const env = {};
    const tokens = md.parse(source, env);
    let top = 7;
    for (const token of tokens) if (token.type === "heading_open") top = Math.min(top, Number(token.tag.slice(1)));
    const shift = top === 7 ? 0 : 2 - top;
    if (shift !== 0) {
      for (const token of tokens) {
        if (token.type === "heading_open" || token.type === "heading_close") {
          token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
        }
      }
    }
    return md.renderer.render(tokens, md.options, env);
  };
}
