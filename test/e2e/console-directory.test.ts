import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGION } from "../../functions/src/config.js";
import { DIRECTORY_COLLECTION, OUTBOX_COLLECTION } from "../../functions/src/model/index.js";
import { JOB_STATE_COLLECTION } from "../../functions/src/reminders/ledger.js";
import { startMailbox } from "../../scripts/mailbox.mjs";
import { launchChromium } from "../support/browser.js";
import { type Callers, DEMO_PROJECT, demoCallers, demoLogin, ensureDemoLogins } from "../support/console-callers.js";
import { checkableScreen, expectAccessible, openFromMenu, signInToConsole } from "../support/console-page.js";
import { eventually } from "../support/eventually.js";

// The members' directory in Chromium against the emulators, as the issue's new user meets it:
// the member of Mexico finds a colleague of Chile and the address Chile shares, updates their
// own entry with the keyboard; the committee sees who has not confirmed and each country's
// completeness; and the yearly job, run as the emulator runs a scheduled function, mails the ask.
const app = initializeApp({ projectId: DEMO_PROJECT }, "console-directory-e2e");
const db = getFirestore(app);

const login = demoLogin;
const member = login("member-mx");
const cl = login("committee-cl");
const pe = login("committee-pe");
const PHONE = "+52 55 5482 4000";

// What the member's edit changes, put back afterwards so other files meet the demo as npm start made it.
const paths = [
  `members/${member.memberId}`,
  `memberContacts/${member.memberId}`,
  `${DIRECTORY_COLLECTION}/${member.memberId}`,
];
const saved = new Map<string, FirebaseFirestore.DocumentData | undefined>();

async function clearAsks() {
  const asks = await db.collection(OUTBOX_COLLECTION).where("key.purpose", "==", "directory.confirm").get();
  await Promise.all(asks.docs.map((d) => d.ref.delete()));
  await db.collection(JOB_STATE_COLLECTION).doc("directory-confirmations").delete();
}

let browser: Browser;
const contexts: BrowserContext[] = [];
async function screen(width: number): Promise<Page> {
  const page = await checkableScreen(browser, width, 15_000);
  contexts.push(page.context());
  return page;
}

beforeAll(async () => {
  await ensureDemoLogins();
  for (const path of paths) saved.set(path, (await db.doc(path).get()).data());
  await clearAsks();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const [path, data] of saved) {
    if (data) await db.doc(path).set(data);
    else await db.doc(path).delete();
  }
  await clearAsks();
  await deleteApp(app);
});

describe("the members' directory in the console", () => {
  for (const width of [1280, 360]) {
    it(`lets the member of Mexico find a colleague of Chile and the address Chile shares (${width} px)`, async () => {
      const page = await screen(width);
      await signInToConsole(page, member);
      await openFromMenu(page, { name: "Directory" });
      await page.getByRole("heading", { level: 1, name: "Members' directory" }).waitFor();
      await expectAccessible(page, `the directory at ${width} px`);
      // Accents aside: "comite chile" finds "Demo Comité Chile".
      await page.getByLabel("Search by name").fill("comite chile");
      const people = page.locator("ul.people > li");
      await expect.poll(() => people.count()).toBe(1);
      await expect.poll(() => people.first().locator("h3").textContent()).toBe(cl.name);
      expect(await page.getByRole("link", { name: cl.email }).getAttribute("href")).toBe(`mailto:${cl.email}`);
      // Country by name; Peru's representative shares nothing, and nothing of theirs shows.
      await page.getByLabel("Search by name").fill("");
      await page.getByLabel("Country", { exact: true }).selectOption({ label: "Peru" });
      await expect.poll(() => people.count()).toBe(1);
      await expect.poll(() => people.first().textContent()).toContain("Shares no contact details.");
      expect(await page.locator("main").textContent()).not.toContain(pe.email);
      // Who has not confirmed is for the committee and the secretariat to see.
      expect(await page.locator("main").textContent()).not.toContain("Not verified");
    });
  }

  it("lets the member update their own entry with the keyboard, and a colleague then sees the shared phone", async () => {
    const page = await screen(1280);
    await signInToConsole(page, member);
    await openFromMenu(page, { name: "Directory" });
    await page.getByRole("link", { name: "Edit my entry" }).click();
    await page.getByRole("heading", { level: 1, name: "My directory entry" }).waitFor();
    await expectAccessible(page, "the member's own entry");
    await page.getByLabel("Title (in Spanish)").focus();
    await page.keyboard.type("Jefa de compras electrónicas");
    await page.getByLabel("English", { exact: true }).focus();
    await page.keyboard.press("Space");
    await page.getByLabel("Phone (for example +56 2 2290 4400)").focus();
    await page.keyboard.type(PHONE);
    await page.getByLabel("My phone").focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Save and confirm" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#status").textContent()).toBe("Your entry is saved and confirmed.");
    await expect.poll(() => page.locator("main").textContent()).toContain("Confirmed on");

    const colleague = await screen(360);
    await signInToConsole(colleague, cl);
    await openFromMenu(colleague, { name: "Directory" });
    await colleague.getByRole("heading", { level: 1, name: "Members' directory" }).waitFor();
    await colleague.getByLabel("Search by name").fill("miembro mexico");
    const entry = colleague.locator("ul.people > li").first();
    await expect.poll(() => entry.textContent()).toContain("Jefa de compras electrónicas");
    expect(await colleague.getByRole("link", { name: PHONE }).getAttribute("href")).toBe("tel:+525554824000");
    expect(await entry.textContent()).toContain("English");
    // The demo's member of Mexico shares the address too, and kept it shared.
    expect(await colleague.getByRole("link", { name: member.email }).getAttribute("href")).toBe(
      `mailto:${member.email}`,
    );

    // The change is in the audit log, said with the person's name, never an action's code.
    await openFromMenu(colleague, { name: "Audit log" });
    await colleague.getByLabel("Action", { exact: true }).selectOption({ label: "Members' directory" });
    const said = colleague
      .getByRole("row")
      .filter({ hasText: `${member.name} (Mexico) updated their directory entry` });
    await expect.poll(() => said.count()).toBeGreaterThan(0);
    expect(await colleague.locator("main").textContent()).not.toContain("directory.update");
    await expectAccessible(colleague, "the audit log filtered on the directory");
  });

  it("shows the committee who has not confirmed and each country's completeness", async () => {
    const page = await screen(360);
    await signInToConsole(page, cl);
    await openFromMenu(page, { name: "Directory" });
    await page.getByRole("heading", { level: 2, name: "Completeness by country" }).waitFor();
    await expectAccessible(page, "the committee's directory at 360 px");
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Peru" });
    await expect.poll(() => page.locator("ul.people > li").first().textContent()).toContain("Not verified");
    const table = await page.getByRole("table", { name: "Completeness by country" }).textContent();
    expect(table).toContain("Mexico");
  });
});

