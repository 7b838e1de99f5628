import { type DefaultTreeAdapterMap, parse } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import type { Document, Event } from "../../functions/src/model/index.js";
import { seedSnapshot, siteOver } from "../support/seeded-site.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const MEGABYTE = 1 << 20;

/** Content an editor (or an attacker with an editor's account) might save. */
const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><script>alert(document.cookie)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)" x="',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  "[click](&#x6A;avascript&#x3A;alert(1))",
  "[click](java&#x09;script:alert(1))",
  "[click](<java\tscript:alert(1)>)",
  "[click](%6Aavascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "[click](vbscript:msgbox(1))",
  "[click](file:///etc/passwd)",
  "<javascript:alert(1)>",
  "[ref]: javascript:alert(1)\n\n[click][ref]",
  '[x](https://example.org/" onmouseover="alert(1))',
  "<svg onload=alert(1)><circle r=10 /></svg>",
  "<svg><script>alert(1)</script></svg>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:alert(1)">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="width: expression(alert(1))">css expression</p>',
  "<style>body{display:none}</style>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "&amp;lt;b&amp;gt; broken &#xZZ; entity &#99999999; & &",
  '<b><i>unclosed tags <div <a href="',
  "\u202Egnp.exe — RTL override",
  "null\u0000byte\u0000<script>alert(1)</script>",
  "{{constructor.constructor('alert(1)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template-injection attempt, on purpose.
  "${alert(1)} {count} {q} {detail} $& $1 $`",
  '<a href="javascript:alert(1)">link</a>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<!--<img src=x onerror=alert(1)>-->",
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  "<input onfocus=alert(1) autofocus>",
  '<a href="&#1;javascript:alert(1)">x</a>',
  "</textarea></title><script>alert(1)</script>",
  "<![CDATA[<script>alert(1)</script>]]>",
  "www.example.org/<script>alert(1)</script>",
  "<script>alert(1)</script>".repeat(Math.ceil(MEGABYTE / 25)),
];

const BAD_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "style",
  "base",
  "template",
  "textarea",
  "noscript",
  "img",
]);
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "srcset",
  "poster",
  "data",
  "background",
]);

function* elements(node: Node): Generator<Element> {
  if ("tagName" in node) yield node;
  if ("childNodes" in node) for (const child of node.childNodes) yield* elements(child);
  if ("content" in node && node.content) yield* elements(node.content as Node);
}

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

/**
 * The site's own map (<figure class="map">, functions/src/site/map) is the one SVG a page may
 * hold: its drawing comes from the build, never from content. Its attributes and children are
 * still checked like every other element's.
 */
function isSiteMap(element: Element): boolean {
  if (element.tagName !== "svg") return false;
  if (
    !element.attrs.every((a) =>
      ["viewbox", "role", "aria-label", "class", "aria-hidden"].includes(a.name.toLowerCase()),
    )
  ) {
    return false;
  }
  for (let up = element.parentNode; up && "tagName" in up; up = up.parentNode) {
    if (up.tagName === "figure" && up.attrs.some((a) => a.name === "class" && a.value === "map")) return true;
  }
  return false;
}

/** Every way the page could run code or restyle itself, as found by a real HTML parser. */
function dangers(html: string): string[] {
  const found: string[] = [];
  for (const element of elements(parse(html))) {
    const tag = element.tagName;
    if (BAD_ELEMENTS.has(tag) && !isSiteMap(element)) found.push(`<${tag}>`);
    if (tag === "meta" && element.attrs.some((a) => a.name === "http-equiv")) found.push("<meta http-equiv>");
    for (const { name, value } of element.attrs) {
      if (name.startsWith("on")) found.push(`${tag}[${name}]`);
      if (name === "style" || name === "srcdoc") found.push(`${tag}[${name}]`);
      const scheme = value.replace(/[\p{Cc}\p{Cf}\p{Z}\s]/gu, "").toLowerCase();
      if (URL_ATTRIBUTES.has(name) && /^(?:javascript|vbscript|data|file):/.test(scheme)) {
        found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
      }
    }
  }
  return found;
}

/** Text as a browser shows it: NUL characters dropped, line ends normalized. */
const visible = (text: string) => text.replaceAll("\u0000", "").replace(/\r\n?/g, "\n");

const localized = (text: string) => ({ es: text, en: text });

