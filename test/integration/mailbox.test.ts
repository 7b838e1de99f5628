import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dayIn } from "../../functions/src/calendar/days.js";
import { activateCommitment } from "../../functions/src/commitment/actions.js";
import { JOBS_TIME_ZONE, REGION } from "../../functions/src/config.js";
import { converterFor, OUTBOX_COLLECTION } from "../../functions/src/model/index.js";
import { deliverMessage } from "../../functions/src/notify/delivery.js";
import { enqueue } from "../../functions/src/notify/outbox.js";
import { smtpTransport } from "../../functions/src/notify/smtp.js";
import { composeMessage } from "../../functions/src/notify/templates.js";
import { JOB_STATE_COLLECTION } from "../../functions/src/reminders/ledger.js";
import { emulatorSmtp, startMailbox } from "../../scripts/mailbox.mjs";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";
import { addRepresentative } from "../support/representatives.js";

// Both tests use the mailbox `npm start` runs, on its fixed ports, so they share one file and
// run one after the other.
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  mailbox = await startMailbox();
});
afterAll(() => mailbox?.stop());

const subjects = async () =>
  ((await (await fetch(`${mailbox.url}api/email`)).json()) as { subject: string }[]).map((e) => e.subject);

describe("the local mailbox", () => {
  const PROJECT_ID = `demo-mailbox-${process.pid}`;
  const app = initializeApp({ projectId: PROJECT_ID }, PROJECT_ID);
  afterAll(async () => {
    await clearFirestore(PROJECT_ID);
    await deleteApp(app);
  });

  it("receives what the outbox sends with the emulators' SMTP settings", async () => {
    const db = getFirestore(app);
    const deps = {
      db,
      clock: () => new Date(),
      transport: smtpTransport({ ...emulatorSmtp(), user: "", password: "" }),
      sender: "Red <no-reply@demo.compraspublicas.org>",
      log: () => {},
    };
    const to = {
      id: "member:demo",
      address: "demo@example.org",
      lang: "fr",
      timeZone: "America/Port-au-Prince",
    } as const;
    const { id } = await enqueue(db, deps.clock, deps.log, {
      purpose: "commitment.reminder",
      occurrence: `mailbox-${Date.now()}`,
      recipient: to,
      content: composeMessage(
        {
          subject: "commitment.lastDay.subject",
          paragraphs: ["commitment.lastDay.body"],
          params: { host: "Chile", date: new Date() },
        },
        to,
        "https://www.compraspublicas.org",
      ),
    });
    expect(await deliverMessage(deps, id)).toBe("sent");
    expect(await subjects()).toContain("L'engagement d'hébergement du site prend fin aujourd'hui");
  });
});

describe("the daily reminder job on the emulators", () => {
  // The Functions emulator serves the demo project that `npm test` seeds; what this test
  // changes there it puts back, since the e2e tests browse that project afterwards.
  const PROJECT = "demo-compraspublicas";
  const app = initializeApp({ projectId: PROJECT }, "reminder-job");
  const db = getFirestore(app);
  const commitment = db
    .collection("commitments")
    .withConverter(converterFor("commitments"))
    .doc("site-hosting-chile-2005");
  let original: Awaited<ReturnType<typeof commitment.get>>;
  afterAll(async () => {
    const seeded = original?.data();
    if (seeded) await commitment.set(seeded);
    await db.collection("members").doc("reminder-job-rep").delete();
    await db.collection("memberContacts").doc("reminder-job-rep").delete();
    await db.collection("accounts").doc("uid-reminder-job-rep").delete();
    await db.collection(JOB_STATE_COLLECTION).doc("commitment-reminders-site-hosting-chile-2005").delete();
    // Only the reminder jobs' messages: other files queue mail in this project meanwhile.
    const reminders = await db
      .collection(OUTBOX_COLLECTION)
      .where("key.purpose", "in", ["commitment.reminder", "event.reminder"])
      .get();
    for (const doc of reminders.docs) await doc.ref.delete();
    await deleteApp(app);
  });

  it("queues the last day's reminder when the scheduled function is run, and the outbox trigger mails it", async () => {
    original = await commitment.get();
    await addRepresentative(db, {
      id: "reminder-job-rep",
      role: "committee",
      countryId: "CL",
      email: "rep@example.org",
    });
    // A twelve-month term whose last day is today.
    const today = dayIn(new Date(), JOBS_TIME_ZONE);
    const start = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    await activateCommitment(
      db,
      () => new Date(),
      { memberId: "test" },
      { commitmentId: "site-hosting-chile-2005", termStart: start.endsWith("02-29") ? addDays(start, -1) : start },
      { timeZone: JOBS_TIME_ZONE },
    );

    // A v2 scheduled function never fires by itself in the emulator; this is how to run it.
    const run = await fetch(`http://127.0.0.1:5001/${PROJECT}/${REGION}/commitmentReminders-0`, { method: "POST" });
    expect(run.status).toBeLessThan(300);
    await eventually(
      async () => ((await subjects()).includes("El compromiso de hospedaje del sitio vence hoy") ? true : undefined),
      "the reminder reaching the mailbox",
    );

    // The documented demo clock: a week after the last day, the lapse notice goes out.
    const script = join(import.meta.dirname, "../../scripts/demo-clock.mjs");
    execFileSync(process.execPath, [script, addDays(today, 7)], { stdio: "pipe" });
    try {
      await eventually(
        async () =>
          (await subjects()).includes("El compromiso de hospedaje del sitio venció hace 7 días") ? true : undefined,
        "the lapse notice reaching the mailbox",
      );
    } finally {
      execFileSync(process.execPath, [script, "now"], { stdio: "pipe" });
    }
  });
});
