import { describe, expect, it } from "vitest";
import { isSafeLink, renderMarkdown } from "./markdown.js";

const ORIGIN = "https://www.compraspublicas.org";
const hrefs = (html: string) => [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

describe("isSafeLink", () => {
  it.each([
    "https://example.org/a?b=c#d",
    "http://example.org",
    "mailto:someone@example.org",
    "/es/library",
    "../other",
    "#section",
    "?q=x",
    "//example.org/path",
    "page.html?time=10:30",
  ])("allows %s", (url) => {
    expect(isSafeLink(url)).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u0000script:alert(1)",
    "java%09script:alert(1)",
    "%6Aavascript:alert(1)",
    "%256Aavascript:alert(1)",
    "javascript\u200b:alert(1)",
    "\u202ejavascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "DATA:image/png;base64,AAAA",
    "file:///etc/passwd",
    "ftp://example.org",
    "jar:http://x!/",
    "x-unknown:thing",
  ])("refuses %j", (url) => {
    expect(isSafeLink(url)).toBe(false);
  });
});

describe("renderMarkdown", () => {
  it.each([
    "[a](javascript:alert(1))",
    "[a](JAVASCRIPT:alert(1))",
    "[a](&#106;avascript:alert(1))",
    "[a](&#x6A;avascript&#x3A;alert(1))",
    "[a](java&#x09;script:alert(1))",
    "[a](java&Tab;script:alert(1))",
    "[a](<java\tscript:alert(1)>)",
    "[a](%6Aavascript:alert(1))",
    "[a](vbscript:msgbox(1))",
    "[a](data:text/html;base64,PHNjcmlwdD4=)",
    "![a](data:image/png;base64,AAAA)",
    "![a](javascript:alert(1))",
    "[a](file:///etc/passwd)",
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "[x]: javascript:alert(1)\n\n[y][x]",
    "[x]: data:text/html,hi\n\n![y][x]",
    "javascript:alert(1)",
  ])("renders %j without a dangerous link", (source) => {
    const html = renderMarkdown(source, ORIGIN);
    for (const href of hrefs(html)) expect(isSafeLink(href ?? ""), href).toBe(true);
    expect(html).not.toMatch(/\b(?:href|src)="\s*(?:javascript|vbscript|data|file):/i);
  });

  it("shows raw HTML as text", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<a href="javascript:x">y</a>',
      ORIGIN,
    );
    expect(html).not.toMatch(/<(script|img|a)\b/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("keeps safe links and marks links to other sites nofollow noopener", () => {
    const html = renderMarkdown(
      "[OAS](https://www.oas.org) [home](/es/) [mail](mailto:a@example.org) [us](https://www.compraspublicas.org/en/) www.example.org",
      ORIGIN,
    );
    expect(html).toContain('<a href="https://www.oas.org" rel="nofollow noopener">OAS</a>');
    expect(html).toContain('<a href="/es/">home</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
    expect(html).toContain('<a href="https://www.compraspublicas.org/en/">us</a>');
    expect(html).toContain('<a href="http://www.example.org" rel="nofollow noopener">www.example.org</a>');
  });

  it("tells the site's own links from others by the origin it is given, not a fixed one", () => {
    const html = renderMarkdown(
      "[us](https://www.compraspublicas.org/en/) [staging](https://staging.example.org/)",
      "https://staging.example.org",
    );
    expect(html).toContain('<a href="https://www.compraspublicas.org/en/" rel="nofollow noopener">us</a>');
    expect(html).toContain('<a href="https://staging.example.org/">staging</a>');
  });

  it("shifts headings so the body starts at h2, whatever level it starts at", () => {
    expect(renderMarkdown("# A\n\n## B\n\n###### F", ORIGIN)).toBe("<h2>A</h2>\n<h3>B</h3>\n<h6>F</h6>\n");
    expect(renderMarkdown("### A\n\n#### B", ORIGIN)).toBe("<h2>A</h2>\n<h3>B</h3>\n");
    expect(renderMarkdown("## A\n\n### B", ORIGIN)).toBe("<h2>A</h2>\n<h3>B</h3>\n");
    expect(renderMarkdown("A\n===\n\nB\n---", ORIGIN)).toBe("<h2>A</h2>\n<h3>B</h3>\n");
    expect(renderMarkdown("plain text", ORIGIN)).toBe("<p>plain text</p>\n");
  });
});