describe("the directory's callables over HTTP", () => {
  let callers: Callers;
  beforeAll(async () => {
    callers = await demoCallers();
  });
  afterAll(() => callers?.close());

  const call = async (name: string, caller: Parameters<Callers["idToken"]>[0], data: unknown) => {
    const token = callers.idToken(caller);
    const response = await fetch(`http://127.0.0.1:5001/${DEMO_PROJECT}/${REGION}/committee-${name}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ data }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        result?: { confirmedAt: string };
        error?: { status: string; message: string };
      },
    };
  };

  it("refuses a member's edit naming another person, and anyone signed out, and confirms the member's own entry", async () => {
    const before = (await db.doc(`members/${cl.memberId}`).get()).data();
    const forged = await call("updateDirectoryEntry", "member", {
      lang: "es",
      memberId: cl.memberId,
      name: "Suplantado",
      languages: ["es"],
      share: { email: false, phone: false },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error?.status).toBe("INVALID_ARGUMENT");
    expect(forged.body.error?.message).toMatch(/^Revise estos campos/);
    expect((await db.doc(`members/${cl.memberId}`).get()).data()).toEqual(before);
    expect((await call("confirmDirectoryEntry", "anonymous", {})).status).toBe(401);
    const own = await call("confirmDirectoryEntry", "member", {});
    expect(own.status).toBe(200);
    expect((await db.doc(`members/${member.memberId}`).get()).get("confirmedAt")).toBe(own.body.result?.confirmedAt);
  });
});

describe("the yearly confirmation job on the emulators", () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  beforeAll(async () => {
    mailbox = await startMailbox();
  });
  afterAll(() => mailbox?.stop());

  it("mails each representative who never confirmed a link to their entry when the scheduled function runs", async () => {
    // A v2 scheduled function never fires by itself in the emulator; this is how to run it.
    const run = await fetch(`http://127.0.0.1:5001/${DEMO_PROJECT}/${REGION}/directoryConfirmations-0`, {
      method: "POST",
    });
    expect(run.status).toBeLessThan(300);
    const subject = "Confirme o actualice su ficha en el directorio de la Red";
    const mail = await eventually(
      async () => {
        const inbox = (await (await fetch(`${mailbox.url}api/email`)).json()) as {
          subject: string;
          to: { address: string }[];
          text: string;
        }[];
        return inbox.find((m) => m.subject === subject && m.to.some((t) => t.address === pe.email));
      },
      "the yearly ask reaching the Peruvian representative's mailbox",
      60_000,
    );
    expect(mail.text).toContain("#/directory/me");
    expect(mail.text).toContain("Aún no la ha confirmado.");
  });
});
