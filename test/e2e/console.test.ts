import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, ensureDemoAccounts } from "../../scripts/demo-accounts.mjs";
import { launchChromium } from "../support/browser.js";
import { emulatorHost, HOSTING_ORIGIN } from "../support/emulator-suite.js";

let browser: Browser;
let page: Page;
beforeAll(async () => {
  await ensureDemoAccounts({
    projectId: "demo-compraspublicas",
    authHost: emulatorHost("FIREBASE_AUTH_EMULATOR_HOST"),
    firestoreHost: emulatorHost("FIRESTORE_EMULATOR_HOST"),
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: "en-US" })).newPage();
  page.setDefaultTimeout(15_000);
});
afterAll(() => browser?.close());

const editor = DEMO_ACCOUNTS.find((a) => a.role === "committee");
const member = DEMO_ACCOUNTS.find((a) => a.role === "member");

describe("committee console sign-in", () => {
  it("keeps the typed email and says what was wrong after a wrong password", async () => {
    if (!editor) throw new Error("no demo committee member");
    await page.goto(`${HOSTING_ORIGIN}/console/`);
    await page.getByLabel("Correo / Email").fill(editor.email);
    await page.getByLabel("Contraseña / Password").fill("not-the-password");
    await page.getByRole("button", { name: "Entrar / Sign in" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 10_000 })
      .toContain("Wrong email or password");
    expect(await page.getByLabel("Correo / Email").inputValue()).toBe(editor.email);
  });

  it("signs a demo committee member in and lists the seeded documents from Firestore", async () => {
    if (!editor) throw new Error("no demo committee member");
    await page.getByLabel("Contraseña / Password").fill(editor.password);
    await page.getByRole("button", { name: "Entrar / Sign in" }).click();
    await expect
      .poll(() => page.locator("#who").textContent(), { timeout: 10_000 })
      .toBe(`${editor.email} · committee`);
    await expect
      .poll(() => page.locator("#documents").textContent(), { timeout: 10_000 })
      .toContain("III Inter-American Seminar in E-Government Procurement: Executive Report");
    await page.getByRole("button", { name: "Salir / Sign out" }).click();
    await expect.poll(() => page.getByLabel("Correo / Email").isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it("signs a member in and lists the published documents the rules let a member read", async () => {
    if (!member) throw new Error("no demo member");
    await page.getByLabel("Correo / Email").fill(member.email);
    await page.getByLabel("Contraseña / Password").fill(member.password);
    await page.getByRole("button", { name: "Entrar / Sign in" }).click();
    await expect.poll(() => page.locator("#who").textContent(), { timeout: 10_000 }).toBe(`${member.email} · member`);
    await expect
      .poll(() => page.locator("#documents").textContent(), { timeout: 10_000 })
      .toContain("III Inter-American Seminar in E-Government Procurement: Executive Report");
    await page.getByRole("button", { name: "Salir / Sign out" }).click();
    await expect.poll(() => page.getByLabel("Correo / Email").isVisible(), { timeout: 10_000 }).toBe(true);
  });
});
