import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysRemaining, lastDayOf } from "../../functions/src/commitment/term.js";
import { HostingCommitmentSchema, OutboxMessageSchema } from "../../functions/src/model/index.js";
import { reviewEntry } from "../../functions/src/notify/review-queue.js";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT, demoLogin, ensureDemoLogins } from "../support/console-callers.js";
import { expectAccessible, openFromMenu, signInToConsole, unfoldMenu } from "../support/console-page.js";
import { consoleUrl, emulatorHost, HOSTING_ORIGIN } from "../support/emulator-suite.js";

// The secretariat's screens in Chromium against the emulators: people and invitations (with
// the invited person accepting), committee seats, the hosting commitment, the outbox review, and
// sign-in by email link, each screen checked with axe-core on a 360 px wide phone.
const CONSOLE = consoleUrl();
const app = initializeApp({ projectId: DEMO_PROJECT }, "console-admin-e2e");
const db = getFirestore(app);
const auth = getAuth(app);

const login = demoLogin;
const secretariat = login("secretariat");
const cl = login("committee-cl");
const pe = login("committee-pe");

const INVITEE = { email: "invitee-e2e@demo-tests.compraspublicas.org", memberId: "invitee-e2e", name: "Invitada E2E" };
const SEAT_COUNTRY = "UY";
const SEAT_COUNTRY_NAME = "Uruguay";
const SEAT_REASON = "Uruguay hosts the working group on e-invoicing this year";
const COMMITMENT = "site-hosting-chile-2005";
const SEED_COMMITMENT = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../../seed/commitments.json"), "utf8")) as { id: string }[]
).find((c) => c.id === COMMITMENT);
const OUTBOX_ID = "e2e0000000000000000000000000000000000001";

async function removeInvitee() {
  const user = await auth.getUserByEmail(INVITEE.email).catch(() => undefined);
  if (user) {
    await auth.deleteUser(user.uid);
    await db.doc(`accounts/${user.uid}`).delete();
  }
  await db.doc(`members/${INVITEE.memberId}`).delete();
  const invitations = await db.collection("invitations").where("email", "==", INVITEE.email).get();
  await Promise.all(invitations.docs.map((d) => d.ref.delete()));
}

async function restore() {
  await removeInvitee();
  await db.doc(`seatOverrides/${SEAT_COUNTRY}`).delete();
  await db.doc(`committee/${SEAT_COUNTRY}`).delete();
  if (SEED_COMMITMENT) await db.doc(`commitments/${COMMITMENT}`).set(SEED_COMMITMENT);
  await db.doc(`outbox/${OUTBOX_ID}`).delete();
  await db.doc(`outboxReview/${OUTBOX_ID}`).delete();
}

