import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { consoleUrl, HOSTING_ORIGIN } from "../support/emulator-suite.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe("the public site through the Hosting emulator", () => {
  it("shows the seeded network on the Spanish home page", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${HOSTING_ORIGIN}/es/`);
    expect(response?.status()).toBe(200);
    for (const text of ["Red Interamericana de Compras Gubernamentales", "Santiago"]) {
      expect(await page.getByText(text).first().isVisible(), `"${text}" is visible`).toBe(true);
    }
    await page.close();
  });

  it("serves robots.txt from Hosting, since Cloud Functions answer that path with a 404 themselves", async () => {
    const response = await fetch(`${HOSTING_ORIGIN}/robots.txt`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Sitemap: https://www.compraspublicas.org/sitemap.xml");
  });

  it("serves the console on its own origin, at its root, without a redirect", async () => {
    const response = await fetch(consoleUrl(), { redirect: "manual" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Consola del Comité");
  });

  it("answers /console/ on the public origin with a permanent redirect to the console's origin, and serves none of it", async () => {
    for (const path of ["/console", "/console/", "/console/index.html", "/console/assets/x.js"]) {
      const response = await fetch(`${HOSTING_ORIGIN}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(301);
      expect(response.headers.get("location"), path).toBe(consoleUrl());
    }
  });

  it("keeps crawlers out of the console's origin", async () => {
    const response = await fetch(consoleUrl("/robots.txt"));
    expect(response.status).toBe(200);
    expect((await response.text()).split("\n")).toContain("Disallow: /");
    expect((await fetch(consoleUrl())).headers.get("x-robots-tag")).toBe("noindex");
  });
});
