import { parse } from "parse5";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LogEntry } from "../../functions/src/log.js";
import { OUTBOX_COLLECTION, type OutboxMessage, type Recipient } from "../../functions/src/model/index.js";
import { claimMessage, type DeliveryDeps, deliverMessage, handOver } from "../../functions/src/notify/delivery.js";
import { NotifyError } from "../../functions/src/notify/errors.js";
import { enqueue, outboxId } from "../../functions/src/notify/outbox.js";
import { resolveReview } from "../../functions/src/notify/review.js";
import { sweepOutbox } from "../../functions/src/notify/sweeper.js";
import { composeMessage, type MessageSpec } from "../../functions/src/notify/templates.js";
import { clearFirestore } from "../support/emulator-suite.js";
import { emulatedProject } from "../support/functions-admin.js";
import { transportTo } from "../support/outbox-delivery.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const PROJECT_ID = `demo-outbox-${process.pid}`;
const ORIGIN = "https://www.compraspublicas.org";
const SENDER = "Red Interamericana <no-reply@compraspublicas.org>";
const db = emulatedProject(PROJECT_ID);
let sink: SmtpSink;
let now = Date.parse("2026-03-01T12:00:00Z");
const logged: LogEntry[] = [];

const deps = (): DeliveryDeps => ({
  db,
  clock: () => new Date(now),
  transport: transportTo(sink),
  sender: SENDER,
  log: (entry) => logged.push(entry),
  leaseMs: 10_000,
  retry: { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 8 },
});

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
});
beforeEach(async () => {
  await clearFirestore(PROJECT_ID);
  sink.received.length = 0;
  sink.behaviour = () => ({ kind: "accept" });
  sink.refusingConnections = false;
  logged.length = 0;
});

const reminder = (host: string, days = 30): MessageSpec => ({
  subject: "commitment.reminder.subject",
  paragraphs: ["commitment.reminder.body"],
  params: { host, days, date: new Date("2026-03-31T03:00:00Z") },
  action: { label: "commitment.action", path: "/es/hosting" },
});

const recipient = (n: number, overrides: Partial<Recipient> = {}): Recipient => ({
  id: `member:person-${n}`,
  name: `Person ${n}`,
  address: `person-${n}@example.org`,
  lang: "es",
  timeZone: "America/Santiago",
  ...overrides,
});

const queue = async (n: number, overrides: Partial<Recipient> = {}, spec = reminder("ChileCompra")) => {
  const to = recipient(n, overrides);
  return enqueue(db, () => new Date(now), deps().log, {
    purpose: "commitment.reminder",
    occurrence: "cl-2026:30d",
    recipient: to,
    content: composeMessage(spec, to, ORIGIN),
  });
};

/** The text nodes of an HTML tree, as a browser would show them. */
type Node = { nodeName: string; value?: string; childNodes?: Node[] };
const textsOf = (node: Node): string[] =>
  node.nodeName === "#text" ? [node.value ?? ""] : (node.childNodes ?? []).flatMap(textsOf);

const stored = async (id: string) => (await db.collection(OUTBOX_COLLECTION).doc(id).get()).data() as OutboxMessage;
const arrivalsOf = (id: string) => sink.received.filter((m) => m.messageId === `<${id}@compraspublicas.org>`).length;

