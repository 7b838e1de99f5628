import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DeliveryState,
  OUTBOX_COLLECTION,
  OutboxMessageSchema,
  type Recipient,
} from "../../functions/src/model/index.js";
import {
  claimMessage,
  type DeliveryDeps,
  deliverMessage,
  handOver,
  type MailTransport,
} from "../../functions/src/notify/delivery.js";
import { enqueue } from "../../functions/src/notify/outbox.js";
import { resolveReview } from "../../functions/src/notify/review.js";
import { sweepOutbox } from "../../functions/src/notify/sweeper.js";
import { composeMessage, type MessageSpec } from "../../functions/src/notify/templates.js";
import { emulatedProject } from "../support/functions-admin.js";
import { transportTo } from "../support/outbox-delivery.js";
import { type SinkBehaviour, type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const PROJECT_ID = `demo-outbox-faults-${process.pid}`;
const MESSAGES = 100;
const db = emulatedProject(PROJECT_ID);
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
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

/** Fisher-Yates with the seeded generator: the same seed, the same order. */
function shuffled<T>(items: T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The fewest times each kind of fault must happen in the run, whatever the seed. */
const MIN_PER_KIND = 5;

// What befalls a message's create trigger, and what the server does with a transaction.
const DIED_AFTER_ACCEPT = "server accepted the message, then the function died before recording it";
const TRIGGER_FATES = [
  "trigger delivered twice",
  "function died after claiming",
  "function died while handing the message over",
  DIED_AFTER_ACCEPT,
] as const;
const SERVER_FAULTS: [string, SinkBehaviour][] = [
  ["server refused the message (451)", { kind: "refuse" }],
  ["connection dropped mid-message", { kind: "dropMidMessage" }],
  ["connection dropped after the server accepted", { kind: "dropAfterAccept" }],
  ["connection dropped after the whole message, nothing stored", { kind: "dropAfterData" }],
  ["server refused MAIL FROM (421)", { kind: "refuseMailFrom", code: 421 }],
  ["server refused RCPT TO (450)", { kind: "refuseRcptTo", code: 450 }],
  ["connection dropped at RCPT TO", { kind: "dropAtRcptTo" }],
];
const REFUSED_CONNECTION = "connection refused while the server was refusing";
const TWO_SWEEPERS = "two sweepers at once";

/**
 * A transport that hands the message to a server that accepts it, then never returns: the
 * function died between the server's 250 and the write that records it. The attempt had marked
 * the message handed over before talking to the server, which is all the sweeper will know.
 */
function diesAfterAccept(server: MailTransport, accepted: () => void): MailTransport {
  return {
    async sendMail(message) {
      await server.sendMail(message);
      accepted();
      return new Promise<never>(() => {});
    },
  };
}

/**
 * Starts an attempt whose function dies once `server` has accepted the message, and returns
 * then (or when the attempt ends otherwise, which the caller's assertions then catch).
 */
function untilAccepted(deps: DeliveryDeps, server: MailTransport, id: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    deliverMessage({ ...deps, transport: diesAfterAccept(server, resolve) }, id).then(() => resolve(), reject);
  });
}

