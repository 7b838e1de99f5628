import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleUi } from "../../hosting/console/i18n/messages.js";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT, demoLogin } from "../support/console-callers.js";
import { checkableScreen, expectAccessible, openFromMenu, signInToConsole } from "../support/console-page.js";
import { consoleUrl } from "../support/emulator-suite.js";

// Registration in the console, in Chromium against the emulators, in Spanish: Chile's committee
// representative opens registration for an upcoming event (a mistake first, shown beside its
// field with what was typed kept), reads its registrations and downloads them; the secretariat
// approves a registration waiting for approval on a 360 px screen. Every screen passes axe-core
// and shows names, never the model's codes.
const ES = consoleUi.es;
const RUN = randomBytes(4).toString("hex");
const EVENT = `reg-e2e-${RUN}`;
const TITLE = `Seminario de inscripción ${RUN}`;
const WAITING = "0000000000000000000000000000e2e1";
const WAITING_NAME = `Periodista ${RUN}`;
const CODES = ["awaitingApproval", "confirming", "waitlisted", "registration.", "press", "observer", "undefined"];

const app = initializeApp({ projectId: DEMO_PROJECT }, `console-registration-${RUN}`);
const db = getFirestore(app);
let browser: Browser;
const login = demoLogin;

beforeAll(async () => {
  const seeded = (await db.doc("events/iii-seminar-santiago-2005").get()).data();
  if (!seeded) throw new Error("the seed has the 2005 seminar");
  await db.doc(`events/${EVENT}`).set({
    ...seeded,
    id: EVENT,
    title: { es: TITLE, en: TITLE },
    status: "planned",
    start: "2027-06-20",
    end: "2027-06-23",
    publication: "published",
  });
  // A person who confirmed as press, a category the secretariat will approve (as requests.ts leaves it).
  await db.doc(`registrations/${WAITING}`).set({
    eventId: EVENT,
    name: WAITING_NAME,
    address: `press-${RUN}@example.org`,
    institution: "Diario de las Compras",
    country: "PE",
    category: "press",
    lang: "es",
    sessions: [],
    publicListConsent: false,
    requestedAtMs: Date.now(),
    status: { state: "awaitingApproval", atMs: Date.now() },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const path of [
    `events/${EVENT}`,
    `registrations/${WAITING}`,
    `registrationSettings/${EVENT}`,
    `registrationCounters/${EVENT}`,
  ])
    await db.doc(path).delete();
  for (const id of [EVENT, WAITING]) {
    const audit = await db.collection("audit").where("target.id", "==", id).get();
    await Promise.all(audit.docs.map((d) => d.ref.delete()));
  }
  await deleteApp(app);
});

async function spanish(key: string, width: number): Promise<Page> {
  const page = await checkableScreen(browser, width, 20_000);
  await signInToConsole(page, login(key));
  await page.locator("#ui-lang").selectOption("es");
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("es");
  return page;
}

async function expectNoCodes(page: Page, screen: string) {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here.
  const text = (await page.locator("main").innerText()).replace(/\S+@\S+/g, " ");
  expect(
    CODES.filter((code) => text.includes(code)),
    screen,
  ).toEqual([]);
}

const dayAfter = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("registration in the console", () => {
  it("lets the committee open registration, with a mistake shown beside its field, then read and download who registered", async () => {
    const page = await spanish("committee-cl", 1280);
    try {
      await openFromMenu(page, { href: "#/registration" });
      await page.getByRole("link", { name: `Ajustes de inscripción de «${TITLE}»` }).click();
      await page.getByLabel(ES["ui.reg.opens"]).fill(`${dayAfter(-1)}T09:00`);
      await page.getByLabel(ES["ui.reg.closes"]).fill(`${dayAfter(-2)}T09:00`);
      await page.getByLabel(ES["ui.reg.places"]).fill("30");
      await page.getByLabel(ES["ui.reg.category.press"]).nth(1).check();
      await page.getByRole("button", { name: ES["ui.reg.open"] }).click();
      await expect.poll(() => page.locator("#reg-closesAtMs-error").textContent()).toBe(ES["ui.reg.err.closesAfter"]);
      expect(await page.locator("#reg-closesAtMs").getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByLabel(ES["ui.reg.places"]).inputValue()).toBe("30");
      await expectAccessible(page, "the settings form with an error");
      await expectNoCodes(page, "the settings form");

      await page.getByLabel(ES["ui.reg.closes"]).fill("2027-06-01T18:00");
      // The first session gets a room of its own.
      await page.locator("#reg-room-0").fill("12");
      await page.getByRole("button", { name: ES["ui.reg.open"] }).click();
      await expect.poll(() => page.locator("#status").textContent()).toBe(`La inscripción de «${TITLE}» está abierta.`);
      const stored = (await db.doc(`registrationSettings/${EVENT}`).get()).data();
      expect(stored).toMatchObject({ places: 30, approvalCategories: ["press"] });
      expect(stored?.sessionRooms).toEqual([{ session: 0, places: 12 }]);
      // 09:00 in Santiago, the event's zone, whatever the browser's.
      expect(new Date(stored?.opensAtMs).toISOString()).toMatch(/T1[23]:00:00/);

      await page.getByRole("link", { name: ES["ui.reg.back"] }).click();
      await page.getByRole("link", { name: `Inscripciones de «${TITLE}»` }).click();
      await expect.poll(() => page.locator("main").textContent()).toContain(WAITING_NAME);
      await expect.poll(() => page.locator("main").textContent()).toContain(ES["ui.reg.approvalsReadOnly"]);
      // The room's seats held of its places, in a table of its own.
      const rooms = page.getByRole("table", { name: ES["ui.rooms.title"] });
      await expect.poll(() => rooms.textContent()).toContain("0 de 12");
      expect(await page.getByRole("button", { name: ES["ui.reg.approve"] }).count()).toBe(0);
      await page.getByLabel(ES["ui.reg.search"]).fill("diario compras");
      await expect.poll(() => page.locator("main").textContent()).toContain("Se muestran 1 de 1.");
      await expectAccessible(page, "the registrations of an event");
      await expectNoCodes(page, "the registrations of an event");

      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: ES["ui.reg.exportCsv"] }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`registrations-${EVENT}.csv`);
      const path = await file.path();
      const rows = parse(await readFile(path, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
      expect(rows.map((r) => r.name)).toEqual([WAITING_NAME]);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it("lets the secretariat approve a registration on a phone-sized screen, in words", async () => {
    const page = await spanish("secretariat", 360);
    try {
      await page.goto(consoleUrl(`/#/registration/${EVENT}/settings`));
      await expect.poll(() => page.getByLabel(ES["ui.reg.places"]).inputValue()).toBe("30");
      await expectAccessible(page, "the settings form at 360 px");
      await expectNoCodes(page, "the settings form at 360 px");
      await page.getByRole("link", { name: ES["ui.reg.back"] }).click();
      await page.getByRole("link", { name: `Inscripciones de «${TITLE}»` }).click();
      await expect.poll(() => page.locator("main").textContent()).toContain(ES["ui.reg.approvalsNote"]);
      await expectAccessible(page, "the registrations at 360 px");
      await expectNoCodes(page, "the registrations at 360 px");
      await page.getByRole("button", { name: `Aprobar la inscripción de ${WAITING_NAME}` }).click();
      await expect
        .poll(() => page.locator("#status").textContent())
        .toContain(`Inscripción de ${WAITING_NAME} aprobada`);
      await expect
        .poll(async () => (await db.doc(`registrations/${WAITING}`).get()).get("status.state"), { timeout: 20_000 })
        .toBe("confirmed");
    } finally {
      await page.context().close();
    }
  }, 120_000);
});

describe("registration in the console on a phone", () => {
  const ANOTHER = "0000000000000000000000000000e2e2";
  const ANOTHER_NAME = `Fotógrafa ${RUN}`;

  it("names the event's time zone as people know it and keeps a waiting person's approval in sight at 360 px", async () => {
    await db.doc(`registrations/${ANOTHER}`).set({
      eventId: EVENT,
      name: ANOTHER_NAME,
      address: `photo-${RUN}@example.org`,
      institution: "Revista de las Compras Públicas Interamericanas",
      country: "PE",
      category: "press",
      lang: "es",
      sessions: [],
      publicListConsent: false,
      requestedAtMs: Date.now(),
      status: { state: "awaitingApproval", atMs: Date.now() },
    });
    const page = await spanish("secretariat", 360);
    try {
      await page.goto(consoleUrl(`/#/registration/${EVENT}/settings`));
      await expect.poll(() => page.getByLabel(ES["ui.reg.places"]).inputValue()).toBe("30");
      // The seeded event keeps Santiago's zone: its name, never its IANA code.
      await expect.poll(() => page.locator("main").textContent()).toContain("hora de Chile");
      expect(await page.locator("main").textContent()).not.toMatch(/America\//);
      await page.getByRole("link", { name: ES["ui.reg.back"] }).click();
      const open = page.getByRole("link", { name: `Inscripciones de «${TITLE}»` });
      await expectInSight(page, open, "the event's registrations link in the events table");
      await open.click();
      const approve = page.getByRole("button", { name: `Aprobar la inscripción de ${ANOTHER_NAME}` });
      await approve.waitFor();
      await expectInSight(page, approve, "the approval of a waiting person");
      await expectAccessible(page, "the registrations at 360 px, a person waiting");
      await expectNoCodes(page, "the registrations at 360 px, a person waiting");
    } finally {
      await page.context().close();
      await db.doc(`registrations/${ANOTHER}`).delete();
    }
  }, 120_000);
});

/** A link or button fully inside the screen's width, in a table that does not scroll sideways. */
async function expectInSight(page: Page, action: ReturnType<Page["locator"]>, what: string) {
  const box = await action.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box?.x ?? -1, what).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0), what).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  const sideways = await action.evaluate((element) => {
    const scroller = element.closest(".scroll");
    return scroller ? scroller.scrollWidth - scroller.clientWidth : 0;
  });
  expect(sideways, `${what}: its table scrolls sideways`).toBeLessThanOrEqual(1);
}