describe("the outbox", () => {
  it("sends a queued message once through SMTP and records the server's reply and message id", async () => {
    const { id } = await queue(1, { name: "Ana <b>Pérez</b>", lang: "en", timeZone: "Asia/Tokyo" });
    expect(await deliverMessage(deps(), id)).toBe("sent");

    const [mail] = sink.received;
    expect(sink.received).toHaveLength(1);
    expect(mail?.subject).toBe("The site's hosting commitment ends in 30 days");
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined).toEqual({
      address: "person-1@example.org",
      name: "Ana <b>Pérez</b>",
    });
    // 2026-03-31T03:00Z is still 30 March in Santiago but already 31 March in Tokyo.
    expect(mail?.text).toContain("March 31, 2026");
    expect(mail?.text).toContain("Dear Ana <b>Pérez</b>,");
    expect(mail?.text).toContain("https://www.compraspublicas.org/es/hosting");
    const html = String(mail?.html);
    expect(html).not.toContain("<b>Pérez</b>");
    expect(textsOf(parse(html) as unknown as Node)).toContain("Dear Ana <b>Pérez</b>,");

    const { delivery } = await stored(id);
    expect(delivery).toMatchObject({ state: "sent", attempts: 1, messageId: `<${id}@compraspublicas.org>` });
    expect(delivery.response).toMatch(/^250 /);
    expect(await deliverMessage(deps(), id), "a second delivery of the same trigger").toBeUndefined();
    expect(sink.received).toHaveLength(1);
    expect(JSON.stringify(logged)).not.toMatch(/example\.org|Pérez/);
  });

  it("never queues the same purpose, recipient and occurrence twice", async () => {
    const first = await queue(2);
    const second = await queue(2);
    expect(first).toEqual({
      id: outboxId({ purpose: "commitment.reminder", recipient: "member:person-2", occurrence: "cl-2026:30d" }),
      created: true,
    });
    expect(second).toEqual({ id: first.id, created: false });
    expect((await db.collection(OUTBOX_COLLECTION).get()).size).toBe(1);
  });

  it("refuses a line break in a name, flattens one in a subject's value, and refuses an unusable address", async () => {
    await expect(queue(3, { name: "Eve\r\nBcc: victim@example.org" })).rejects.toThrow(NotifyError);
    await expect(queue(3, { name: "Eve\r\nBcc: victim@example.org" })).rejects.toThrow(/line breaks \(CR\/LF\)/);
    // A value from a record (a title, a count) is put on one line in the subject instead of
    // stopping the message: no line break reaches a header, and one bad title stops nobody's mail.
    const flattened = await queue(
      4,
      {},
      { ...reminder("Chile"), params: { days: "30\r\nBcc: x@example.org", host: "Chile" } },
    );
    const subject = (await db.collection(OUTBOX_COLLECTION).doc(flattened.id).get()).get("subject");
    expect(subject).toContain("30 Bcc: x@example.org");
    expect(subject).not.toMatch(/[\r\n]/);
    await db.collection(OUTBOX_COLLECTION).doc(flattened.id).delete();
    await expect(queue(5, { address: "not-an-address" })).rejects.toThrow(/email address/);
    await expect(queue(6, { address: "a@example.org\r\nRCPT TO:<b@example.org>" })).rejects.toThrow(NotifyError);
    expect((await db.collection(OUTBOX_COLLECTION).get()).size).toBe(0);
  });

  it("retries a temporary refusal after its backoff and then sends it", async () => {
    let refusals = 2;
    sink.behaviour = () => (refusals-- > 0 ? { kind: "refuse" } : { kind: "accept" });
    const { id } = await queue(7);
    expect(await deliverMessage(deps(), id)).toBe("retrying");
    const first = (await stored(id)).delivery;
    expect(first).toMatchObject({ state: "retrying", attempts: 1, nextAttemptAtMs: now + 1_000 });
    expect(first.error).toMatch(/451/);
    expect(await sweepOutbox(deps())).toMatchObject({ attempted: 0 });
    now += 1_000;
    await sweepOutbox(deps());
    expect((await stored(id)).delivery).toMatchObject({ state: "retrying", attempts: 2, nextAttemptAtMs: now + 2_000 });
    now += 2_000;
    await sweepOutbox(deps());
    expect((await stored(id)).delivery).toMatchObject({ state: "sent", attempts: 3 });
    expect(arrivalsOf(id)).toBe(1);
  });

  it("fails a message the server refuses for good, with its reason, and never resends it", async () => {
    sink.behaviour = () => ({ kind: "refuse", code: 550 });
    const { id } = await queue(8);
    expect(await deliverMessage(deps(), id)).toBe("failed");
    expect((await stored(id)).delivery.error).toMatch(/550/);
    now += 3_600_000;
    expect(await sweepOutbox(deps())).toEqual({ reclaimed: 0, flagged: 0, attempted: 0 });
  });

  it("flags for review, without resending, a message whose connection broke after the server may have taken it", async () => {
    sink.behaviour = () => ({ kind: "dropAfterAccept" });
    const { id } = await queue(9);
    expect(await deliverMessage(deps(), id)).toBe("unknown");
    expect(arrivalsOf(id)).toBe(1);
    now += 3_600_000;
    await sweepOutbox(deps());
    expect((await stored(id)).delivery.state).toBe("unknown");
    expect(arrivalsOf(id)).toBe(1);
  });

  it("sends again a message whose attempt died after claiming it but before talking to the server", async () => {
    const { id } = await queue(10);
    expect(await claimMessage(deps(), id)).toBeDefined();
    expect(await sweepOutbox(deps()), "the lease still holds").toEqual({ reclaimed: 0, flagged: 0, attempted: 0 });
    now += 10_001;
    expect(await sweepOutbox(deps())).toEqual({ reclaimed: 1, flagged: 0, attempted: 1 });
    expect((await stored(id)).delivery).toMatchObject({ state: "sent", attempts: 2 });
    expect(arrivalsOf(id)).toBe(1);
  });

  it("flags a message whose attempt died while handing it to the server", async () => {
    const { id } = await queue(11);
    const claim = await claimMessage(deps(), id);
    expect(claim && (await handOver(deps(), claim))).toBe(true);
    now += 10_001;
    expect(await sweepOutbox(deps())).toEqual({ reclaimed: 0, flagged: 1, attempted: 0 });
    expect((await stored(id)).delivery).toMatchObject({ state: "unknown" });
  });

  it("does not let an attempt whose claim was taken back talk to the server", async () => {
    const { id } = await queue(12);
    const claim = await claimMessage(deps(), id);
    now += 10_001;
    await sweepOutbox(deps());
    expect(claim && (await handOver(deps(), claim))).toBe(false);
    expect(arrivalsOf(id)).toBe(1);
  });

  it("lets a person settle a flagged message: resent when it did not arrive, and never a message not flagged", async () => {
    sink.behaviour = () => ({ kind: "dropAfterData" });
    const { id } = await queue(13);
    expect(await deliverMessage(deps(), id)).toBe("unknown");
    expect(arrivalsOf(id)).toBe(0);
    sink.behaviour = () => ({ kind: "accept" });
    const secretariat = { uid: "secretariat-1" };
    expect(await resolveReview(db, () => new Date(now), secretariat, { id, decision: "resend" })).toMatchObject({
      state: "retrying",
      reviewedBy: "secretariat-1",
    });
    await sweepOutbox(deps());
    expect((await stored(id)).delivery.state).toBe("sent");
    expect(arrivalsOf(id)).toBe(1);
    await expect(resolveReview(db, () => new Date(now), secretariat, { id, decision: "resend" })).rejects.toThrow(
      /only a message flagged for review/,
    );
  });

  it("records a flagged message that a person confirmed delivered as sent, without sending it again", async () => {
    sink.behaviour = () => ({ kind: "dropAfterAccept" });
    const { id } = await queue(14);
    expect(await deliverMessage(deps(), id)).toBe("unknown");
    await resolveReview(db, () => new Date(now), { uid: "s" }, { id, decision: "arrived" });
    now += 3_600_000;
    await sweepOutbox(deps());
    expect((await stored(id)).delivery).toMatchObject({ state: "sent", reviewedBy: "s" });
    expect(arrivalsOf(id)).toBe(1);
  });
});