it(`delivers every message exactly once or flags it for review, and loses none, through at least ${MIN_PER_KIND} faults of each kind`, async () => {
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
    transport: transportTo(sink),
    sender: "Red <no-reply@compraspublicas.org>",
    log: () => {},
    leaseMs: 10_000,
    retry: { baseDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 8 },
  };
  // The server's faults: each kind MIN_PER_KIND times among the first transactions, in a seeded
  // order, then at random; the messages whose function dies after the server's 250 go to a server
  // of their own that always accepts, so that fault happens as often as it is dealt.
  const dealt = shuffled(
    [
      ...SERVER_FAULTS.flatMap((f) => Array.from({ length: MIN_PER_KIND }, () => f)),
      ...Array.from({ length: 40 }, (): [string, SinkBehaviour] => ["", { kind: "accept" }]),
    ],
    rand,
  );
  sink.behaviour = () => {
    // Once the dealt ones are used up, one transaction in five fails, in any of the ways.
    const r = rand();
    const drawn = r < 0.2 ? SERVER_FAULTS[Math.floor((r / 0.2) * SERVER_FAULTS.length)] : undefined;
    const [name, behaviour] = dealt.shift() ?? drawn ?? ["", { kind: "accept" }];
    if (name) fault(name);
    return behaviour;
  };
  const accepting = await startSmtpSink();
  const accepted = transportTo(accepting);

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

  // The create triggers, each with its own fate: every kind of death MIN_PER_KIND times, the
  // others delivered normally.
  const fates = shuffled(
    [
      ...TRIGGER_FATES.flatMap((f) => Array.from({ length: MIN_PER_KIND }, () => f)),
      ...Array.from({ length: MESSAGES - TRIGGER_FATES.length * MIN_PER_KIND }, () => "delivered" as const),
    ],
    rand,
  );
  const diedAfterAccept: string[] = [];
  await Promise.all(
    ids.map(async (id, n) => {
      const fate = fates[n];
      if (fate !== "delivered") fault(fate ?? "");
      if (fate === "trigger delivered twice") {
        await Promise.all([deliverMessage(deps, id), deliverMessage(deps, id)]);
      } else if (fate === "function died after claiming") {
        await claimMessage(deps, id);
      } else if (fate === "function died while handing the message over") {
        const claim = await claimMessage(deps, id);
        if (claim) await handOver(deps, claim);
      } else if (fate === DIED_AFTER_ACCEPT) {
        diedAfterAccept.push(id);
        // Not awaited: this attempt never ends; the test goes on once the server has the message.
        await untilAccepted(deps, accepted, id);
      } else {
        await deliverMessage(deps, id);
      }
    }),
  );

  // The sweeper's runs, two at once each time; for a while the server refuses every connection,
  // from the first run, when the messages of the functions that died are due again.
  for (let round = 0; round < 40; round++) {
    now += 31_000;
    sink.refusingConnections = round < 3;
    const before = sink.received.length;
    const [a, b] = await Promise.all([sweepOutbox(deps), sweepOutbox(deps)]);
    fault(TWO_SWEEPERS);
    if (a.attempted + b.attempted + a.reclaimed + b.reclaimed === 0 && sink.received.length === before && round > 6)
      break;
  }
  sink.refusingConnections = false;
  await accepting.close();

  const states = new Map<string, string>();
  for (const doc of (await db.collection(OUTBOX_COLLECTION).get()).docs) {
    states.set(doc.id, OutboxMessageSchema.parse(doc.data()).delivery.state);
  }
  const arrivals = new Map<string, number>();
  for (const mail of [...sink.received, ...accepting.received]) {
    const id = /^<([0-9a-f]+)@/.exec(mail.messageId ?? "")?.[1] ?? "";
    arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
  }
  faults[REFUSED_CONNECTION] = sink.refusedConnections;
  const counts: Record<string, number> = {};
  for (const state of states.values()) counts[state] = (counts[state] ?? 0) + 1;
  const summary = JSON.stringify({ seed, faults, states: counts });
  for (const kind of [...TRIGGER_FATES, ...SERVER_FAULTS.map(([name]) => name), REFUSED_CONNECTION, TWO_SWEEPERS]) {
    expect(faults[kind] ?? 0, `${kind} (${summary})`).toBeGreaterThanOrEqual(MIN_PER_KIND);
  }
  for (const id of ids) {
    const state = states.get(id);
    const count = arrivals.get(id) ?? 0;
    // None lost: every message ends sent, failed for a stated reason, or flagged for a person.
    expect(["sent", "failed", "unknown"], `${id} (${summary})`).toContain(state);
    // Never twice, whatever happened.
    expect(count, id).toBeLessThanOrEqual(1);
    if (state === "sent") expect(count, `${id} is recorded sent`).toBe(1);
    if (state === "failed") expect(count, `${id} is recorded failed`).toBe(0);
  }
  // The server has each of these; the function that gave it died before saying so: a person
  // decides, and nobody sent it again.
  for (const id of diedAfterAccept) {
    expect(states.get(id), `${id} whose function died after the server's 250`).toBe("unknown");
    expect(arrivals.get(id), `${id} arrived once`).toBe(1);
  }
  expect([...arrivals.keys()].every((id) => ids.includes(id))).toBe(true);
  // The run must exercise both ends: most messages sent, some flagged.
  expect([...states.values()].filter((s) => s === "sent").length).toBeGreaterThan(MESSAGES / 2);
  expect([...states.values()]).toContain("unknown");
});

describe("the server accepted the message, then the function died before recording it", () => {
  it("flags the message for review once its lease runs out, never sends it again, and a person's decision settles it", async () => {
    let now = Date.parse("2026-05-03T00:00:00Z");
    const deps: DeliveryDeps = {
      db,
      clock: () => new Date(now),
      transport: transportTo(sink),
      sender: "Red <no-reply@compraspublicas.org>",
      log: () => {},
      leaseMs: 10_000,
    };
    sink.behaviour = () => ({ kind: "accept" });
    const to: Recipient = { id: "died:1", address: "died-1@example.org", lang: "es", timeZone: "UTC" };
    const { id } = await enqueue(db, deps.clock, deps.log, {
      purpose: "smtp.died",
      occurrence: "1",
      recipient: to,
      content: composeMessage(
        { subject: "commitment.lastDay.subject", paragraphs: [], params: { host: "Chile", date: new Date(now) } },
        to,
        "https://www.compraspublicas.org",
      ),
    });
    const arrived = () => sink.received.filter((m) => m.messageId?.startsWith(`<${id}@`)).length;
    await untilAccepted(deps, deps.transport, id);
    expect(arrived()).toBe(1);
    const stateOf = async () =>
      OutboxMessageSchema.parse((await db.collection(OUTBOX_COLLECTION).doc(id).get()).data()).delivery;
    // While the lease holds, the sweeper leaves it to the attempt that holds it.
    expect((await sweepOutbox(deps)).flagged).toBe(0);
    expect((await stateOf()).state).toBe("sending");

    now += 10_001;
    expect((await sweepOutbox(deps)).flagged).toBe(1);
    expect(await stateOf()).toMatchObject({ state: "unknown", attempts: 1 });
    // However often the sweeper runs afterwards, and a trigger delivered again, nothing is resent.
    for (let round = 0; round < 5; round++) {
      now += 3_600_000;
      await sweepOutbox(deps);
      expect(await deliverMessage(deps, id)).toBeUndefined();
    }
    expect((await stateOf()).state).toBe("unknown");
    expect(arrived()).toBe(1);

    // The legitimate path: the secretariat sees it arrived and records it sent; nothing goes out.
    expect((await resolveReview(db, deps.clock, { uid: "demo-secretariat" }, { id, decision: "arrived" })).state).toBe(
      "sent",
    );
    now += 3_600_000;
    await sweepOutbox(deps);
    expect(arrived()).toBe(1);
  });
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
      transport: transportTo(sink),
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
