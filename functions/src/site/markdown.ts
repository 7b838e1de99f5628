import { raw } from "hono/html";
import { SITE_ORIGIN } from "../config.js";
import { markdownRenderer } from "./markdown-render.js";

export { isSafeLink } from "./markdown-render.js";

/** The site's Markdown renderer (see {@link markdownRenderer}). */
export const renderMarkdown = markdownRenderer(SITE_ORIGIN);

/** {@link renderMarkdown} ready to place in JSX; the only way content HTML enters a page. */
export function Markdown(props: { source: string }) {
  // markdown-it has escaped every character of the source (html: false), so its output is trusted.
  return raw(renderMarkdown(props.source));
}
