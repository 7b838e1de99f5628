import { type DefaultTreeAdapterMap, parse } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
export type Element = DefaultTreeAdapterMap["element"];

/** Every element of an HTML document, in document order, as parse5 (a browser's parser) reads it. */
export function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) found.push(node);
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
    if (node.nodeName === "template" && "content" in node) walk(node.content as Node);
  };
  walk(parse(html));
  return found;
}

export const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

export function textOf(node: Node): string {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

/** The forms of a page with what a browser would submit from them as they stand. */
export function formsOf(html: string) {
  const forms = elementsOf(html).filter((e) => e.tagName === "form");
  return forms.map((form) => {
    const inner = descendants(form);
    const fields: Record<string, string> = {};
    for (const field of inner) {
      const name = attr(field, "name");
      if (!name) continue;
      if (field.tagName === "input") fields[name] = attr(field, "value") ?? "";
      if (field.tagName === "select") {
        const options = descendants(field).filter((o) => o.tagName === "option");
        const chosen = options.find((o) => o.attrs.some((a) => a.name === "selected")) ?? options[0];
        fields[name] = chosen ? (attr(chosen, "value") ?? "") : "";
      }
    }
    return { action: attr(form, "action") ?? "", method: (attr(form, "method") ?? "get").toLowerCase(), fields, form };
  });
}

function descendants(element: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if ("childNodes" in node)
      for (const child of node.childNodes) {
        if ("tagName" in child) found.push(child);
        walk(child);
      }
  };
  walk(element);
  return found;
}
