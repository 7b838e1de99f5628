import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { JOBS_TIME_ZONE } from "../../functions/src/config.js";
import { converterFor, type Event } from "../../functions/src/model/index.js";
import { runEventReminders } from "../../functions/src/reminders/event-reminders.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { clearFirestore, emulatorHost } from "../support/emulator-suite.js";
import {
  type JobSchedule,
  jobClock,
  keysAndDays,
  plannedQueue,
  queuedMessages,
  runDaily,
} from "../support/job-clock.js";
import { addRepresentative } from "../support/representatives.js";
import { SEED_DIR } from "../support/seeded-site.js";

const apps: ReturnType<typeof initializeApp>[] = [];
afterAll(async () => {
  for (const app of apps) {
    await clearFirestore(app.name);
    await deleteApp(app);
  }
});

const event = (id: string, fields: Partial<Event>): Event => ({
  id,
  kind: "seminar",
  title: { es: `Evento ${id}`, en: `Event ${id}` },
  status: "planned",
  hostCountries: [],
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  source: "Written by test/integration/event-reminders.test.ts",
  ...fields,
});

/**
 * The seed, console accounts of Chile, Peru (both with seats) and Mexico (none), and the events
 * of a year: a seminar in Santiago, the network's meeting in Lima (a committee event), a
 * workshop in Mexico moved a month later after its first reminder, a conference published late,
 * and three that must send nothing: cancelled, unpublished, dated only to the month.
 */
async function world(name: string): Promise<Firestore> {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  const app = initializeApp({ projectId: `demo-${name}-${process.pid}` }, `demo-${name}-${process.pid}`);
  apps.push(app);
  const db = getFirestore(app);
  await loadSeed(db, SEED_DIR);
  await addRepresentative(db, { id: "cl-comm", role: "committee", countryId: "CL" });
  await addRepresentative(db, { id: "cl-member", role: "member", countryId: "CL", lang: "pt" });
  await addRepresentative(db, {
    id: "pe-comm",
    role: "committee",
    countryId: "PE",
    lang: "en",
    timeZone: "America/Lima",
  });
  await addRepresentative(db, { id: "pe-member", role: "member", countryId: "PE" });
  await addRepresentative(db, { id: "mx-member", role: "member", countryId: "MX", lang: "fr" });
  const events = db.collection("events").withConverter(converterFor("events"));
  const write = (e: Event) => events.doc(e.id).set(e);
  await write(
    event("seminario-santiago", {
      start: "2026-06-15",
      timeZone: "America/Santiago",
      city: { es: "Santiago" },
      hostCountries: ["CL"],
    }),
  );
  await write(
    event("reunion-lima", {
      kind: "meeting",
      title: { es: "Reunión en Lima", en: "Meeting in Lima" },
      start: "2026-09-10T09:00",
      timeZone: "America/Lima",
      hostCountries: ["PE"],
    }),
  );
  await write(
    event("movido", { kind: "workshop", start: "2026-03-20", timeZone: "America/Mexico_City", hostCountries: ["MX"] }),
  );
  await write(
    event("tarde", {
      kind: "conference",
      start: "2026-10-20",
      timeZone: "America/Santiago",
      hostCountries: ["CL"],
      publication: "draft",
    }),
  );
  await write(
    event("cancelado", {
      status: "cancelled",
      start: "2026-05-01",
      timeZone: "America/Santiago",
      hostCountries: ["CL"],
    }),
  );
  await write(
    event("borrador", {
      start: "2026-07-01",
      timeZone: "America/Santiago",
      hostCountries: ["CL"],
      publication: "draft",
    }),
  );
  await write(event("solo-mes", { start: "2026-08", hostCountries: ["CL"] }));
  return db;
}

