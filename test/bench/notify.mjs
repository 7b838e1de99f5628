// Figures for notifications (issue #8), called from scripts/bench.mjs (`--notify-only` runs this
// section alone): the daily reminder job's duration and Firestore reads and writes with 10,000
// members and 1,000 due reminders, and outbox throughput against a local SMTP server beside
// nodemailer sending the same messages straight.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SMTPServer } from "smtp-server";
import { ROOT } from "../../scripts/emulators.mjs";

const requireFromFunctions = createRequire(join(ROOT, "functions/package.json"));
const lib = (path) => import(pathToFileURL(join(ROOT, "functions/lib", path)).href);

/**
 * Counts what reaches Firestore, by wrapping the client library's own methods: a document read
 * is one read, a query one per document (at least one), each write one.
 */
function meterFirestore() {
  const fs = requireFromFunctions("@google-cloud/firestore");
  const meter = { reads: 0, writes: 0 };
  const wrap = (proto, name, count) => {
    const original = proto[name];
    proto[name] = function (...args) {
      const result = original.apply(this, args);
      if (result && typeof result.then === "function") {
        return result.then((value) => {
          count(value, args);
          return value;
        });
      }
      count(result, args);
      return result;
    };
  };
  const docsRead = (value) => {
    meter.reads += Array.isArray(value) ? value.length : value?.docs ? Math.max(1, value.docs.length) : 1;
  };
  wrap(fs.DocumentReference.prototype, "get", docsRead);
  wrap(fs.Query.prototype, "get", docsRead);
  wrap(fs.Firestore.prototype, "getAll", docsRead);
  wrap(fs.Transaction.prototype, "get", docsRead);
  for (const name of ["create", "set", "update", "delete"]) {
    wrap(fs.DocumentReference.prototype, name, () => meter.writes++);
    wrap(fs.Transaction.prototype, name, () => meter.writes++);
  }
  return meter;
}

async function startSink() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received++;
        callback(null, "queued");
      });
      stream.resume();
    },
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: server.server.address().port,
    received: () => received,
    close: () => new Promise((r) => server.close(r)),
  };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const fmt = (n) => n.toLocaleString("en-US");

export async function notifyFigures({ emit, table, status, quick }) {
  const [{ initializeApp }, { getFirestore }] = [
    requireFromFunctions("firebase-admin/app"),
    requireFromFunctions("firebase-admin/firestore"),
  ];
  const [
    { runCommitmentReminders },
    { activateCommitment },
    { dayIn },
    config,
    { loadSeed },
    delivery,
    outbox,
    smtp,
    templates,
    sweeper,
  ] = await Promise.all([
    lib("commitment/reminders.js"),
    lib("commitment/actions.js"),
    lib("commitment/days.js"),
    lib("config.js"),
    lib("seed/load-seed.js"),
    lib("notify/delivery.js"),
    lib("notify/outbox.js"),
    lib("notify/smtp.js"),
    lib("notify/templates.js"),
    lib("notify/sweeper.js"),
  ]);
  const meter = meterFirestore();
  const projectId = "demo-bench-notify";
  const db = getFirestore(initializeApp({ projectId }, projectId));
  const log = () => {};
  const members = quick ? 1_000 : 10_000;
  const due = quick ? 100 : 1_000;

  status(`notify: writing ${fmt(members)} members, ${fmt(due)} of them the committee's with contacts`);
  await loadSeed(db, join(ROOT, "seed"));
  for (let start = 0; start < members; start += 400) {
    const batch = db.batch();
    for (let n = start; n < Math.min(members, start + 400); n++) {
      const id = `bench-member-${n}`;
      const rep = n < due;
      batch.set(db.collection("members").doc(id), {
        id,
        name: `Member ${n}`,
        countryId: rep ? "CL" : "AR",
        preferredLanguage: ["es", "en", "pt", "fr"][n % 4],
        timeZone: "America/Santiago",
        public: false,
        source: "test/bench/notify.mjs",
      });
      if (rep) batch.set(db.collection("memberContacts").doc(id), { id, email: `member-${n}@example.org` });
    }
    await batch.commit();
  }
  const timeZone = config.JOBS_TIME_ZONE;
  const today = dayIn(new Date(), timeZone);
  const start = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  await activateCommitment(
    db,
    () => new Date(),
    { uid: "bench" },
    { commitmentId: "site-hosting-chile-2005", termStart: start },
    { timeZone },
  );
  const options = { origin: "https://www.compraspublicas.org", timeZone };

  const runs = [];
  for (const label of ["a day with a milestone due", "the same day again (nothing due)"]) {
    const before = { ...meter };
    const t0 = performance.now();
    const run = await runCommitmentReminders(db, () => new Date(), log, options);
    runs.push([
      label,
      seconds(performance.now() - t0),
      fmt(run.queued),
      fmt(meter.reads - before.reads),
      fmt(meter.writes - before.writes),
    ]);
  }
  const sweepBefore = { ...meter };
  const t1 = performance.now();
  const noSmtp = {
    sendMail: () => Promise.reject(Object.assign(new Error("not in this figure"), { responseCode: 451 })),
  };
  // The queued messages are pending and due: a sweep with no server behind it measures the scan.
  await sweeper.sweepOutbox(
    { db, clock: () => new Date(), transport: noSmtp, sender: "b <b@example.org>", log },
    { limit: 1 },
  );
  runs.push([
    "outbox sweep, 1 due message tried",
    seconds(performance.now() - t1),
    "–",
    fmt(meter.reads - sweepBefore.reads),
    fmt(meter.writes - sweepBefore.writes),
  ]);

  emit("### Notifications: daily jobs");
  emit();
  emit(
    `${fmt(members)} members, ${fmt(due)} of them representatives of committee countries with an email; one active hosting term whose last day is today (one milestone due). Reads and writes counted at the Firestore client library. Subscribers are not this job's: they get a publication's news from its trigger (next table).`,
  );
  emit();
  table(["run", "duration", "messages queued", "reads", "writes"], runs);

  await publicationFigures({ db, meter, emit, table, status, quick, log });

  // Outbox throughput against a local SMTP server, beside nodemailer sending the same messages straight.
  const count = quick ? 50 : 300;
  const sink = await startSink();
  try {
    const transport = smtp.smtpTransport({ host: "127.0.0.1", port: sink.port, user: "", password: "" });
    const deps = { db, clock: () => new Date(), transport, sender: "Red <no-reply@compraspublicas.org>", log };
    const recipient = (n) => ({
      id: `bench:${n}`,
      address: `r${n}@example.org`,
      lang: "es",
      timeZone: "America/Santiago",
    });
    const spec = {
      subject: "commitment.lastDay.subject",
      paragraphs: ["commitment.lastDay.body"],
      params: { host: "Chile", date: new Date() },
    };
    const ids = [];
    const messages = [];
    for (let n = 0; n < count; n++) {
      const content = templates.composeMessage(spec, recipient(n), options.origin);
      messages.push({
        from: deps.sender,
        to: recipient(n).address,
        subject: content.subject,
        text: content.text,
        html: content.html,
      });
      ids.push(
        (
          await outbox.enqueue(db, deps.clock, log, {
            purpose: "bench",
            occurrence: "throughput",
            recipient: recipient(n),
            content,
          })
        ).id,
      );
    }
    const concurrency = 8;
    const pool = async (items, work) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < items.length) await work(items[next++]);
        }),
      );
    };
    status(`notify: ${count} messages through the outbox, then straight`);
    const o0 = performance.now();
    await pool(ids, (id) => delivery.deliverMessage(deps, id));
    const outboxMs = performance.now() - o0;
    const s0 = performance.now();
    await pool(messages, (m) => transport.sendMail(m));
    const straightMs = performance.now() - s0;
    emit("### Notifications: outbox throughput");
    emit();
    emit(
      `${count} messages to an SMTP server on loopback (smtp-server), ${concurrency} at a time, one connection per message in both cases. The outbox adds a claim, a hand-over mark and the recorded outcome (Firestore emulator) to each send.`,
    );
    emit();
    table(
      ["path", "messages/s", "total"],
      [
        ["outbox (claim, hand over, SMTP, record)", (count / (outboxMs / 1000)).toFixed(1), seconds(outboxMs)],
        ["nodemailer straight", (count / (straightMs / 1000)).toFixed(1), seconds(straightMs)],
      ],
    );
    if (sink.received() !== 2 * count) emit(`(the server received ${sink.received()} messages, expected ${2 * count})`);
  } finally {
    await sink.close();
  }
}

