import { type DefaultTreeAdapterMap, parse } from "parse5";

type Node = DefaultTreeAdapterMap["node"];

function* anchors(node: Node): Generator<string> {
  if ("tagName" in node && (node.tagName === "a" || node.tagName === "area")) {
    const href = node.attrs.find((a) => a.name === "href")?.value;
    if (href) yield href;
  }
  if ("content" in node && node.content) yield* anchors(node.content as Node);
  if ("childNodes" in node) for (const child of node.childNodes) yield* anchors(child);
}

/** The host without a leading "www.", so www.compraspublicas.org and compraspublicas.org are one site. */
const siteHost = (host: string) => host.toLowerCase().replace(/^www\./, "");

/**
 * Whether an HTML page links to the network's site: some link (a or area), resolved against the
 * page's own address, leads to the site's host or a subdomain of it. Parsed by parse5, as a
 * browser would, so commented-out or malformed markup does not count.
 */
export function linksBack(html: string, pageUrl: string, siteOrigin: string): boolean {
  const target = siteHost(new URL(siteOrigin).hostname);
  for (const href of anchors(parse(html) as unknown as Node)) {
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    const host = siteHost(url.hostname);
    if (host === target || host.endsWith(`.${target}`)) return true;
  }
  return false;
}
