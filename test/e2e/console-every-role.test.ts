import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, RECORD_TYPES } from "../../functions/src/model/audit.js";
import { PUBLICATION_STATES } from "../../functions/src/model/common.js";
import { DELEGATE_STATES, DELEGATION_STATES } from "../../functions/src/model/delegation.js";
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, TRANSLATION_STATUSES } from "../../functions/src/model/document.js";
import { EVENT_KINDS, EventSchema, SESSION_TYPES } from "../../functions/src/model/event.js";
import { InitiativeSchema } from "../../functions/src/model/initiative.js";
import { INSTITUTION_KINDS } from "../../functions/src/model/institution.js";
import { DELIVERY_STATES } from "../../functions/src/model/outbox.js";
import { ROLES } from "../../functions/src/model/roles.js";
import { consoleUi } from "../../hosting/console/i18n/messages.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { axeViolations, describeViolations } from "../support/axe.js";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT, ensureDemoLogins } from "../support/console-callers.js";
import { openFromMenu, signInToConsole } from "../support/console-page.js";
import { consoleUrl } from "../support/emulator-suite.js";

// Every demo login of `npm start`, in the Spanish interface, on every screen its menu offers and
// every new-item form those screens link to, at 1280 px and 360 px: no error banner, no error in
// the browser's console, no screen left loading, nothing axe-core finds, and no code where a
// person expects a word. The codes come from the model and the demo accounts themselves, so a
// new kind, state or action is looked for the day it exists.

const ES = consoleUi.es;
const WIDTHS = [1280, 360] as const;
const CL_DRAFT = "every-role-cl-draft";
const MX_DRAFT = "every-role-mx-draft";
const MX_IN_REVIEW = "every-role-mx-review";
const FIXTURES = [CL_DRAFT, MX_DRAFT, MX_IN_REVIEW];

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Codes a person must never read in a Spanish interface: kinds, states, roles, actions, account ids. */
const RAW_CODES = [
  ...new Set<string>([
    ...DOCUMENT_KINDS,
    ...EVENT_KINDS,
    ...SESSION_TYPES,
    ...INSTITUTION_KINDS,
    ...DOCUMENT_STATUSES,
    ...PUBLICATION_STATES,
    ...EventSchema.shape.status.options,
    ...InitiativeSchema.shape.crossLink.options,
    ...TRANSLATION_STATUSES,
    ...DELIVERY_STATES,
    ...ROLES,
    ...RECORD_TYPES,
    ...AUDIT_ACTIONS,
    ...DELEGATION_STATES,
    ...DELEGATE_STATES,
    ...DEMO_ACCOUNTS.map((a) => a.uid),
  ]),
];
/**
 * Some codes are Spanish words too ("original", "multilateral"): the ones the Spanish catalogue
 * itself writes as words are words, and are not looked for.
 */
const SPANISH_TEXT = Object.values(ES)
  .map((text) => text.replace(/\{[^}]*\}/g, " "))
  .join("\n");
const isSpanishWord = (code: string) => new RegExp(`(?<![\\w-])${literal(code)}(?![\\w-])`, "i").test(SPANISH_TEXT);
const CODES = RAW_CODES.filter((code) => !isSpanishWord(code));
/** What the rules, the SDK and the server say to a developer. */
const DEVELOPER_WORDS = [
  "false for 'list'",
  "false for 'get'",
  "PERMISSION_DENIED",
  "Missing or insufficient permissions",
  "FirebaseError",
  "is undefined on object",
  "Request failed",
];

/** The codes and developer words in a text; addresses are the person's own and left out. */
function rawWords(text: string): string[] {
  const visible = text.replace(/\S+@\S+/g, " ");
  const codes = CODES.filter((code) => new RegExp(`(?<![\\w@./-])${literal(code)}(?![\\w@/-])`).test(visible));
  return [...codes, ...DEVELOPER_WORDS.filter((w) => visible.includes(w))];
}

const app = initializeApp({ projectId: DEMO_PROJECT }, "console-every-role");
const db = getFirestore(app);
let browser: Browser;

beforeAll(async () => {
  await ensureDemoLogins();
  // Another country's draft, which a member of Mexico may not read, and two of Mexico's own.
  const [seeded] = (await db.collection("documents").where("status", "==", "published").limit(1).get()).docs;
  if (!seeded) throw new Error("the seed has a published document");
  const fixture = (id: string, status: string, country: string, title: string) =>
    db.doc(`documents/${id}`).set({
      ...seeded.data(),
      id,
      status,
      countries: [country],
      title: { ...seeded.get("title"), es: title },
    });
  await fixture(CL_DRAFT, "draft", "CL", "Borrador de Chile");
  await fixture(MX_DRAFT, "draft", "MX", "Borrador de México");
  await fixture(MX_IN_REVIEW, "in-review", "MX", "Informe de México en revisión");
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const id of FIXTURES) await db.recursiveDelete(db.doc(`documents/${id}`));
  await deleteApp(app);
});

