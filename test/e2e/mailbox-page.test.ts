import nodemailer from "nodemailer";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorSmtp, startMailbox } from "../../scripts/mailbox.mjs";
import { launchChromium } from "../support/browser.js";

// The local mailbox `npm start` runs: MailDev's own web page (it answers a browser's request
// for text/html at its root; anything else asking for `/` gets its API's 404), with mail sent
// to it by SMTP as the emulated functions send theirs.
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let browser: Browser;
let page: Page;
const smtp = nodemailer.createTransport({ ...emulatorSmtp(), secure: false, ignoreTLS: true });
const run = `${process.pid}-${Date.now()}`;

beforeAll(async () => {
  mailbox = await startMailbox();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await mailbox?.stop();
});

function send(subject: string, extra: Partial<Parameters<typeof smtp.sendMail>[0]> = {}) {
  return smtp.sendMail({
    from: "Red Interamericana <no-reply@demo.compraspublicas.org>",
    to: "representante@example.org",
    subject,
    text: `Texto de ${subject}`,
    ...extra,
  });
}

describe("the local mailbox's web page", () => {
  it("is served to a browser at the address npm start prints", async () => {
    const response = await page.goto(mailbox.url);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe("MailDev");
  });

  it("lists a message sent by SMTP, newest first, and shows one added while it is open", async () => {
    await send(`Primero ${run}`);
    // A message's date has whole seconds: a second later, the order is the arrival's.
    await new Promise((r) => setTimeout(r, 1100));
    await send(`Segundo ${run}`);
    await page.goto(mailbox.url);
    const first = page.getByText(`Primero ${run}`, { exact: true });
    const second = page.getByText(`Segundo ${run}`, { exact: true });
    await second.waitFor();
    const top = async (locator: typeof first) => (await locator.boundingBox())?.y ?? Number.NaN;
    expect(await top(second)).toBeLessThan(await top(first));
    // Each entry says to whom it went and when.
    const entry = page.getByRole("button", { name: new RegExp(`Segundo ${run}`) });
    expect(await entry.textContent()).toMatch(/representante@example\.org.*Just now/);

    // No reload: the page learns of new mail by itself.
    await send(`Tercero ${run}`);
    await page.getByText(`Tercero ${run}`, { exact: true }).waitFor();
  });

  it("opens a message: its HTML in a frame where no script runs, its text, and its raw headers", async () => {
    const subject = `Boletín ${run}`;
    await send(subject, {
      html: `<p id="body">Hola <b>mundo</b></p><script>document.body.append(Object.assign(document.createElement("p"), { id: "ran" }))</script><img src="x" onerror="document.body.dataset.ran = 1">`,
      headers: {
        "List-Unsubscribe": "<https://www.compraspublicas.org/es/unsubscribe?t=abc>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
      list: { id: { url: "novedades.compraspublicas.org", comment: "Novedades" } },
    });
    await page.goto(mailbox.url);
    await page.getByText(subject, { exact: true }).click();

    const frame = page.locator("iframe").first();
    expect(await frame.getAttribute("sandbox")).not.toMatch(/allow-scripts/);
    const html = page.frameLocator("iframe").first();
    await expect.poll(() => html.locator("#body").textContent()).toBe("Hola mundo");
    expect(await html.locator("#ran").count()).toBe(0);
    expect(await html.locator("body").getAttribute("data-ran")).toBeNull();

    await page.getByText("Plain Text", { exact: true }).click();
    await page.getByTestId("email-viewer").getByText(`Texto de ${subject}`).waitFor();

    await page.getByText("Source", { exact: true }).click();
    const source = page.locator("pre, code").filter({ hasText: "List-Unsubscribe" }).first();
    await expect.poll(() => source.textContent()).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(await source.textContent()).toMatch(/^List-Id: .*<novedades\.compraspublicas\.org>$/im);
  });
});
