import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DeliveryState,
  OUTBOX_COLLECTION,
  OutboxMessageSchema,
  type Recipient,
} from "../../functions/src/model/index.js";
import { claimMessage, type DeliveryDeps, deliverMessage, handOver } from "../../functions/src/notify/delivery.js";
import { enqueue } from "../../functions/src/notify/outbox.js";
import { smtpTransport } from "../../functions/src/notify/smtp.js";
import { sweepOutbox } from "../../functions/src/notify/sweeper.js";
import { composeMessage, type MessageSpec } from "../../functions/src/notify/templates.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import { type SinkBehaviour, type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const PROJECT_ID = `demo-outbox-faults-${process.pid}`;
const MESSAGES = 100;
let app: ReturnType<typeof initializeApp>;
let db: Firestore;
let sink: SmtpSink;

beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  app = initializeApp({ projectId: PROJECT_ID }, PROJECT_ID);
  db = getFirestore(app);
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await clearFirestore(PROJECT_ID);
  if (app) await deleteApp(app);
});

/** A small seeded generator (mulberry32), so a failing run can be replayed exactly. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

it("delivers every message exactly once or flags it for review, and loses none, through 100+ injected faults", async () => {
  const seed = Number(process.env.FAULT_SEED ?? 2005);
  const rand = random(seed);
  let now = Date.parse("2026-05-01T00:00:00Z");
  const faults: Record<string, number> = {};
  const fault = (name: string) => {
    faults[name] = (faults[name] ?? 0) + 1;
  };
  const deps: DeliveryDeps = {
    db,
    clock: () => new Date(now),
    transport: smtpTransport({ host: "127.0.0.1", port: sink.port, user: "", password: "" }),
    sender: "Red <no-reply@compraspublicas.org>",
    log: () => {},
    leaseMs: 10_000,
    retry: { baseDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 8 },
  };
  const serverFaults: [number, string, SinkBehaviour][] = [
    [0.1, "server refused the message (451)", { kind: "refuse" }],
    [0.16, "connection dropped mid-message", { kind: "dropMidMessage" }],
    [0.22, "connection dropped after the server accepted", { kind: "dropAfterAccept" }],
    [0.25, "connection dropped after the whole message, nothing stored", { kind: "dropAfterData" }],
    [0.28, "server refused MAIL FROM (421)", { kind: "refuseMailFrom", code: 421 }],
    [0.31, "server refused RCPT TO (450)", { kind: "refuseRcptTo", code: 450 }],
    [0.34, "connection dropped at RCPT TO", { kind: "dropAtRcptTo" }],
  ];
  sink.behaviour = () => {
    const r = rand();
    const [, name, behaviour] = serverFaults.find(([below]) => r < below) ?? [1, "", { kind: "accept" }];
    if (name) fault(name);
    return behaviour;
  };

  const ids: string[] = [];
  for (let n = 0; n < MESSAGES; n++) {
    const to: Recipient = {
      id: `member:m${n}`,
      address: `m${n}@example.org`,
      lang: "pt",
      timeZone: "America/Sao_Paulo",
    };
    const spec: MessageSpec = {
      subject: "commitment.lastDay.subject",
      paragraphs: ["commitment.lastDay.body"],
      params: { host: "Chile", date: new Date(now) },
    };
    const { id } = await enqueue(db, deps.clock, deps.log, {
      purpose: "commitment.reminder",
      occurrence: "cl:last-day",
      recipient: to,
      content: composeMessage(spec, to, "https://www.compraspublicas.org"),
    });
    ids.push(id);
  }

  // The create triggers, each with its own fate.
  await Promise.all(
    ids.map(async (id) => {
      const r = rand();
      if (r < 0.3) {
        fault("trigger delivered twice");
        await Promise.all([deliverMessage(deps, id), deliverMessage(deps, id)]);
      } else if (r < 0.45) {
        fault("function died after claiming");
        await claimMessage(deps, id);
      } else if (r < 0.5) {
        fault("function died while handing the message over");
        const claim = await claimMessage(deps, id);
        if (claim) await handOver(deps, claim);
      } else {
        await deliverMessage(deps, id);
      }
    }),
  );

  // The sweeper's runs, two at once each time; for a while the server refuses every connection.
  for (let round = 0; round < 40; round++) {
    now += 31_000;
    sink.refusingConnections = round >= 1 && round < 4;
    const before = sink.received.length;
    const [a, b] = await Promise.all([sweepOutbox(deps), sweepOutbox(deps)]);
    fault("two sweepers at once");
    if (a.attempted + b.attempted + a.reclaimed + b.reclaimed === 0 && sink.received.length === before && round > 6)
      break;
  }

  const states = new Map<string, string>();
  for (const doc of (await db.collection(OUTBOX_COLLECTION).get()).docs) {
    states.set(doc.id, OutboxMessageSchema.parse(doc.data()).delivery.state);
  }
  const arrivals = new Map<string, number>();
  for (const mail of sink.received) {
    const id = /^<([0-9a-f]+)@/.exec(mail.messageId ?? "")?.[1] ?? "";
    arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
  }
  faults["connection refused while the server was refusing"] = sink.refusedConnections;
  const total = Object.values(faults).reduce((sum, n) => sum + n, 0);
  const counts: Record<string, number> = {};
  for (const state of states.values()) counts[state] = (counts[state] ?? 0) + 1;
  const summary = { seed, faults, total, states: counts };
  expect(total, JSON.stringify(summary)).toBeGreaterThanOrEqual(100);
  for (const id of ids) {
    const state = states.get(id);
    const count = arrivals.get(id) ?? 0;
    // None lost: every message ends sent, failed for a stated reason, or flagged for a person.
    expect(["sent", "failed", "unknown"], `${id} (${JSON.stringify(summary)})`).toContain(state);
    // Never twice, whatever happened.
    expect(count, id).toBeLessThanOrEqual(1);
    if (state === "sent") expect(count, `${id} is recorded sent`).toBe(1);
    if (state === "failed") expect(count, `${id} is recorded failed`).toBe(0);
  }
  expect([...arrivals.keys()].every((id) => ids.includes(id))).toBe(true);
  // The run must exercise both ends: most messages sent, some flagged.
  expect([...states.values()].filter((s) => s === "sent").length).toBeGreaterThan(MESSAGES / 2);
  expect([...states.values()]).toContain("unknown");
});

describe("what each SMTP failure means for a message", () => {
  const cases: [string, SinkBehaviour, DeliveryState, number][] = [
    ["a 4xx reply to MAIL FROM: not taken, retried", { kind: "refuseMailFrom", code: 451 }, "retrying", 0],
    ["a 5xx reply to MAIL FROM: not taken, failed", { kind: "refuseMailFrom", code: 550 }, "failed", 0],
    ["a 4xx reply to RCPT TO: not taken, retried", { kind: "refuseRcptTo", code: 450 }, "retrying", 0],
    ["a 5xx reply to RCPT TO: not taken, failed", { kind: "refuseRcptTo", code: 550 }, "failed", 0],
    ["a 4xx reply to the message: not taken, retried", { kind: "refuse", code: 451 }, "retrying", 0],
    ["a 5xx reply to the message: not taken, failed", { kind: "refuse", code: 554 }, "failed", 0],
    ["the connection lost at RCPT TO: nothing sent, retried", { kind: "dropAtRcptTo" }, "retrying", 0],
    ["the connection lost mid-message: no final dot, retried", { kind: "dropMidMessage" }, "retrying", 0],
    ["the connection lost after the final dot, not stored: unknown", { kind: "dropAfterData" }, "unknown", 0],
    ["the connection lost after the final dot, stored: unknown", { kind: "dropAfterAccept" }, "unknown", 1],
  ];
  let n = 0;
  it.each(cases)("%s", async (_name, behaviour, expected, arrived) => {
    const deps: DeliveryDeps = {
      db,
      clock: () => new Date("2026-05-02T00:00:00Z"),
      transport: smtpTransport({ host: "127.0.0.1", port: sink.port, user: "", password: "" }),
      sender: "Red <no-reply@compraspublicas.org>",
      log: () => {},
    };
    sink.behaviour = () => behaviour;
    const to: Recipient = { id: `case:${n}`, address: `case-${n++}@example.org`, lang: "es", timeZone: "UTC" };
    const { id } = await enqueue(db, deps.clock, deps.log, {
      purpose: "smtp.case",
      occurrence: "1",
      recipient: to,
      content: composeMessage(
        { subject: "commitment.lastDay.subject", paragraphs: [], params: { host: "Chile", date: new Date() } },
        to,
        "https://www.compraspublicas.org",
      ),
    });
    const before = sink.received.length;
    expect(await deliverMessage(deps, id)).toBe(expected);
    expect(sink.received.slice(before).filter((m) => m.messageId?.startsWith(`<${id}@`))).toHaveLength(arrived);
  });
});
