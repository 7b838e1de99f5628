import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invitationUrl, invite } from "../../functions/src/committee/invitations/invitations.js";
import type { Actor } from "../../functions/src/committee/permissions.js";
import { changeDocument } from "../../functions/src/committee/records/document-callables.js";
import { recomputeSeats } from "../../functions/src/committee/seats/seats-store.js";
import { JOBS_TIME_ZONE } from "../../functions/src/config.js";
import {
  AUDIT_COLLECTION,
  converterFor,
  type DocumentContent,
  InvitationSchema,
  OUTBOX_COLLECTION,
  OutboxMessageSchema,
} from "../../functions/src/model/index.js";
import { type NoticeDeps, reactToAuditEntry } from "../../functions/src/notify/audit-reactions.js";
import { type DeliveryDeps, deliverMessage } from "../../functions/src/notify/delivery.js";
import { queueInvitationMail } from "../../functions/src/notify/invitation-mail.js";
import { runEventReminders } from "../../functions/src/reminders/event-reminders.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { emulatedProject } from "../support/functions-admin.js";
import { transportTo } from "../support/outbox-delivery.js";
import { addRepresentative } from "../support/representatives.js";
import { SEED_DIR } from "../support/seeded-site.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const PROJECT_ID = `demo-notifications-${process.pid}`;
const SITE = "https://www.compraspublicas.org";
const CONSOLE = "https://console.compraspublicas.org/";
const db = emulatedProject(PROJECT_ID);
let sink: SmtpSink;
const now = new Date("2026-04-01T12:00:00Z");
const clock = () => now;
const notice = (): NoticeDeps & { sealKey: string } => ({
  db,
  clock,
  log: () => {},
  siteOrigin: SITE,
  consoleBase: CONSOLE,
  sealKey: SEAL_KEY,
});
const SEAL_KEY = "integration-test outbox key, long enough to use";
const delivery = (): DeliveryDeps => ({
  db,
  clock,
  transport: transportTo(sink),
  sender: "Red <no-reply@compraspublicas.org>",
  log: () => {},
  sealKey: SEAL_KEY,
});

/** The people of the test: who holds which account, of which country. */
const PEOPLE = {
  sec: { role: "secretariat" },
  "cl-comm": { role: "committee", countryId: "CL" },
  "pe-comm": { role: "committee", countryId: "PE", lang: "en" },
  // Assigned committee, but Mexico holds no seat: a member in effect.
  "mx-comm": { role: "committee", countryId: "MX" },
  "cl-member": { role: "member", countryId: "CL", lang: "pt" },
  "mx-member": { role: "member", countryId: "MX", lang: "fr" },
} as const;
type Person = keyof typeof PEOPLE;
const actor = (id: Person, seat: boolean): Actor => {
  const p = PEOPLE[id];
  const role = p.role === "committee" && !seat ? "member" : p.role;
  return { uid: `uid-${id}`, memberId: id, role, countryId: "countryId" in p ? p.countryId : undefined, seat };
};

beforeAll(async () => {
  sink = await startSmtpSink();
  await loadSeed(db, SEED_DIR);
  for (const [id, spec] of Object.entries(PEOPLE)) await addRepresentative(db, { id, ...spec });
});
afterAll(async () => {
  await sink?.close();
});
beforeEach(async () => {
  for (const doc of await db.collection(OUTBOX_COLLECTION).listDocuments()) await doc.delete();
  sink.received.length = 0;
});

const queued = async () =>
  (await db.collection(OUTBOX_COLLECTION).get()).docs.map((d) => ({
    id: d.id,
    ...OutboxMessageSchema.parse(d.data()),
  }));

/** Every queued message through the real SMTP server; returns who got what, as the server parsed it. */
async function deliverAll() {
  for (const message of await queued()) expect(await deliverMessage(delivery(), message.id)).toBe("sent");
  return sink.received.map((mail) => ({
    to: (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address) ?? []).join(),
    subject: mail.subject ?? "",
    text: mail.text ?? "",
  }));
}

