import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, expect, it } from "vitest";
import { deliverMessage } from "../../functions/src/notify/delivery.js";
import { enqueue } from "../../functions/src/notify/outbox.js";
import { smtpTransport } from "../../functions/src/notify/smtp.js";
import { composeMessage } from "../../functions/src/notify/templates.js";
import { emulatorSmtp, startMailbox } from "../../scripts/mailbox.mjs";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";

const PROJECT_ID = `demo-mailbox-${process.pid}`;
const app = initializeApp({ projectId: PROJECT_ID }, PROJECT_ID);
afterAll(async () => {
  await clearFirestore(PROJECT_ID);
  await deleteApp(app);
});

it("lands what the outbox sends with the emulators' SMTP settings in the mailbox `npm start` runs", async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  const mailbox = await startMailbox();
  try {
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
    const emails = (await (await fetch(`${mailbox.url}api/email`)).json()) as { subject: string; messageId: string }[];
    expect(emails.map((e) => e.subject)).toContain("L'engagement d'hébergement du site prend fin aujourd'hui");
  } finally {
    await mailbox.stop();
  }
});
