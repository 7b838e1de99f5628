import { JOBS_TIME_ZONE } from "../../functions/src/config.js";

/** The instant `time` (HH:mm) on `day` in the jobs' time zone (Chile is UTC-3 or UTC-4). */
export const jobInstant = (day: string, time: string) => {
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
export const jobDay = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: JOBS_TIME_ZONE }).format(ms);