/** A year of daily runs; returns every queued message as "<occurrence> → <recipient>" with the day it was queued. */
async function simulate(name: string, schedule: JobSchedule) {
  const db = await world(name);
  const events = db.collection("events").withConverter(converterFor("events"));
  const clock = jobClock("2026-01-01", "08:00");
  const options = { origin: "https://www.compraspublicas.org", timeZone: JOBS_TIME_ZONE };
  await runDaily({
    from: "2026-01-01",
    to: "2026-12-31",
    schedule,
    clock,
    job: () => runEventReminders(db, clock.now, () => {}, options),
    beforeDay: async (day) => {
      if (day === "2026-03-01") {
        const moved = (await events.doc("movido").get()).data();
        if (moved) await events.doc("movido").set({ ...moved, start: "2026-04-30" });
      }
      if (day === "2026-10-01") {
        const late = (await events.doc("tarde").get()).data();
        if (late) await events.doc("tarde").set({ ...late, publication: "published" });
      }
    },
  });
  return queuedMessages(db);
}

const CL = ["cl-comm", "cl-member"];
const LIMA = ["cl-comm", "pe-comm", "pe-member"];
const EXPECTED: [string, string[], string][] = [
  ["movido:before-30d@2026-03-20", ["mx-member"], "2026-02-18"],
  // Moved to 2026-04-30 on 2026-03-01: the old date's 7-day reminder never goes, the new date's do.
  ["movido:before-30d@2026-04-30", ["mx-member"], "2026-03-31"],
  ["movido:before-7d@2026-04-30", ["mx-member"], "2026-04-23"],
  ["seminario-santiago:before-30d@2026-06-15", CL, "2026-05-16"],
  ["seminario-santiago:before-7d@2026-06-15", CL, "2026-06-08"],
  // The network's meeting: Peru's representatives and the committee.
  ["reunion-lima:before-30d@2026-09-10", LIMA, "2026-08-11"],
  ["reunion-lima:before-7d@2026-09-10", LIMA, "2026-09-03"],
  // Published on 2026-10-01, 19 days before: the 30-day reminder goes that day, late, once.
  ["tarde:before-30d@2026-10-20", CL, "2026-10-01"],
  ["tarde:before-7d@2026-10-20", CL, "2026-10-13"],
];
const expected = (late: Record<string, string> = {}) =>
  plannedQueue(
    EXPECTED.map(([occurrence, people, day]) => [occurrence, people.map((p) => `member:${p}`), day] as const),
    late,
  );
const sorted = keysAndDays;

describe("event reminders over a simulated year", () => {
  it("sends each reminder once on its day to the host countries (and the committee for a meeting), none for a cancelled, unpublished or month-only event, and the new date's after a move", async () => {
    const queued = await simulate("event-reminders-daily", { times: ["08:00"] });
    expect(sorted(queued)).toEqual(expected());
    const lima = queued.find((q) => q.key === "reunion-lima:before-7d@2026-09-10 → member:pe-comm")?.message;
    expect(lima).toMatchObject({ lang: "en", subject: "Meeting in Lima: 7 days to go" });
    expect(lima?.text).toContain("Meeting in Lima begins on September 10, 2026, in 7 days.");
    expect(lima?.text).toContain("https://www.compraspublicas.org/en/events/reunion-lima");
    const santiago = queued.find((q) => q.key === "seminario-santiago:before-30d@2026-06-15 → member:cl-member");
    expect(santiago?.message.text).toContain("Local: Santiago.");
  }, 240_000);

  it("gives the same result when the job runs twice on some days, and sends a reminder missed while it was down once, late", async () => {
    const twice = Object.fromEntries(
      ["2026-05-15", "2026-05-16", "2026-05-17", "2026-09-03"].map((d) => [d, ["00:05", "08:00", "23:55"]]),
    );
    const queued = await simulate("event-reminders-irregular", {
      times: ["08:00"],
      extra: twice,
      skip: ["2026-06-07", "2026-06-08", "2026-06-09"],
    });
    expect(sorted(queued)).toEqual(expected({ "seminario-santiago:before-7d@2026-06-15": "2026-06-10" }));
    const late = queued.find((q) => q.key === "seminario-santiago:before-7d@2026-06-15 → member:cl-comm");
    expect(late?.message.subject).toBe("Evento seminario-santiago: faltan 5 días");
  }, 240_000);
});