/** The audit entries of one action, newest last. */
async function entries(action: string) {
  const found = await db.collection(AUDIT_COLLECTION).where("action", "==", action).get();
  return found.docs.sort((a, b) => String(a.get("at")).localeCompare(String(b.get("at"))));
}

/** Runs the audit trigger's work for an entry, as many times as asked (a redelivered event). */
async function react(entry: FirebaseFirestore.QueryDocumentSnapshot, times = 1) {
  const counts: number[] = [];
  for (let i = 0; i < times; i++) counts.push(await reactToAuditEntry(notice(), entry.id, entry.data()));
  return counts;
}

const content = (id: string, countries: string[]): DocumentContent => ({
  kind: "news",
  title: { es: `Noticia ${id}`, en: `News ${id}` },
  summary: { es: "Resumen." },
  body: { es: "Texto <b>con</b> marcas." },
  translations: { es: "original" },
  countries,
  topics: [],
  source: "test/integration/notifications.test.ts",
});

describe("a document submitted for review", () => {
  it("is mailed once to everyone who may publish it (committee in effect and secretariat) except its last editor and its submitter, even when the trigger runs twice", async () => {
    const deps = { db, clock };
    // Written by the Chilean committee member, submitted by the secretariat: neither may publish it.
    await changeDocument(deps, actor("cl-comm", true), "saveDraft", {
      id: "review-me",
      document: content("review-me", ["CL"]),
    });
    await changeDocument(deps, actor("sec", false), "submit", { id: "review-me", baseVersion: 1 });
    const [submitted] = await entries("document.submit");
    if (!submitted) throw new Error("no audit entry for the submission");
    const [first, second] = await react(submitted, 2);
    expect(second, "the second delivery of the trigger queues nothing").toBe(0);
    expect(first).toBe(1);

    const mails = await deliverAll();
    expect(mails.map((m) => m.to).sort()).toEqual(["pe-comm@example.org"]);
    const english = mails.find((m) => m.to === "pe-comm@example.org");
    expect(english?.subject).toBe("Document to review: News review-me");
    expect(english?.text).toContain("Rep sec submitted “News review-me” for review");
    expect(english?.text).toContain(`${CONSOLE}#/documents/review-me`);
  });

  it("leaves out the member who wrote and submitted it, and every member in effect", async () => {
    const deps = { db, clock };
    await changeDocument(deps, actor("cl-member", false), "saveDraft", {
      id: "from-a-member",
      document: content("from-a-member", ["CL"]),
    });
    await changeDocument(deps, actor("cl-member", false), "submit", { id: "from-a-member", baseVersion: 1 });
    const submitted = (await entries("document.submit")).find((e) => e.get("target.id") === "from-a-member");
    if (!submitted) throw new Error("no audit entry for the submission");
    expect(await react(submitted)).toEqual([3]);
    const mails = await deliverAll();
    expect(mails.map((m) => m.to).sort()).toEqual(["cl-comm@example.org", "pe-comm@example.org", "sec@example.org"]);
  });
});

