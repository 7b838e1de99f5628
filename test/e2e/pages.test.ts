import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "../bench/pages.js";
import { axeViolations, describeViolations } from "../support/axe.js";
import { launchChromium } from "../support/browser.js";
import { HOSTING_ORIGIN } from "../support/emulator-suite.js";

// Every page type in both working languages, through the Hosting emulator (rewrites to the site
// function, static assets from hosting/public) that scripts/test.mjs starts with the seed loaded.
// E2E_BASE_URL points the suite at another server of the same site.
const BASE_URL = process.env.E2E_BASE_URL ?? HOSTING_ORIGIN;

let browser: Browser;
/** JavaScript on, CSP bypassed so axe-core can be injected; one page reused for every visit. */
let withJs: BrowserContext;
let page: Page;
/** JavaScript off: the site must work as plain HTML forms and links. */
let withoutJs: BrowserContext;
let plain: Page;

beforeAll(async () => {
  browser = await launchChromium();
  withJs = await browser.newContext({ baseURL: BASE_URL, bypassCSP: true });
  page = await withJs.newPage();
  page.setDefaultTimeout(10_000);
  withoutJs = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled: false });
  plain = await withoutJs.newPage();
  plain.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
});

async function visit(target: Page, path: string) {
  const response = await target.goto(path, { waitUntil: "load", timeout: 30_000 });
  if (!response) throw new Error(`no response for ${path}`);
  return response;
}

describe.each(PAGE_LANGS)("every page type in %s", (lang) => {
  // Each page is loaded once; the checks below read it in turn, the keyboard one last because
  // it moves the focus.
  describe.each(PAGE_TYPES)("$name", (type) => {
    const path = pageUrl(lang, type);
    let status: number;
    beforeAll(async () => {
      status = (await visit(page, path)).status();
    });

    it(`answers ${type.status} with the page's language, landmarks and one heading`, async () => {
      expect(status).toBe(type.status);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await page.title()).not.toBe("");
      expect(await page.getByRole("banner").count()).toBe(1);
      expect(await page.getByRole("navigation").count()).toBeGreaterThanOrEqual(1);
      expect(await page.getByRole("main").count()).toBe(1);
      expect(await page.getByRole("contentinfo").count()).toBe(1);
      expect(await page.locator("h1").count()).toBe(1);
    });

    const facts = type.facts?.[lang];
    if (facts) {
      it(`shows the report's facts: ${facts.join(", ")}`, async () => {
        // biome-ignore lint/performance/useDomNodeTextContent: the facts must be rendered visibly, which only innerText tells.
        const text = await page.locator("main").innerText();
        for (const fact of facts) expect(text).toContain(fact);
      });
    }

    it("has no WCAG 2.1 A/AA violation", async () => {
      const violations = await axeViolations(page);
      expect(violations, `axe found on ${path}:\n${describeViolations(violations)}`).toHaveLength(0);
    });

    it("lets a keyboard user see the focus and skip to the main content", async () => {
      await page.keyboard.press("Tab");
      const skip = page.locator(":focus");
      expect(await skip.getAttribute("href")).toBe("#main");
      // A focused skip link must be seen, not only announced.
      const box = await skip.boundingBox();
      expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true);
      // The focus ring: a solid outline at least 2 px wide (WCAG 2.4.7).
      const ring = await skip.evaluate((el) => {
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
      });
      expect(ring.style).toBe("solid");
      expect(ring.width).toBeGreaterThanOrEqual(2);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    });
  });
});

describe("without JavaScript", () => {
  it("lists the library", async () => {
    const response = await visit(plain, "/es/library");
    expect(response.status()).toBe(200);
    expect(await plain.locator("main a[href='/es/documents/santiago-2005-executive-report']").count()).toBeGreaterThan(
      0,
    );
  });

  it("filters the library through its form", async () => {
    await visit(plain, "/en/library");
    const topic = plain.locator("main form select[name='topic']");
    await topic.selectOption("sme-participation");
    const form = plain.locator("main form", { has: plain.locator("select[name='topic']") });
    const [response] = await Promise.all([
      plain.waitForResponse((r) => r.url().includes("/en/library?")),
      form.locator("[type='submit']").first().click(),
    ]);
    expect(response.status()).toBe(200);
    await plain.waitForURL(/\/en\/library\?/);
    const url = new URL(plain.url());
    expect(url.searchParams.get("topic")).toBe("sme-participation");
    expect(await plain.locator("main a[href='/en/documents/santiago-2005-executive-report']").count()).toBeGreaterThan(
      0,
    );
  });

  it("searches from the header's search form", async () => {
    await visit(plain, "/es/");
    await plain.locator("header form[role='search'] input[name='q']").fill("pymes");
    const [response] = await Promise.all([
      plain.waitForResponse((r) => r.url().includes("/es/search?q=pymes")),
      plain.keyboard.press("Enter"),
    ]);
    expect(response.status()).toBe(200);
    await plain.waitForURL(/\/es\/search\?q=pymes/);
    expect(await plain.locator("main a[href='/es/documents/santiago-2005-executive-report']").count()).toBeGreaterThan(
      0,
    );
  });
});
