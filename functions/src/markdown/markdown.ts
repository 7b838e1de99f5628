import { raw } from "hono/html";
import { markdownRenderer } from "./markdown-render.js";

export { isSafeLink } from "./markdown-render.js";

// One renderer per origin (a deployment has one), each made on first use.
const renderers = new Map<string, (source: string) => string>();

/** A Markdown body as safe HTML for the site at `origin` (see {@link markdownRenderer}). */
export function renderMarkdown(source: string, origin: string): string {
  let render = renderers.get(origin);
  if (!render) {
    render = markdownRenderer(origin);
    renderers.set(origin, render);
  }
  return render(source);
}

/** {@link renderMarkdown} ready to place in JSX; the only way content HTML enters a page. */
export function Markdown(props: { source: string; origin: string }) {
  // markdown-it has escaped every character of the source (html: false), so its output is trusted.
  return raw(renderMarkdown(props.source, props.origin));
}