describe("a committee seat gained or lost", () => {
  it("is mailed once to the representatives of that country, and an override that changes no seat mails nobody", async () => {
    const events = db.collection("events").withConverter(converterFor("events"));
    await events.doc("seminario-mexico").set({
      id: "seminario-mexico",
      kind: "seminar",
      title: { es: "Seminario en México" },
      status: "planned",
      start: "2027-05",
      hostCountries: ["MX"],
      organizerIds: [],
      attendingCountries: [],
      sessions: [],
      source: "test",
    });
    await recomputeSeats(db, clock);
    const gained = (await entries("seat.rule")).find((e) => e.get("target.id") === "MX" && e.get("after") !== null);
    if (!gained) throw new Error("no seat entry for Mexico");
    expect(await react(gained, 2)).toEqual([2, 0]);
    let mails = await deliverAll();
    expect(mails.map((m) => m.to).sort()).toEqual(["mx-comm@example.org", "mx-member@example.org"]);
    expect(mails.find((m) => m.to === "mx-member@example.org")?.subject).toBe(
      "Mexique siège désormais au Comité exécutif",
    );

    for (const doc of await db.collection(OUTBOX_COLLECTION).listDocuments()) await doc.delete();
    sink.received.length = 0;
    const planned = (await events.doc("seminario-mexico").get()).data();
    if (!planned) throw new Error("the event was not written");
    await events.doc("seminario-mexico").set({ ...planned, status: "cancelled" });
    await recomputeSeats(db, clock);
    const lost = (await entries("seat.rule")).find((e) => e.get("target.id") === "MX" && e.get("after") === null);
    if (!lost) throw new Error("no entry for the lost seat");
    expect(await react(lost)).toEqual([2]);
    mails = await deliverAll();
    expect(mails.map((m) => m.subject).sort()).toEqual([
      "Mexique ne siège plus au Comité exécutif",
      "México ya no tiene un puesto en el Comité Ejecutivo",
    ]);

    // The secretariat's override is audited on seatOverrides; the seat's own entry carries the change.
    const override = {
      at: now.toISOString(),
      actor: { uid: "uid-sec", memberId: "sec", role: "secretariat" },
      action: "seat.set",
      target: { collection: "seatOverrides", id: "CL" },
      countryIds: ["CL"],
      before: null,
      after: { countryId: "CL", seat: true, reason: "Ya tiene puesto", by: "uid-sec", at: now.toISOString() },
      reason: "Ya tiene puesto",
    };
    expect(await reactToAuditEntry(notice(), "override-entry", override)).toBe(0);
  });
});

describe("an invitation", () => {
  it("is mailed by the invite callable to the stored address with its single-use link, once", async () => {
    const result = await invite(
      {
        db,
        clock,
        consoleOrigin: CONSOLE,
        notices: { log: () => {}, siteOrigin: SITE, consoleBase: CONSOLE, sealKey: SEAL_KEY },
      },
      actor("sec", false),
      {
        email: "New.Person@Example.org",
        role: "member",
        countryId: "PE",
        memberId: "new-person",
        name: "Nueva Persona",
        inviteeLang: "es",
      },
    );
    // The callable's mail queued again (a retried call): the invitation's id keeps it one message.
    const stored = InvitationSchema.parse((await db.collection("invitations").doc(result.invitationId).get()).data());
    expect(
      await queueInvitationMail(notice(), { id: result.invitationId, token: result.token, record: stored }),
    ).toMatchObject({ created: false });
    const [message, ...others] = await queued();
    expect(others).toEqual([]);
    expect(message?.key).toEqual({
      purpose: "invitation",
      recipient: `invitation:${result.invitationId}`,
      occurrence: result.invitationId,
    });
    const [mail] = await deliverAll();
    expect(mail?.to).toBe("new.person@example.org");
    expect(mail?.subject).toBe("Invitación a la consola de la Red Interamericana de Compras Gubernamentales");
    expect(mail?.text).toContain(invitationUrl(CONSOLE, result.token));
    expect(mail?.text).toContain("en representación de Perú");
    // The token is in the mail and the callable's answer only: the stored invitation holds its hash.
    expect(JSON.stringify((await db.collection("invitations").doc(result.invitationId).get()).data())).not.toContain(
      result.token,
    );
  });
});

describe("an event reminder", () => {
  it("reaches the host country's representatives once through SMTP, though the job ran twice that day", async () => {
    await db
      .collection("events")
      .withConverter(converterFor("events"))
      .doc("taller-lima")
      .set({
        id: "taller-lima",
        kind: "workshop",
        title: { es: "Taller en Lima", en: "Workshop in Lima" },
        status: "planned",
        start: "2026-05-01",
        timeZone: "America/Lima",
        hostCountries: ["PE"],
        organizerIds: [],
        attendingCountries: [],
        sessions: [],
        source: "test",
      });
    const options = { origin: SITE, timeZone: JOBS_TIME_ZONE };
    const first = await runEventReminders(db, clock, () => {}, options);
    const second = await runEventReminders(db, clock, () => {}, options);
    expect([first.queued, second.queued]).toEqual([1, 0]);
    const mails = await deliverAll();
    expect(mails).toEqual([
      expect.objectContaining({ to: "pe-comm@example.org", subject: "Workshop in Lima: 30 days to go" }),
    ]);
  });
});