/** A signed-in page in Spanish, recording what the browser's console reports as errors. */
async function spanishConsole(account: (typeof DEMO_ACCOUNTS)[number], width: number) {
  // CSP bypassed so axe-core can be injected; console-origin.test.ts checks the console under its CSP.
  const context = await browser.newContext({ locale: "en-US", viewport: { width, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await signInToConsole(page, account);
  await page.locator("#ui-lang").selectOption("es");
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("es");
  return { page, errors };
}

/** Waits for a screen to finish loading and lists what is wrong with it. */
async function problemsOf(page: Page, errors: string[], screen: string): Promise<string[]> {
  const problems: string[] = [];
  const main = page.locator("main");
  const loaded = await expect
    .poll(() => main.textContent(), { timeout: 20_000 })
    .not.toContain(ES["ui.loading"])
    .then(
      () => true,
      () => false,
    );
  if (!loaded) problems.push(`${screen}: never finishes loading`);
  const banner = await page.locator("#status.error").allInnerTexts();
  if (banner.some((text) => text.trim() !== "")) problems.push(`${screen}: error banner "${banner.join(" ")}"`);
  const alerts = await page.locator("[role=alert]:visible").allInnerTexts();
  if (alerts.some((text) => text.trim() !== "")) problems.push(`${screen}: alert "${alerts.join(" ")}"`);
  for (const error of errors.splice(0)) problems.push(`${screen}: console error "${error}"`);
  const violations = await axeViolations(page);
  if (violations.length > 0) problems.push(`${screen}: axe-core\n${describeViolations(violations)}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`${screen}: scrolls sideways by ${overflow} px`);
  const raw = rawWords(await visibleText(page));
  if (raw.length > 0) problems.push(`${screen}: raw codes in the text: ${raw.join(", ")}`);
  return problems;
}

/** The text a person sees (innerText leaves out what is hidden, as a screen's unused templates). */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here.
const visibleText = (page: Page) => page.locator("body").innerText();

/** The screens the menu offers, as the page lists them. */
const menuOf = (page: Page) =>
  page.locator("header nav a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));

describe.each(DEMO_ACCOUNTS.map((a) => [a.uid, a] as const))("the console of %s", (_uid, account) => {
  it.each(WIDTHS)(
    "opens every screen its menu offers, and each new-item form, without an error or a code at %i px",
    async (width) => {
      const { page, errors } = await spanishConsole(account, width);
      try {
        const problems = await problemsOf(page, errors, "#/ (home)");
        const menu = await menuOf(page);
        expect(menu.length).toBeGreaterThan(2);
        const forms = new Set<string>();
        for (const href of menu) {
          await openFromMenu(page, { href });
          problems.push(...(await problemsOf(page, errors, href)));
          const links = await page
            .locator("main a")
            .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "").filter((h) => /^#\/.*\/?new$/.test(h)));
          for (const link of links) if (!menu.includes(link)) forms.add(link);
        }
        for (const href of forms) {
          await openFromMenu(page, { href: "#/" });
          await page.evaluate((h) => {
            location.hash = h;
          }, href);
          problems.push(...(await problemsOf(page, errors, href)));
        }
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    240_000,
  );
});

describe("a member's home", () => {
  it("shows their country's drafts and what waits for review, and nothing of another country's", async () => {
    const member = DEMO_ACCOUNTS.find((a) => a.uid === "demo-member-mx");
    if (!member) throw new Error("no demo member");
    const { page } = await spanishConsole(member, 1280);
    try {
      const section = (heading: string) =>
        page.locator("section").filter({ has: page.getByRole("heading", { name: heading }) });
      await expect.poll(() => section(ES["ui.home.mine"]).textContent()).toContain("Borrador de México");
      await expect.poll(() => section(ES["ui.home.country"]).textContent()).toContain("Informe de México en revisión");
      expect(await section(ES["ui.home.mine"]).textContent()).not.toContain("Informe de México en revisión");
      expect(await page.locator("main").textContent()).not.toContain("Borrador de Chile");
    } finally {
      await page.context().close();
    }
  });
});

describe("a failure in the console", () => {
  it("tells a member who opens another country's draft by its address what happened and what to do, in Spanish", async () => {
    const member = DEMO_ACCOUNTS.find((a) => a.uid === "demo-member-mx");
    if (!member) throw new Error("no demo member");
    const { page } = await spanishConsole(member, 1280);
    try {
      await page.goto(consoleUrl(`/#/documents/${CL_DRAFT}`));
      await expect.poll(() => page.locator("#status").textContent()).toBe(ES["ui.fail.denied"]);
      await expect.poll(() => page.locator("main").textContent()).toContain(ES["ui.fail.denied"]);
      expect(rawWords(await visibleText(page))).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

/** The tables of a screen that scroll sideways, and the links and buttons in a table out of sight. */
async function outOfSight(page: Page, screen: string): Promise<string[]> {
  return page.evaluate((name) => {
    const problems: string[] = [];
    for (const scroller of Array.from(document.querySelectorAll("main .scroll"))) {
      const caption = scroller.querySelector("caption")?.textContent ?? "";
      if (scroller.scrollWidth > scroller.clientWidth + 1) problems.push(`${name}: «${caption}» scrolls sideways`);
      for (const action of Array.from(scroller.querySelectorAll("tbody a, tbody button"))) {
        const box = action.getBoundingClientRect();
        if (box.left < 0 || box.right > window.innerWidth)
          problems.push(`${name}: «${action.textContent}» in «${caption}» is out of sight`);
      }
    }
    // An IANA zone id ("America/Santiago") is a code: a zone is named as people know it.
    const iana = document
      .querySelector("main")
      ?.textContent?.match(/\b(?:America|Europe|Africa|Asia|Pacific)\/[A-Z]\w+/);
    if (iana) problems.push(`${name}: the zone code ${iana[0]}`);
    return problems;
  }, screen);
}

describe.each(DEMO_ACCOUNTS.map((a) => [a.uid, a] as const))("the console of %s on a phone", (_uid, account) => {
  it("shows every table of every screen its menu offers whole at 360 px, each row's links and buttons in sight, and no zone by its code", async () => {
    const { page, errors } = await spanishConsole(account, 360);
    try {
      const problems: string[] = [];
      for (const href of await menuOf(page)) {
        await openFromMenu(page, { href });
        await expect
          .poll(() => page.locator("main").textContent(), { timeout: 20_000 })
          .not.toContain(ES["ui.loading"]);
        problems.push(...(await outOfSight(page, href)));
      }
      errors.splice(0);
      expect(problems, problems.join("\n")).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 180_000);
});

describe.each(DEMO_ACCOUNTS.map((a) => [a.uid, a] as const))("the menu of %s on a phone", (_uid, account) => {
  it("folds behind a button at 360 px, so the home's content starts on the first screen, and opens by keyboard and by click", async () => {
    const { page, errors } = await spanishConsole(account, 360);
    try {
      const toggle = page.getByRole("button", { name: ES["ui.menu.button"], exact: true });
      const links = page.locator("header nav a");
      const expanded = () => toggle.getAttribute("aria-expanded");
      const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute("href") ?? null);
      const focusedIsToggle = () => toggle.evaluate((button) => document.activeElement === button);

      // Folded: the home's heading starts within the first screen, the screen named beside the button.
      await page.getByRole("heading", { level: 1, name: ES["ui.nav.dashboard"] }).waitFor();
      const headingTop = await page.locator("main h1").evaluate((h) => h.getBoundingClientRect().top);
      expect(headingTop).toBeLessThan(await page.evaluate(() => window.innerHeight));
      expect(await expanded()).toBe("false");
      const list = await toggle.getAttribute("aria-controls");
      expect(await page.locator(`ul#${list}`).isVisible()).toBe(false);
      expect(await page.locator("header nav .menu-here").textContent()).toBe(ES["ui.nav.dashboard"]);
      expect(await page.locator("#who").isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: ES["ui.signOut"], exact: true }).isVisible()).toBe(true);
      expect(await axeViolations(page).then(describeViolations)).toBe("");

      // By keyboard: Enter opens it, Tab walks every item in order and then leaves the menu (no
      // trap), Escape closes it and gives focus back to the button.
      const hrefs = await menuOf(page);
      await toggle.focus();
      await page.keyboard.press("Enter");
      expect(await expanded()).toBe("true");
      for (const href of hrefs) {
        await page.keyboard.press("Tab");
        expect(await focusedHref()).toBe(href);
      }
      expect(await links.first().getAttribute("aria-current")).toBe("page");
      expect(await page.locator('header nav a[aria-current="page"]').count()).toBe(1);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("header nav") ?? null)).toBeNull();
      await page.keyboard.press("Shift+Tab");
      expect(await focusedHref()).toBe(hrefs.at(-1));
      await page.keyboard.press("Escape");
      expect(await expanded()).toBe("false");
      expect(await focusedIsToggle()).toBe(true);
      expect(await links.first().isVisible()).toBe(false);

      // By click: every item in sight and reachable, nothing axe-core finds while it is open.
      await toggle.click();
      expect(await expanded()).toBe("true");
      for (const link of await links.all()) {
        await link.scrollIntoViewIfNeeded();
        expect(await link.isVisible()).toBe(true);
      }
      expect(await axeViolations(page).then(describeViolations)).toBe("");
      await page.keyboard.press("Escape");
      expect(await expanded()).toBe("false");

      // Choosing a screen closes the menu and names that screen beside the button.
      const last = hrefs.at(-1) ?? "#/";
      await openFromMenu(page, { href: last });
      expect(await expanded()).toBe("false");
      const lastName = await links.last().textContent();
      expect(await page.locator("header nav .menu-here").textContent()).toBe(lastName);
      expect(await links.last().getAttribute("aria-current")).toBe("page");
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it("shows every item with no menu button at 1280 px", async () => {
    const { page } = await spanishConsole(account, 1280);
    try {
      expect(await page.getByRole("button", { name: ES["ui.menu.button"], exact: true }).count()).toBe(0);
      for (const link of await page.locator("header nav a").all()) expect(await link.isVisible()).toBe(true);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