let browser: Browser;
const contexts: BrowserContext[] = [];
async function phone(): Promise<Page> {
  const context = await browser.newContext({
    locale: "en-US",
    viewport: { width: 360, height: 740 },
    // axe-core is injected as a script, which the console's CSP would refuse.
    bypassCSP: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

beforeAll(async () => {
  await ensureDemoLogins();
  await restore();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await restore();
  await deleteApp(app);
});

const status = (page: Page) => page.locator("#status");

async function open(page: Page, name: string) {
  await openFromMenu(page, { name });
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** The newest sign-in link the Auth emulator "sent" to `email` (its REST endpoint lists them). */
async function emailedLink(email: string, after: Set<string>): Promise<string> {
  const url = `http://${emulatorHost("FIREBASE_AUTH_EMULATOR_HOST")}/emulator/v1/projects/${DEMO_PROJECT}/oobCodes`;
  let link: string | undefined;
  await expect
    .poll(async () => {
      const { oobCodes } = (await (await fetch(url)).json()) as {
        oobCodes: { email: string; requestType: string; oobCode: string; oobLink: string }[];
      };
      link = oobCodes
        .filter((c) => c.email === email && c.requestType === "EMAIL_SIGNIN" && !after.has(c.oobCode))
        .at(-1)?.oobLink;
      return link;
    })
    .toBeDefined();
  return link as string;
}

async function oobCodesOf(email: string): Promise<Set<string>> {
  const url = `http://${emulatorHost("FIREBASE_AUTH_EMULATOR_HOST")}/emulator/v1/projects/${DEMO_PROJECT}/oobCodes`;
  const { oobCodes } = (await (await fetch(url)).json()) as { oobCodes: { email: string; oobCode: string }[] };
  return new Set(oobCodes.filter((c) => c.email === email).map((c) => c.oobCode));
}

describe("sign-in by email link", () => {
  it("signs a known person in from the link the Auth emulator sent, and asks for the email on another device", async () => {
    const asker = await phone();
    await asker.goto(CONSOLE);
    await expectAccessible(asker, "the sign-in screen with the link button");
    const before = await oobCodesOf(pe.email);
    await asker.getByLabel("Email").fill(pe.email);
    await asker.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect.poll(() => status(asker).textContent()).toContain(`We sent a link to ${pe.email}`);
    const link = await emailedLink(pe.email, before);

    // Opened on another device: nothing remembers the address, so the console asks for it.
    const other = await phone();
    await other.goto(link);
    await other.getByRole("heading", { name: "Confirm your email" }).waitFor();
    await expectAccessible(other, "the email confirmation of a sign-in link");
    await other.getByLabel("Email").fill(pe.email);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => other.locator("#who").textContent()).toBe(`${pe.name} · committee`);
    // The one-time code leaves the address bar once used.
    expect(other.url()).not.toContain("oobCode");

    // The same link again is refused: it was used.
    const third = await phone();
    await third.goto(link);
    await third.getByLabel("Email").fill(pe.email);
    await third.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => status(third).textContent()).toContain("This sign-in link is not valid");
  });
});

describe("people, roles and invitations", () => {
  it("lets the secretariat invite someone, who signs in by email link and accepts", async () => {
    const admin = await phone();
    await signInToConsole(admin, secretariat);
    await open(admin, "People and roles");
    await expectAccessible(admin, "people and roles");
    await admin.getByLabel("Email", { exact: true }).fill(INVITEE.email);
    await admin.getByLabel("Name", { exact: true }).fill(INVITEE.name);
    await admin.getByLabel("Person id (lower case, digits and hyphens)").fill(INVITEE.memberId);
    await admin.getByLabel("Role", { exact: true }).selectOption("member");
    await admin.getByLabel("Country", { exact: true }).selectOption("MX");
    await admin.getByRole("button", { name: "Create the invitation" }).click();
    await expect.poll(() => status(admin).textContent()).toContain(`Invitation for ${INVITEE.email} created`);
    const link = await admin.getByLabel(`Link for ${INVITEE.email}`).inputValue();
    expect(link.startsWith(consoleUrl("#invitation="))).toBe(true);
    expect(link).toMatch(/#invitation=[A-Za-z0-9_-]{43}$/);
    const row = admin.getByRole("row").filter({ hasText: INVITEE.email });
    await expect.poll(() => row.textContent()).toContain("pending");
    await expectAccessible(admin, "people and roles with an invitation link");

    // The invited person opens the link, has no password: asks for a sign-in link and opens it.
    const invitee = await phone();
    await invitee.goto(link);
    await invitee.getByText("To accept your invitation, sign in with the email it was sent to").waitFor();
    const before = await oobCodesOf(INVITEE.email);
    await invitee.getByLabel("Email").fill(INVITEE.email);
    await invitee.getByRole("button", { name: "Email me a sign-in link" }).click();
    await invitee.goto(await emailedLink(INVITEE.email, before));
    await invitee.getByRole("heading", { name: "Invitation to the console" }).waitFor();
    await expectAccessible(invitee, "the invitation to accept");
    await invitee.getByRole("button", { name: "Accept the invitation" }).click();
    await expect
      .poll(() => invitee.locator("#who").textContent(), { timeout: 40_000 })
      .toBe(`${INVITEE.name} · member`);

    const uid = (await auth.getUserByEmail(INVITEE.email)).uid;
    expect((await db.doc(`accounts/${uid}`).get()).data()).toMatchObject({
      memberId: INVITEE.memberId,
      role: "member",
      countryId: "MX",
    });
    await admin.reload();
    await admin.getByRole("heading", { level: 1, name: "People and roles" }).waitFor();
    await expect
      .poll(() => admin.getByRole("row").filter({ hasText: INVITEE.email }).textContent())
      .toContain("accepted");
    const accounts = admin.getByRole("table", { name: "Console accounts" });
    await expect
      .poll(() => accounts.getByRole("row").filter({ hasText: INVITEE.name }).textContent())
      .toBe(`${INVITEE.name} (Mexico)Mexicomembermember`);
  });

  it("asks before changing a role and shows the callable's refusal beside the field", async () => {
    const admin = await phone();
    await signInToConsole(admin, secretariat);
    await open(admin, "People and roles");
    await admin.getByLabel("Person", { exact: true }).selectOption("demo-secretariat");
    await admin.getByLabel("New role").selectOption("member");
    await admin.getByRole("button", { name: "Change the role…" }).click();
    // Without a reason nothing is sent.
    await expect.poll(() => admin.locator("#role-reason-error").textContent()).toBe("Give the reason in a few words.");
    await admin.getByLabel("Reason (kept in the audit log)").fill("testing the console's refusal");
    await admin.getByRole("button", { name: "Change the role…" }).click();
    await admin.getByText("Change Demo Secretaría / Secretariat's role from secretariat to member?").waitFor();
    await expectAccessible(admin, "the role change confirmation");
    await admin.getByRole("button", { name: "Confirm" }).click();
    await expect
      .poll(() => admin.locator("#role-role-error").textContent())
      .toBe("You cannot change your own role: ask another person of the secretariat.");
    expect((await db.doc("accounts/demo-secretariat").get()).get("role")).toBe("secretariat");
  });
});

describe("committee seats", () => {
  it("puts a manual seat with its reason on the public committee page", async () => {
    const admin = await phone();
    await signInToConsole(admin, secretariat);
    await open(admin, "Committee seats");
    await expectAccessible(admin, "committee seats (secretariat)");
    await admin.getByLabel("Country", { exact: true }).selectOption(SEAT_COUNTRY);
    await admin.getByLabel("Decision", { exact: true }).selectOption("add");
    await admin.getByLabel("Reason (kept in the audit log)").fill(SEAT_REASON);
    await admin.getByRole("button", { name: "Save the decision" }).click();
    await expect.poll(() => status(admin).textContent()).toContain("now holds a seat");
    await expect
      .poll(() =>
        admin
          .getByRole("row")
          // Countries by name, as the interface's language says them.
          .filter({ has: admin.getByRole("cell", { name: SEAT_COUNTRY_NAME, exact: true }) })
          .textContent(),
      )
      .toContain(`by hand: ${SEAT_REASON}`);
    await expect
      .poll(async () => (await fetch(`${HOSTING_ORIGIN}/en/committee`)).text(), { timeout: 30_000 })
      .toContain(`Seat given by the secretariat: ${SEAT_REASON}`);
  });

  it("shows a committee member the seats and their basis, with no way to change them", async () => {
    const member = await phone();
    await signInToConsole(member, cl);
    await open(member, "Committee seats");
    await expectAccessible(member, "committee seats (committee)");
    await expect
      .poll(() =>
        member
          .getByRole("row")
          .filter({ has: member.getByRole("cell", { name: "Chile", exact: true }) })
          .textContent(),
      )
      .toContain("Santiago rule");
    expect(await member.getByRole("button", { name: "Save the decision" }).count()).toBe(0);
    expect(await member.getByLabel("Decision", { exact: true }).count()).toBe(0);
    await member.getByText("Only the secretariat changes seats by hand.").waitFor();
  });
});

describe("the hosting commitment", () => {
  it("is activated by the secretariat, whose dashboard then shows its days left", async () => {
    const admin = await phone();
    await signInToConsole(admin, secretariat);
    await open(admin, "Hosting commitment");
    await expectAccessible(admin, "the hosting commitment (offered)");
    const start = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    await admin.getByLabel("First day of the term").fill(start);
    await admin.getByRole("button", { name: "Activate", exact: true }).click();
    // Days read as the interface's language writes them (the browser's Intl, not the console's code).
    const day = (iso: string) =>
      new Intl.DateTimeFormat("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(
        new Date(`${iso}T00:00:00Z`),
      );
    await expect.poll(() => status(admin).textContent()).toBe(`Commitment activated from ${day(start)}.`);
    const stored = HostingCommitmentSchema.parse((await db.doc(`commitments/${COMMITMENT}`).get()).data());
    expect(stored).toMatchObject({ status: "active", termStart: start });
    const left = daysRemaining(stored, new Date());
    await expect.poll(() => admin.locator(`#days-left-${COMMITMENT}`).textContent()).toBe(`${left} days`);
    await expectAccessible(admin, "the hosting commitment (active)");

    await open(admin, "Home");
    await expect
      .poll(() => admin.locator(`#dash-host-${COMMITMENT}`).textContent())
      .toBe(`Chile: ${left} days left (until ${day(lastDayOf(stored) ?? "")})`);
    await expectAccessible(admin, "the dashboard with the hosting commitment");
  });

  it("is read-only for a committee member", async () => {
    const member = await phone();
    await signInToConsole(member, pe);
    await open(member, "Hosting commitment");
    await member.getByText("Only the secretariat records the hosting commitment.").waitFor();
    expect(await member.getByRole("button", { name: "Renew…" }).count()).toBe(0);
    await expectAccessible(member, "the hosting commitment (committee)");
  });
});

describe("the outbox review", () => {
  it("lets the secretariat record that a message flagged unknown arrived", async () => {
    const now = Date.now();
    // A message as delivery leaves it when it flags one: the message, and the secretariat's view of it.
    const flagged = OutboxMessageSchema.parse({
      key: { purpose: "e2e.review", recipient: "member:e2e", occurrence: "1" },
      to: { address: "someone@demo-tests.compraspublicas.org" },
      lang: "en",
      subject: "A message whose fate is unknown",
      text: "Hello",
      html: "<p>Hello</p>",
      createdAtMs: now,
      // nodemailer's words when the connection breaks after the message's final "."
      delivery: { state: "unknown", attempts: 1, error: "Connection closed unexpectedly", updatedAtMs: now },
    });
    await db.doc(`outbox/${OUTBOX_ID}`).set(flagged);
    await db.doc(`outboxReview/${OUTBOX_ID}`).set(reviewEntry(flagged, flagged.delivery));
    const admin = await phone();
    await signInToConsole(admin, secretariat);
    await open(admin, "Emails to review");
    const row = admin.getByRole("row").filter({ hasText: "A message whose fate is unknown" });
    // The cause in the interface's language; the transport's own words stay in the document.
    await expect
      .poll(() => row.textContent())
      .toContain("The connection to the mail server failed, was cut or timed out.");
    expect(await row.textContent()).not.toContain("Connection closed unexpectedly");
    await expectAccessible(admin, "the outbox review");
    await row.getByRole("button", { name: "It arrived: A message whose fate is unknown" }).click();
    await expect.poll(() => status(admin).textContent()).toContain("is recorded as sent");
    expect((await db.doc(`outbox/${OUTBOX_ID}`).get()).get("delivery.state")).toBe("sent");
    expect((await db.doc(`outboxReview/${OUTBOX_ID}`).get()).exists).toBe(false);
    await expect.poll(() => row.count()).toBe(0);
  });

  it("is not offered to the committee", async () => {
    const member = await phone();
    await signInToConsole(member, cl);
    await unfoldMenu(member);
    expect(await member.getByRole("navigation").getByRole("link", { name: "Emails to review" }).count()).toBe(0);
    expect(await member.getByRole("navigation").getByRole("link", { name: "Invitations" }).count()).toBe(1);
  });
});
