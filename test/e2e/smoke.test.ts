import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { HOSTING_ORIGIN } from "../support/emulator-suite.js";

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

  it("serves the console at /console/ without a redirect", async () => {
    const response = await fetch(`${HOSTING_ORIGIN}/console/`, { redirect: "manual" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Consola del Comité");
  });
});
