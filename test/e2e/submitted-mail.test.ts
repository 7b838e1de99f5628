import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DocumentContent } from "../../functions/src/model/index.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { startMailbox } from "../../scripts/mailbox.mjs";
import { callOverHttp } from "../support/callable-http.js";
import { type Callers, DEMO_PROJECT, demoCallers } from "../support/console-callers.js";
import { consoleUrl } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";

// Through the whole emulated system: the console's callable in the Functions emulator writes the
// audit entry, the audit trigger queues the email, the outbox trigger sends it over SMTP to the
// mailbox `npm start` runs (MailDev, at the address functions/.env.local gives the functions).
const id = "e2e-submitted-mail";
const app = initializeApp({ projectId: DEMO_PROJECT }, "submitted-mail");
const db = getFirestore(app);
let callers: Callers;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;

beforeAll(async () => {
  mailbox = await startMailbox();
  callers = await demoCallers();
});
afterAll(async () => {
  // Hard clean-up (the console only deletes softly), so later tests see the seed alone.
  await db.recursiveDelete(db.doc(`documents/${id}`));
  const audit = await db.collection("audit").where("target.id", "==", id).get();
  await Promise.all(audit.docs.map((d) => d.ref.delete()));
  const mails = await db.collection("outbox").where("key.purpose", "==", "document.submitted").get();
  await Promise.all(mails.docs.map((d) => d.ref.delete()));
  await callers?.close();
  await mailbox?.stop();
  await deleteApp(app);
});

const call = (name: string, caller: Parameters<Callers["idToken"]>[0], data: unknown) =>
  callOverHttp<{ result?: { version: number; status: string } }>(`committee-${name}`, callers.idToken(caller), data);

interface MailDevEmail {
  subject: string;
  to: { address: string }[];
  text: string;
}
const inbox = async () => (await (await fetch(`${mailbox.url}api/email`)).json()) as MailDevEmail[];
const address = (key: string) => DEMO_ACCOUNTS.find((a) => a.uid === `demo-${key}`)?.email ?? "";

const document: DocumentContent = {
  kind: "news",
  title: { es: "Noticia enviada a revisión desde la consola" },
  summary: { es: "Resumen." },
  body: { es: "Texto." },
  translations: { es: "original" },
  countries: ["PE"],
  topics: [],
  source: "test/e2e/submitted-mail.test.ts",
};

it("mails a document submitted with the console's callable to the committee member who may publish it, not to its author", async () => {
  expect((await call("saveDraft", "committee-pe", { id, document })).result?.status).toBe("draft");
  expect((await call("submit", "committee-pe", { id, baseVersion: 1 })).result?.status).toBe("in-review");
  const subject = "Documento para revisar: Noticia enviada a revisión desde la consola";
  const reached = await eventually(
    async () => {
      const found = (await inbox()).filter((m) => m.subject === subject);
      const to = new Set(found.flatMap((m) => m.to.map((t) => t.address)));
      return to.has(address("committee-cl")) && to.has(address("secretariat")) ? found : undefined;
    },
    "the submission's email reaching the Chilean committee member's and the secretariat's mailboxes",
    60_000,
  );
  const recipients = reached.flatMap((m) => m.to.map((t) => t.address)).sort();
  expect(recipients).not.toContain(address("committee-pe"));
  expect(recipients).not.toContain(address("member-mx"));
  expect(new Set(recipients).size, "each person once").toBe(recipients.length);
  expect(reached.find((m) => m.to[0]?.address === address("committee-cl"))?.text).toContain(
    consoleUrl(`#/documents/${id}`),
  );
}, 90_000);
