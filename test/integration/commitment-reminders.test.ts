import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { activateCommitment, renewCommitment } from "../../functions/src/commitment/actions.js";
import { JOBS_TIME_ZONE } from "../../functions/src/config.js";
import { runCommitmentReminders } from "../../functions/src/reminders/commitment-reminders.js";
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

const COMMITMENT = "site-hosting-chile-2005";
const SECRETARIAT = { memberId: "secretariat-test" };
const apps: ReturnType<typeof initializeApp>[] = [];
afterAll(async () => {
  for (const app of apps) {
    await clearFirestore(app.name);
    await deleteApp(app);
  }
});

/**
 * The seed, plus console accounts: committee representatives of two seat-holding countries, one
 * of the host institution, one without an email, and two who are not the committee: a member of
 * a seat-holding country and a committee-assigned representative of a country without a seat.
 */
async function world(name: string): Promise<Firestore> {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  const app = initializeApp({ projectId: `demo-${name}-${process.pid}` }, `demo-${name}-${process.pid}`);
  apps.push(app);
  const db = getFirestore(app);
  await loadSeed(db, SEED_DIR);
  await addRepresentative(db, { id: "ana", role: "committee", countryId: "CL" });
  await addRepresentative(db, {
    id: "bob",
    role: "committee",
    countryId: "PE",
    lang: "en",
    timeZone: "America/Lima",
  });
  await addRepresentative(db, {
    id: "carla",
    role: "member",
    countryId: "CL",
    institutionId: "gobierno-de-chile",
    lang: "pt",
  });
  await addRepresentative(db, { id: "dan", role: "committee", countryId: "US", email: null });
  await addRepresentative(db, { id: "eve", role: "member", countryId: "CL" });
  await addRepresentative(db, { id: "fay", role: "committee", countryId: "MX" });
  return db;
}

/**
 * Two years of the commitment: activated on 2026-01-10 for a term from 2026-01-15, renewed on
 * 2026-12-20, the second term left to lapse. Returns every queued message as
 * "<milestone> → <recipient> @ <day queued>".
 */
async function simulate(name: string, schedule: JobSchedule) {
  const db = await world(name);
  const clock = jobClock("2026-01-10", "10:00");
  const options = { origin: "https://www.compraspublicas.org", timeZone: JOBS_TIME_ZONE };
  const log = () => {};
  await activateCommitment(db, clock.now, SECRETARIAT, { commitmentId: COMMITMENT, termStart: "2026-01-15" }, options);
  await runDaily({
    from: "2026-01-10",
    to: "2028-03-01",
    schedule,
    clock,
    job: () => runCommitmentReminders(db, clock.now, log, options),
    beforeDay: async (day) => {
      if (day !== "2026-12-20") return;
      clock.set(day, "07:00");
      await renewCommitment(db, clock.now, SECRETARIAT, { commitmentId: COMMITMENT }, options);
    },
  });
  return queuedMessages(db);
}

const FIRST = COMMITMENT;
const SECOND = `${COMMITMENT}-t2`;
const EXPECTED_MILESTONES = [
  // The first term: 2026-01-15 to 2027-01-15, renewed on 2026-12-20, after its 30-day reminder.
  [`${FIRST}:before-90d`, "2026-10-17"],
  [`${FIRST}:before-60d`, "2026-11-16"],
  [`${FIRST}:before-30d`, "2026-12-16"],
  // The second term: 2027-01-16 to 2028-01-16, never renewed.
  [`${SECOND}:before-90d`, "2027-10-18"],
  [`${SECOND}:before-60d`, "2027-11-17"],
  [`${SECOND}:before-30d`, "2027-12-17"],
  [`${SECOND}:before-14d`, "2028-01-02"],
  [`${SECOND}:before-7d`, "2028-01-09"],
  [`${SECOND}:before-1d`, "2028-01-15"],
  [`${SECOND}:last-day`, "2028-01-16"],
  [`${SECOND}:lapsed-1w`, "2028-01-23"],
  [`${SECOND}:lapsed-2w`, "2028-01-30"],
  [`${SECOND}:lapsed-3w`, "2028-02-06"],
  [`${SECOND}:lapsed-4w`, "2028-02-13"],
  [`${SECOND}:lapsed-5w`, "2028-02-20"],
  [`${SECOND}:lapsed-6w`, "2028-02-27"],
] as const;
const RECIPIENTS = ["member:ana", "member:bob", "member:carla"];
const expected = (late: Record<string, string> = {}) =>
  plannedQueue(
    EXPECTED_MILESTONES.map(([milestone, day]) => [milestone, RECIPIENTS, day] as const),
    late,
  );
const sorted = keysAndDays;

describe("hosting commitment reminders over two simulated years", () => {
  it("sends every milestone once, on its day, none of a renewed term after the renewal, the new term's after it", async () => {
    const queued = await simulate("reminders-daily", { times: ["08:00"] });
    expect(sorted(queued)).toEqual(expected());
    const [sample] = queued.filter((q) => q.key === `${SECOND}:before-7d → member:bob`);
    expect(sample?.message).toMatchObject({ lang: "en", subject: "The site's hosting commitment ends in 7 days" });
    expect(sample?.message.text).toContain("January 16, 2028");
  }, 240_000);

  it("gives the same result when the job runs twice a day, or late in the evening", async () => {
    const [twice, late] = await Promise.all([
      simulate("reminders-twice", { times: ["00:05", "20:00"] }),
      simulate("reminders-late", { times: ["23:55"] }),
    ]);
    expect(sorted(twice)).toEqual(expected());
    expect(sorted(late)).toEqual(expected());
  }, 240_000);

  it("sends a milestone missed while the job was down once, late, on the next run", async () => {
    const queued = await simulate("reminders-missed", {
      times: ["08:00"],
      skip: ["2028-01-08", "2028-01-09", "2028-01-10"],
    });
    expect(sorted(queued)).toEqual(expected({ [`${SECOND}:before-7d`]: "2028-01-11" }));
  }, 240_000);
});