/**
 * Queuing a publication's news for every confirmed subscriber (subscriptions/publish.ts), as the
 * audit trigger does: one message per subscriber through the outbox's create().
 */
async function publicationFigures({ db, meter, emit, table, status, quick, log }) {
  const [{ queuePublication }, { subscriberId }] = await Promise.all([
    lib("subscriptions/publish.js"),
    lib("subscriptions/keys.js"),
  ]);
  const key = "bench-only subscription key, long enough to be a key";
  const subscribers = quick ? 1_000 : 10_000;
  status(`notify: writing ${fmt(subscribers)} confirmed subscribers`);
  for (let start = 0; start < subscribers; start += 400) {
    const batch = db.batch();
    for (let n = start; n < Math.min(subscribers, start + 400); n++) {
      const address = `subscriber-${n}@example.org`;
      batch.set(db.collection("subscribers").doc(subscriberId(key, address)), {
        status: "confirmed",
        address,
        lang: ["es", "en", "pt", "fr"][n % 4],
        confirmedAtMs: Date.now(),
      });
    }
    await batch.commit();
  }
  const document = {
    id: "bench-news",
    kind: "news",
    title: { es: "Noticia de prueba", en: "Bench news" },
    summary: { es: "Resumen", en: "Summary" },
    body: { es: "Texto", en: "Text" },
    translations: { es: "original", en: "translated" },
    countries: [],
    topics: [],
    source: "test/bench/notify.mjs",
    status: "published",
    publishedOn: "2026-11-27",
    version: 2,
  };
  const deps = { db, clock: () => new Date(), log, key, origin: "https://www.compraspublicas.org" };
  const rows = [];
  for (const label of ["first run", "the same publication again (trigger delivered twice)"]) {
    status(`notify: publication to ${fmt(subscribers)} subscribers, ${label}`);
    const before = { ...meter };
    const t0 = performance.now();
    const { queued, already } = await queuePublication(deps, document);
    rows.push([
      label,
      seconds(performance.now() - t0),
      fmt(queued),
      fmt(already),
      fmt(meter.reads - before.reads),
      fmt(meter.writes - before.writes),
    ]);
  }
  emit("### Notifications: a publication to subscribers");
  emit();
  emit(
    `${fmt(subscribers)} confirmed subscribers in four languages; pages of 500 subscribers, 50 outbox creates at a time (Firestore emulator). A create that finds its message already queued fails and costs no write, so the second run only reads.`,
  );
  emit();
  table(["run", "duration", "queued", "already queued", "reads", "writes"], rows);
}
