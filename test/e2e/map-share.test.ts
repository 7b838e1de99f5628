import type { Browser, BrowserContext, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "../bench/pages.js";
import { launchChromium } from "../support/browser.js";
import { HOSTING_ORIGIN } from "../support/emulator-suite.js";

// The map and the share images as a new user meets them after `npm start`: through the Hosting
// emulator (rewrite to the site function), with JavaScript off.
const BASE_URL = process.env.E2E_BASE_URL ?? HOSTING_ORIGIN;

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled: false });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});
afterAll(() => browser?.close());

describe("the map, without JavaScript", () => {
  it.each([
    ["es", "México: representado en Santiago de Chile, 2005", "/es/countries/mx"],
    ["en", "Brazil: Executive Committee seat", "/en/countries/br"],
  ])("takes a click on a country (%s) to its page, by its accessible name", async (lang, name, target) => {
    await page.goto(`/${lang}/members`);
    const country = page.getByRole("link", { name, exact: true });
    expect(await country.count()).toBe(1);
    await Promise.all([page.waitForURL(`**${target}`), country.click()]);
    expect(await page.getByRole("link", { name: /: (este país|this country)$/ }).getAttribute("href")).toBe(target);
  });
});

describe("share images through Hosting", () => {
  it.each(PAGE_LANGS)("answers every %s page's og:image with a 1200 × 630 PNG", async (lang) => {
    const seen = new Set<string>();
    for (const type of PAGE_TYPES) {
      const html = await (await fetch(`${BASE_URL}${pageUrl(lang, type)}`)).text();
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      expect(image, type.name).toBeDefined();
      const path = new URL(image ?? "").pathname;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await fetch(`${BASE_URL}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
      expect([png.width, png.height]).toEqual([1200, 630]);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
