import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { expect } from "vitest";
import { axeViolations, describeViolations } from "./axe.js";
import { consoleUrl } from "./emulator-suite.js";

/**
 * A page in English (United States) in a browsing context of its own, `options` added, waiting up
 * to `timeoutMs` for each step. `checkableScreen` gives the usual console screen.
 */
export async function englishPage(browser: Browser, options: BrowserContextOptions, timeoutMs: number): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-US", ...options })).newPage();
  page.setDefaultTimeout(timeoutMs);
  return page;
}

/**
 * A console screen `width` px wide and 800 high, where axe-core can be injected (as a script,
 * which the console's CSP would refuse, so the CSP is bypassed). Close it with its context.
 */
export const checkableScreen = (browser: Browser, width: number, timeoutMs: number) =>
  englishPage(browser, { viewport: { width, height: 800 }, bypassCSP: true }, timeoutMs);

/**
 * Signs `account` in with its password on the console's home; done once the header names the
 * person (`name`, as their member record says), or shows the address of an account without one.
 */
export async function signInToConsole(
  page: Page,
  account: { email: string; password: string; name?: string },
): Promise<void> {
  await page.goto(consoleUrl());
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect.poll(() => page.locator("#who").textContent()).toContain(account.name ?? account.email);
}

/**
 * A console screen as a person on a phone meets it: no axe-core violation of WCAG 2.1 A or AA,
 * and usable at 360 px, where nothing wider than the screen makes the page scroll sideways.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.waitForLoadState("load");
  const violations = await axeViolations(page);
  expect(violations, `axe found on ${screen}:\n${describeViolations(violations)}`).toHaveLength(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
}

/**
 * Chooses `name` in a searchable list (lib/choice-field.tsx) with the keyboard only, as a person
 * would: types part of the name, moves to the first match with ArrowDown and takes it with Enter.
 */
export async function chooseByName(page: Page, field: string, name: string, typed = name): Promise<void> {
  const input = page.locator(field);
  await input.focus();
  await page.keyboard.type(typed);
  // An option's name may carry its hint after the name ("Chile Time · GMT-3").
  await page.getByRole("option", { name }).first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page
    .getByRole("button", { name: `Remove ${name}`, exact: true })
    .first()
    .waitFor();
}

/**
 * Unfolds the console's menu (hosting/console/menu.tsx) where a narrow screen folds it behind its
 * button, as a person on a phone would, so its links can be read and clicked; on a wide screen,
 * where every item is always in sight, does nothing.
 */
export async function unfoldMenu(page: Page): Promise<void> {
  const toggle = page.locator("header nav .menu-toggle");
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

/**
 * Opens a screen from the console's menu at any width: the link named `name` (as
 * getByRole("link") matches it, `exact` if asked) or the one to `href` ("#/registration").
 */
export async function openFromMenu(
  page: Page,
  link: { name: string; exact?: boolean } | { href: string },
): Promise<void> {
  await unfoldMenu(page);
  const menu = page.locator("header nav");
  await ("href" in link ? menu.locator(`a[href="${link.href}"]`) : menu.getByRole("link", link)).click();
}
