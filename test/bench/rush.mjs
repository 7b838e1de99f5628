// The registration rush (issue #16), called from scripts/bench.mjs (`--rush-only` runs this
// section alone): 1,000 people confirm at once for 100 places, on the bench's Firestore emulator.
// Confirmations write only each person's own record; the allocator runs as the deployed trigger
// does (functions/src/index.ts: one instance at a time, each run deciding every confirmation
// waiting, in batches), and queues each person's email (a place, or a position on the waiting
// list) in the deciding transaction. What is measured is the time until each person's email is
// queued: its outbox document's commit time, from the rush and from their own confirmation.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "../../scripts/emulators.mjs";

const requireFromFunctions = createRequire(join(ROOT, "functions/package.json"));
const lib = (path) => import(pathToFileURL(join(ROOT, "functions/lib", path)).href);

const PEOPLE = 1000;
const PLACES = 100;
/** Session 0 has a room of its own with this many seats; every other person asks for it. */
const SEATS = 30;
const asksRoom = (i) => i % 2 === 0;
const KEY = "bench-registration-key-0123456789abcdef-0123456789";
const EVENT = "rush-bench";

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const inParallel = async (items, width, work) => {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
};

export async function rushFigures({ emit, table, status }) {
  const { initializeApp } = requireFromFunctions("firebase-admin/app");
  const { getFirestore } = requireFromFunctions("firebase-admin/firestore");
  const [{ requestRegistration, confirmRegistration }, { allocateConfirmations }, { converterFor }, store] =
    await Promise.all([
      lib("registration/requests.js"),
      lib("registration/allocator.js"),
      lib("model/index.js"),
      lib("registration/store.js"),
    ]);
  const app = initializeApp({ projectId: "demo-bench-rush" }, "bench-rush");
  const db = getFirestore(app);
  const clock = () => new Date();
  const now = Date.now();
  const day = new Date(now + 30 * 86_400_000).toISOString().slice(0, 10);
  await db
    .collection("events")
    .withConverter(converterFor("events"))
    .doc(EVENT)
    .set({
      id: EVENT,
      kind: "conference",
      title: { es: "Conferencia del banco de pruebas", en: "Bench conference" },
      status: "planned",
      start: day,
      timeZone: "America/Santiago",
      hostCountries: [],
      organizerIds: [],
      attendingCountries: [],
      sessions: [{ type: "workshop", title: { es: "Taller", en: "Workshop" }, topics: [], topicIds: [] }],
      source: "Written by test/bench/rush.mjs",
      publication: "published",
    });
  await store
    .registrationSettings(db)
    .doc(EVENT)
    .set({
      eventId: EVENT,
      opensAtMs: now - 3_600_000,
      closesAtMs: now + 86_400_000,
      places: PLACES,
      sessionRooms: [{ session: 0, places: SEATS }],
      categories: ["delegate", "observer", "speaker", "press"],
      privateSessions: [],
      approvalCategories: [],
      offerWindowHours: 48,
      startTime: "09:00",
      endTime: "18:00",
    });

  status(`registration rush: ${PEOPLE} requests`);
  const deps = { db, clock, key: KEY };
  // Deciding queues each person's email in the same transaction (registration/mail.ts).
  const decider = {
    ...deps,
    sealKey: "bench-outbox-key-0123456789abcdef-0123456789abcdef",
    origin: "https://www.compraspublicas.org",
    sender: "Red Interamericana <no-reply@compraspublicas.org>",
  };
  const person = (i) => ({
    name: `Person ${i}`,
    address: `person${i}@example.org`,
    institution: "Agency",
    country: "CL",
    category: "observer",
    lang: "es",
    sessions: asksRoom(i) ? [0] : [],
  });
  const pending = await inParallel(
    Array.from({ length: PEOPLE }, (_, i) => i),
    50,
    (i) => requestRegistration(deps, EVENT, person(i)),
  );

  status(`registration rush: ${PEOPLE} confirmations at once for ${PLACES} places`);
  // The deployed trigger runs one allocator at a time; each run decides everything waiting.
  const decidedAt = new Map();
  let queue = Promise.resolve();
  let runs = 0;
  let batches = 0;
  const trigger = () => {
    queue = queue.then(async () => {
      runs += 1;
      const decisions = await allocateConfirmations(decider, EVENT);
      const at = performance.now();
      if (decisions.length > 0) batches += Math.ceil(decisions.length / 200);
      for (const d of decisions) {
        if (decidedAt.has(d.id)) throw new Error(`decided twice: ${d.id}`);
        decidedAt.set(d.id, at);
      }
    });
  };
  const start = performance.now();
  const startWallMs = Date.now();
  const confirmations = await Promise.all(
    pending.map(async (p) => {
      const outcome = await confirmRegistration({ db, clock }, EVENT, p.id, p.token);
      if (outcome.outcome === "confirming") trigger();
      return outcome;
    }),
  );
  const confirmedAllMs = performance.now() - start;
  await queue;

  const records = (await store.registrations(db).where("eventId", "==", EVENT).get()).docs.map((d) => ({
    id: d.id,
    ...d.data(),
  }));
  const stamp = (r) => r.confirmedAt.seconds * 1e9 + r.confirmedAt.nanoseconds;
  records.sort((a, b) => stamp(a) - stamp(b) || (a.id < b.id ? -1 : 1));
  const places = records.filter((r) => r.status.state === "confirmed");
  const waiting = records.filter((r) => r.status.state === "waitlisted");
  const inOrder =
    records.slice(0, PLACES).every((r) => r.status.state === "confirmed") &&
    records.slice(PLACES).every((r, i) => r.status.state === "waitlisted" && r.status.seq === i + 1);
  // The room's seats go to the first askers holding a place, in the order of confirmation.
  const askers = records.slice(0, PLACES).filter((r) => r.sessions.includes(0));
  const seated = records.filter((r) => r.seats?.includes(0)).length;
  const seatsInOrder =
    askers.slice(0, SEATS).every((r) => r.seats?.includes(0)) &&
    askers.slice(SEATS).every((r) => r.seatsWaiting?.includes(0));

  // Asking again, in another case, makes no second registration.
  const again = await inParallel(
    Array.from({ length: PEOPLE }, (_, i) => i),
    50,
    (i) => requestRegistration(deps, EVENT, { ...person(i), address: person(i).address.toUpperCase() }),
  );
  const after = (await store.registrations(db).where("eventId", "==", EVENT).count().get()).data().count;
  const duplicates = after - PEOPLE + again.filter((a) => a.outcome !== "exists").length;
  const counter = (await store.registrationCounters(db).doc(EVENT).get()).data();

  const times = [...decidedAt.values()].map((t) => t - start).sort((a, b) => a - b);
  // Each person's email, by its outbox document's commit time (the deciding transaction's).
  const mails = (await db.collection("outbox").get()).docs.filter((d) =>
    /^registration\.(confirmed|waitlisted)$/.test(d.get("key.purpose")),
  );
  const mailedAt = new Map(mails.map((d) => [d.get("key.recipient").replace(/^registration:/, ""), d.createTime]));
  const confirmationStamp = new Map(records.map((r) => [r.id, r.confirmedAt]));
  const millis = (t) => t.seconds * 1000 + t.nanoseconds / 1e6;
  const queuedTimes = [...mailedAt.values()].map((t) => millis(t) - startWallMs).sort((a, b) => a - b);
  const queuedWaits = [...mailedAt]
    .map(([id, t]) => millis(t) - millis(confirmationStamp.get(id)))
    .sort((a, b) => a - b);
  const mailPurposes = records.map((r) => ({
    state: r.status.state,
    purpose: mails.find((d) => d.get("key.recipient") === `registration:${r.id}`)?.get("key.purpose"),
  }));
  const oneEach =
    mails.length === PEOPLE &&
    mailedAt.size === PEOPLE &&
    mailPurposes.every((m) => m.purpose === `registration.${m.state}`);
  const seconds = (value) => `${(value / 1000).toFixed(2)} s`;
  emit("### Registration rush");
  emit();
  emit(
    `${PEOPLE} confirmations fired at once for ${PLACES} places, on the Firestore emulator; the allocator runs one at a time as the deployed trigger does and queues each person's email in the transaction that decides. Measures the **time until each person's email is queued** (its outbox document committed), from the rush and from their own confirmation.`,
  );
  emit();
  table(
    ["Figure", "Value"],
    [
      ["Confirmations accepted", `${confirmations.filter((c) => c.outcome === "confirming").length} of ${PEOPLE}`],
      ["Places given", `${places.length} ${places.length === PLACES ? "✓" : "✗"}`],
      [
        "Waiting-list numbers, in order of confirmation",
        `${waiting.length} ${inOrder ? "✓ ordered" : "✗ out of order"}`,
      ],
      ["Duplicates (asked again in upper case)", `${duplicates} ${duplicates === 0 ? "✓" : "✗"}`],
      ["Counter: places held / last number", `${counter?.placesHeld} / ${counter?.lastSeq}`],
      [
        `Room seats given (${SEATS} seats, every other person asks), in order of confirmation`,
        `${seated} ${seated === SEATS && counter?.seatsHeld?.["0"] === SEATS && seatsInOrder ? "✓" : "✗"}`,
      ],
      ["Allocator runs (one per trigger) / batches that wrote", `${runs} / ${batches}`],
      ["All confirmations committed after", seconds(confirmedAllMs)],
      ["Emails queued: one per person, a place or a position, none twice", `${mails.length} ${oneEach ? "✓" : "✗"}`],
      ["Email queued from the rush, median", seconds(percentile(queuedTimes, 50))],
      ["Email queued from the rush, p99", seconds(percentile(queuedTimes, 99))],
      ["Email queued from the rush, last", seconds(queuedTimes.at(-1))],
      ["From a person's own confirmation to their email queued, median", seconds(percentile(queuedWaits, 50))],
      ["From a person's own confirmation to their email queued, p99", seconds(percentile(queuedWaits, 99))],
      ["Allocator's last decision after the rush (the client's view)", seconds(times.at(-1))],
    ],
  );
  await app.delete();
}