function hostileDocument(text: string, i: number): Document {
  return {
    id: `hostile-${i}`,
    kind: "news",
    title: localized(text),
    summary: localized(text.slice(0, 10_000)),
    body: localized(text),
    translations: { es: "original", en: "translated" },
    countries: ["CL"],
    topics: ["harmonization"],
    status: "published",
    publishedOn: "2030-01",
    version: 1,
    source: text.slice(0, 10_000),
  };
}

function hostileEvent(text: string, i: number): Event {
  return {
    id: `hostile-event-${i}`,
    kind: "meeting",
    title: localized(text),
    summary: localized(text.slice(0, 10_000)),
    status: "planned",
    city: localized(text.slice(0, 1000)),
    hostCountries: ["CL"],
    organizerIds: [],
    attendingCountries: [],
    sessions: [
      { type: "forum", title: localized(text.slice(0, 1000)), topics: [localized(text.slice(0, 1000))], topicIds: [] },
    ],
    source: text.slice(0, 10_000),
  };
}

let site: ReturnType<typeof siteOver>;
beforeAll(async () => {
  const seed = await seedSnapshot();
  site = siteOver({
    ...seed,
    documents: [...seed.documents, ...HOSTILE.map(hostileDocument)],
    events: [...seed.events, ...HOSTILE.map(hostileEvent)],
  });
});

async function render(path: string): Promise<string> {
  const res = await site.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

// Some pages carry the 1 MB title three times over (title, og:title, h1), so they take a while to parse.
describe("hostile content", { timeout: 60_000 }, () => {
  it("uses a corpus of at least 30 hostile strings, one of them a 1 MB title", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
    expect(HOSTILE.at(-1)?.length).toBeGreaterThanOrEqual(MEGABYTE);
  });

  it("renders every hostile document page as text, with no executable markup", async () => {
    for (const [i, text] of HOSTILE.entries()) {
      for (const lang of ["es", "en"]) {
        const html = await render(`/${lang}/documents/hostile-${i}`);
        expect(dangers(html), text.slice(0, 60)).toEqual([]);
        const h1 = [...elements(parse(html))].find((e) => e.tagName === "h1");
        expect(h1 && visible(textOf(h1)), text.slice(0, 60)).toBe(visible(text));
      }
    }
  });

  it("renders the library's pages, the home page and the events pages without executable markup", async () => {
    let path: string | undefined = "/es/library";
    let pages = 0;
    while (path) {
      const html = await render(path);
      expect(dangers(html)).toEqual([]);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      path = /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replaceAll("&amp;", "&");
      pages++;
    }
    expect(pages).toBe(Math.ceil((HOSTILE.length + 1) / 20));
    for (const page of ["/es/", "/en/", "/es/events", "/en/countries/cl", "/es/library?topic=harmonization"]) {
      const html = await render(page);
      expect(dangers(html), page).toEqual([]);
    }
    expect(await render("/es/")).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("renders hostile event pages without executable markup", async () => {
    for (const i of HOSTILE.keys()) {
      const html = await render(`/es/events/hostile-event-${i}`);
      expect(dangers(html), HOSTILE[i]?.slice(0, 60)).toEqual([]);
    }
  });

  it("searches hostile content and reflects hostile queries as text only", async () => {
    for (const q of ["script", "alert", "javascript", "img onerror", "svg", "constructor", "style", "exe", "byte"]) {
      const html = await render(`/es/search?q=${encodeURIComponent(q)}`);
      expect(dangers(html), q).toEqual([]);
      expect(html).toContain("<mark>");
    }
    for (const text of HOSTILE) {
      const q = text.slice(0, 200);
      const res = await site.request(`/en/search?q=${encodeURIComponent(q)}&kind=news`);
      expect(res.status, q).toBe(200);
      const html = await res.text();
      expect(dangers(html), q).toEqual([]);
      const input = [...elements(parse(html))].find(
        (e) => e.tagName === "input" && e.attrs.some((a) => a.name === "id" && a.value === "q"),
      );
      expect(input?.attrs.find((a) => a.name === "value")?.value.replace(/\r\n?/g, "\n")).toBe(
        q.trim().replaceAll("\u0000", "\uFFFD").replace(/\r\n?/g, "\n"),
      );
    }
  });

  it("answers hostile filter values with a 400 page that is itself safe", async () => {
    for (const text of HOSTILE.slice(0, 30)) {
      for (const name of ["kind", "topic", "country", "year", "language", "cursor"]) {
        const res = await site.request(`/es/library?${name}=${encodeURIComponent(text.slice(0, 100))}`);
        expect(res.status).toBe(400);
        expect(dangers(await res.text())).toEqual([]);
      }
    }
  });
});
