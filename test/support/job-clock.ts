import type { Firestore } from "firebase-admin/firestore";
import { addDays } from "../../functions/src/calendar/days.js";
import { JOBS_TIME_ZONE } from "../../functions/src/config.js";
import { OUTBOX_COLLECTION, OutboxMessageSchema } from "../../functions/src/model/index.js";

/** The instant `time` (HH:mm) on `day` in the jobs' time zone (Chile is UTC-3 or UTC-4). */
const jobInstant = (day: string, time: string) => {
  const guess = new Date(`${day}T${time}:00-03:00`);
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone: JOBS_TIME_ZONE,
    hour: "2-digit",
    hourCycle: "h23",
  }).format(guess);
  // The guess is off by Chile's DST hour at most; wrap so 00:05 does not become 23:05 the day before.
  const diff = ((Number(local) - Number(time.slice(0, 2)) + 36) % 24) - 12;
  return new Date(guess.getTime() - diff * 3_600_000);
};

/** The calendar day of an instant in the jobs' time zone. */
const jobDay = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: JOBS_TIME_ZONE }).format(ms);

/** A clock a simulation moves: `now` is what the code under test reads, `set` moves it. */
export interface JobClock {
  now: () => Date;
  set(day: string, time: string): void;
}

export function jobClock(day: string, time: string): JobClock {
  let current = jobInstant(day, time);
  return {
    now: () => current,
    set(d, t) {
      current = jobInstant(d, t);
    },
  };
}

/** When a daily job runs in a simulation. */
export interface JobSchedule {
  /** Local times the job runs each day. */
  times: string[];
  /** Days it runs at these times instead. */
  extra?: Record<string, string[]>;
  /** Days it does not run. */
  skip?: string[];
}

/**
 * Runs a daily job every day from `from` to `to` (inclusive) at the local times `schedule`
 * gives, moving `clock` to each run; `beforeDay` first does what happens on that day whether
 * or not the job runs (an edit, a renewal).
 */
export async function runDaily(simulation: {
  from: string;
  to: string;
  schedule: JobSchedule;
  clock: JobClock;
  job: () => Promise<unknown>;
  beforeDay?: (day: string) => Promise<void>;
}): Promise<void> {
  const { schedule, clock } = simulation;
  for (let day = simulation.from; day <= simulation.to; day = addDays(day, 1)) {
    await simulation.beforeDay?.(day);
    if (schedule.skip?.includes(day)) continue;
    for (const time of schedule.extra?.[day] ?? schedule.times) {
      clock.set(day, time);
      await simulation.job();
    }
  }
}

/** Every message queued in `db`'s outbox, as "<occurrence> → <recipient>" with the day it was queued. */
export async function queuedMessages(db: Firestore) {
  const queued = (await db.collection(OUTBOX_COLLECTION).get()).docs.map((d) => OutboxMessageSchema.parse(d.data()));
  return queued.map((m) => ({
    key: `${m.key.occurrence} → ${m.key.recipient}`,
    day: jobDay(m.createdAtMs),
    message: m,
  }));
}

type Queued = { key: string; day: string };
const byKey = (a: Queued, b: Queued) => a.key.localeCompare(b.key);

/** Rows of `queuedMessages` as key and day only, in the order of their keys: what a plan is compared with. */
export const keysAndDays = (rows: Queued[]): Queued[] => rows.map(({ key, day }) => ({ key, day })).sort(byKey);

/**
 * What a simulation should queue: each occurrence to each of its recipients on its day, or on the
 * day `late` gives it, as `keysAndDays` lists them.
 */
export const plannedQueue = (
  plan: readonly (readonly [occurrence: string, recipients: readonly string[], day: string])[],
  late: Record<string, string> = {},
): Queued[] =>
  plan
    .flatMap(([occurrence, recipients, day]) =>
      recipients.map((r) => ({ key: `${occurrence} → ${r}`, day: late[occurrence] ?? day })),
    )
    .sort(byKey);
