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
 * is one read, a query one per document (at least one), each write asked for one.
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
  // A write counts when it is asked for, whether or not it succeeds: a create that finds its
  // message already queued is a write attempted.
  const countCalls = (proto, name) => {
    const original = proto[name];
    proto[name] = function (...args) {
      meter.writes++;
      return original.apply(this, args);
    };
  };
  for (const name of ["create", "set", "update", "delete"]) {
    for (const proto of [fs.DocumentReference.prototype, fs.Transaction.prototype, fs.BulkWriter.prototype]) {
      countCalls(proto, name);
    }
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
    { dayIn, addDays },
    config,
    { loadSeed },
    delivery,
    outbox,
    smtp,
    templates,
    sweeper,
    { runEventReminders },
    { reactToAuditEntry },
  ] = await Promise.all([
    lib("reminders/commitment-reminders.js"),
    lib("commitment/actions.js"),
    lib("calendar/days.js"),
    lib("config.js"),
    lib("seed/load-seed.js"),
    lib("notify/delivery.js"),
    lib("notify/outbox.js"),
    lib("notify/smtp.js"),
    lib("notify/templates.js"),
    lib("notify/sweeper.js"),
    lib("reminders/event-reminders.js"),
    lib("notify/audit-reactions.js"),
  ]);
  const meter = meterFirestore();
  const projectId = "demo-bench-notify";
  const db = getFirestore(initializeApp({ projectId }, projectId));
  const log = () => {};
  const members = quick ? 1_000 : 10_000;
  const due = quick ? 100 : 1_000;
  const timeZone = config.JOBS_TIME_ZONE;
  const today = dayIn(new Date(), timeZone);
  const origin = "https://www.compraspublicas.org";

  // Every member has a console account and a private contact: the first `due` are the committee
  // (Chile holds a seat), the next `due` represent Argentina, which hosts an event 30 days from
  // today, and the rest are members of other countries whom no job today concerns.
  status(`notify: writing ${fmt(members)} members with accounts and contacts`);
  await loadSeed(db, join(ROOT, "seed"));
  const writer = db.bulkWriter();
  for (let n = 0; n < members; n++) {
    const id = `bench-member-${n}`;
    const countryId = n < due ? "CL" : n < 2 * due ? "AR" : ["MX", "BR", "CO", "UY"][n % 4];
    writer.set(db.collection("members").doc(id), {
      id,
      name: `Member ${n}`,
      countryId,
      preferredLanguage: ["es", "en", "pt", "fr"][n % 4],
      timeZone: "America/Santiago",
      public: false,
      source: "test/bench/notify.mjs",
    });
    writer.set(db.collection("memberContacts").doc(id), { id, email: `member-${n}@example.org` });
    writer.set(db.collection("accounts").doc(`uid-${id}`), {
      id: `uid-${id}`,
      memberId: id,
      role: n < due ? "committee" : "member",
      countryId,
    });
  }
  await writer.close();
  const start = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  await activateCommitment(
    db,
    () => new Date(),
    { uid: "bench" },
    { commitmentId: "site-hosting-chile-2005", termStart: start },
    { timeZone },
  );
  await db
    .collection("events")
    .doc("bench-seminar-buenos-aires")
    .set({
      id: "bench-seminar-buenos-aires",
      kind: "seminar",
      title: { es: "Seminario de prueba en Buenos Aires" },
      status: "planned",
      start: addDays(today, 30),
      timeZone: "America/Argentina/Buenos_Aires",
      hostCountries: ["AR"],
      organizerIds: [],
      attendingCountries: [],
      sessions: [],
      source: "test/bench/notify.mjs",
    });
  const options = { origin, timeZone };

  const runs = [];
  const measure = async (label, work) => {
    const before = { ...meter };
    const t0 = performance.now();
    const queued = await work();
    runs.push([
      label,
      seconds(performance.now() - t0),
      queued === undefined ? "–" : fmt(queued),
      fmt(meter.reads - before.reads),
      fmt(meter.writes - before.writes),
    ]);
  };
  status("notify: the daily jobs");
  for (const label of ["hosting commitment: a day with a milestone due", "hosting commitment: the same day again"]) {
    await measure(label, async () => (await runCommitmentReminders(db, () => new Date(), log, options)).queued);
  }
  for (const label of ["event reminders: an event 30 days ahead", "event reminders: the same day again"]) {
    await measure(label, async () => (await runEventReminders(db, () => new Date(), log, options)).queued);
  }
  const submitted = {
    at: new Date().toISOString(),
    actor: { uid: "uid-bench-member-0", memberId: "bench-member-0", role: "committee" },
    action: "document.submit",
    target: { collection: "documents", id: "bench-document" },
    countryIds: ["CL"],
    before: null,
    after: {
      id: "bench-document",
      kind: "news",
      title: { es: "Documento de prueba" },
      summary: { es: "Resumen." },
      body: { es: "Texto." },
      translations: { es: "original" },
      countries: ["CL"],
      topics: [],
      source: "test/bench/notify.mjs",
      status: "in-review",
      version: 2,
    },
  };
  const notice = { db, clock: () => new Date(), log, siteOrigin: origin, consoleBase: `${origin}/console/` };
  for (const label of ["audit trigger: a document submitted", "audit trigger: the same entry delivered again"]) {
    await measure(label, () => reactToAuditEntry(notice, "bench-audit-entry", submitted));
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

  emit("### Notifications: daily jobs and the audit trigger");
  emit();
  emit(
    `${fmt(members)} members, each with a console account and a private contact; ${fmt(due)} of them the committee (Chile), ${fmt(due)} representatives of Argentina, which hosts a published event 30 days from today; one active hosting term whose last day is today. Each first run queues ${fmt(due)} messages; run again, it queues none. Reads and writes counted at the Firestore client library (a query counts its documents; a create that finds its message already queued counts as a write attempted). Subscribers are not these jobs': they get a publication's news from its trigger (its own table).`,
  );
  emit();
  table(["run", "duration", "messages queued", "reads", "writes"], runs);

  // Queueing: one create after another (enqueue in a loop, as the jobs did) against one BulkWriter.
  status(`notify: queueing ${fmt(due)} messages both ways`);
  const queueing = [];
  const batch = (tag) =>
    Array.from({ length: due }, (_, n) => {
      const to = { id: `queue:${n}`, address: `q${n}@example.org`, lang: "es", timeZone: "America/Santiago" };
      return {
        purpose: "bench.queue",
        occurrence: tag,
        recipient: to,
        content: templates.composeMessage(
          {
            subject: "commitment.lastDay.subject",
            paragraphs: ["commitment.lastDay.body"],
            params: { host: "Chile", date: new Date() },
          },
          to,
          origin,
        ),
      };
    });
  const oneByOne = batch("one-by-one");
  const q0 = performance.now();
  for (const message of oneByOne) await outbox.enqueue(db, () => new Date(), log, message);
  queueing.push(["one create at a time (enqueue in a loop)", seconds(performance.now() - q0)]);
  const together = batch("bulk");
  const q1 = performance.now();
  const created = await outbox.enqueueAll(db, () => new Date(), log, together);
  queueing.push(["enqueueAll (one BulkWriter, ALREADY_EXISTS per message)", seconds(performance.now() - q1)]);
  const q2 = performance.now();
  const again = await outbox.enqueueAll(db, () => new Date(), log, together);
  queueing.push(["enqueueAll again, every message already queued", seconds(performance.now() - q2)]);
  emit();
  emit(
    `Queueing ${fmt(due)} messages (Firestore emulator): before, one create after another; after, one BulkWriter with each create's ALREADY_EXISTS handled per message (${fmt(created)} new, then ${fmt(again)} new on the repeat: exactly once).`,
  );
  emit();
  table(["how", "duration"], queueing);

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
      const content = templates.composeMessage(spec, recipient(n), origin);
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
  // Sealing each subscriber's unsubscribe token is part of what a publication costs.
  const deps = { db, clock: () => new Date(), log, key, sealKey: key, origin: "https://www.compraspublicas.org" };
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
    `${fmt(subscribers)} confirmed subscribers in four languages; pages of 500 subscribers, each page's messages created through one BulkWriter (enqueueAll; Firestore emulator). A create that finds its message already queued fails (counted here as a write attempted) and queues nothing.`,
  );
  emit();
  table(["run", "duration", "queued", "already queued", "reads", "writes"], rows);
}
