import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT, signIn } from "../support/console-callers.js";
import { expectAccessible } from "../support/console-page.js";

// An invited person who registered with a password, in Chromium against the emulators: the
// console asks them to prove the address before accepting, sends the verification email, offers
// the link the Auth emulator keeps (no email leaves the machine), and then lets them accept.
const FUNCTIONS = "http://127.0.0.1:5001";
const REGION = "southamerica-east1";
const INVITEE = {
  email: "invitee-proof-e2e@demo-tests.compraspublicas.org",
  password: "invitee-proof-2005",
  memberId: "invitee-proof-e2e",
  name: "Invitada con contraseña",
};
const app = initializeApp({ projectId: DEMO_PROJECT }, "console-invitation-proof-e2e");
const db = getFirestore(app);
const auth = getAuth(app);
let browser: Browser;

async function removeInvitee() {
  const user = await auth.getUserByEmail(INVITEE.email).catch(() => undefined);
  if (user) {
    await auth.deleteUser(user.uid);
    await db.doc(`accounts/${user.uid}`).delete();
    await db.doc(`metadata/${user.uid}`).delete();
  }
  await db.doc(`members/${INVITEE.memberId}`).delete();
  const invitations = await db.collection("invitations").where("email", "==", INVITEE.email).get();
  await Promise.all(invitations.docs.map((d) => d.ref.delete()));
}

beforeAll(async () => {
  await removeInvitee();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await removeInvitee();
  await deleteApp(app);
});

describe("accepting an invitation with a password account", () => {
  it("asks the person to confirm the address, offers the emulator's link, and accepts once it is confirmed", async () => {
    const secretariat = DEMO_ACCOUNTS.find((a) => a.role === "secretariat");
    if (!secretariat) throw new Error("no demo secretariat");
    const response = await fetch(`${FUNCTIONS}/${DEMO_PROJECT}/${REGION}/committee-invite`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${await signIn(secretariat.email, secretariat.password)}`,
      },
      body: JSON.stringify({
        data: {
          email: INVITEE.email,
          role: "member",
          countryId: "MX",
          memberId: INVITEE.memberId,
          name: INVITEE.name,
          inviteeLang: "en",
        },
      }),
    });
    const { result } = (await response.json()) as { result: { link: string } };
    await auth.createUser({ email: INVITEE.email, password: INVITEE.password });

    const context = await browser.newContext({
      locale: "en-US",
      viewport: { width: 360, height: 740 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(result.link);
    await page.getByText("To accept your invitation, sign in with the email it was sent to").waitFor();
    await page.getByLabel("Email").fill(INVITEE.email);
    await page.getByLabel("Password").fill(INVITEE.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Invitation to the console" }).waitFor();
    await page.getByText(`Before accepting, confirm that ${INVITEE.email} is yours`).waitFor();
    // No person claims the account yet: the header names it by its address, and no role.
    expect(await page.locator("#who").textContent()).toBe(`${INVITEE.email} · —`);

    // Accepting before confirming is refused, in the person's language, saying what to do.
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await expect.poll(() => page.locator("#invite-error").textContent()).toContain("open the verification link");

    await page.getByRole("button", { name: "Send me the confirmation link" }).click();
    const emulatorLink = page.getByRole("link", { name: "Open the confirmation link (emulators)" });
    await emulatorLink.waitFor();
    await expectAccessible(page, "the invitation waiting for a confirmed address");
    const verify = await context.newPage();
    await verify.goto(String(await emulatorLink.getAttribute("href")));
    await expect.poll(async () => (await auth.getUserByEmail(INVITEE.email)).emailVerified).toBe(true);
    // Back to the console's tab, as the message says.
    await verify.close();
    await page.bringToFront();

    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await expect.poll(() => page.locator("#who").textContent(), { timeout: 40_000 }).toBe(`${INVITEE.name} · member`);
    await context.close();
  });
});
