import type { Firestore } from "firebase-admin/firestore";
import { addDays, dayIn, daysBetween, wallClockIn } from "../calendar/days.js";
import { knownDay, partialDateFields } from "../calendar/partial-date.js";
import { pick } from "../i18n/index.js";
import type { Log } from "../log.js";
import { COLLECTIONS, converterFor, type Event, isPublished, type Lang } from "../model/index.js";
import { enqueueAll } from "../notify/outbox.js";
import { committeeRecipients, countryRecipients, uniqueRecipients } from "../notify/recipients.js";
import { composeMessage, type MessageParams, type MessageSpec } from "../notify/templates.js";
import { countdown, type Milestone, milestoneLedger, pendingMilestones } from "./ledger.js";

/** Reminders before an event, in days. */
const EVENT_REMINDER_DAYS = [30, 7] as const;

/**
 * The network's own meetings are the committee's events: their reminders go to the committee
 * as well as to the host countries. Seminars, conferences and workshops go to the hosts.
 */
const COMMITTEE_EVENT_KINDS: readonly Event["kind"][] = ["meeting"];

/** The day an event starts, where the record knows it to the day (a month is too vague to count down to). */
export function eventDay(event: Event): string | undefined {
  return knownDay(event.start);
}

/**
 * The reminders of one event due by `today`, and which of them to send. Only a published,
 * planned event with a known day has any, and none on or after that day. Their ids carry the
 * day, so a moved event gets the new date's reminders. Of several due at once (the event was
 * published late, or the job was down) only the nearest is sent, once: a "30 days" notice a
 * week before the event would mislead; the others are recorded as had.
 */
export function dueEventReminders(
  event: Event,
  today: string,
  had: ReadonlySet<string>,
): { send?: Milestone<"before">; had: string[] } {
  const day = eventDay(event);
  if (!day || !isPublished(event) || event.status !== "planned" || today >= day) return { had: [] };
  const due = pendingMilestones(
    countdown(day, EVENT_REMINDER_DAYS).map((m) => ({ ...m, id: `${m.id}@${day}` })),
    today,
    had,
  );
  return { send: due.at(-1), had: due.map((m) => m.id) };
}

/** When the event starts: an instant where the record has a time (read in its zone), else its day. */
function startOf(event: Event, day: string): MessageParams[string] {
  if (!event.start || partialDateFields(event.start).precision !== "minute" || !event.timeZone) return { day };
  return new Date(wallClockIn(event.start, event.timeZone).getTime());
}

function specOf(event: Event, day: string, today: string, lang: Lang): MessageSpec {
  const city = event.city ? pick(event.city, lang).text : undefined;
  return {
    subject: "notice.event.subject",
    paragraphs: city ? ["notice.event.body", "notice.event.city"] : ["notice.event.body"],
    // The days left on the day it is sent, which a late reminder says truthfully.
    params: {
      event: pick(event.title, lang).text,
      date: startOf(event, day),
      days: daysBetween(today, day),
      city: city ?? "",
    },
    action: { label: "notice.event.action", path: `/${lang}/events/${event.id}` },
  };
}

export interface EventReminderOptions {
  /** The site's origin, for links in the messages. */
  origin: string;
  /** The calendar the job counts days in (the schedule's time zone). */
  timeZone: string;
  /** The moment whose day the job handles; the clock's by default (the emulators' demo clock moves it). */
  today?: Date;
}

export interface EventReminderRun {
  today: string;
  /** "<event>:<milestone>" of each reminder sent by this run. */
  sent: string[];
  queued: number;
}

/**
 * The daily event reminder job: 30 and 7 days before each published, planned event, to the
 * representatives of its host countries (and the committee, for the network's meetings). Like
 * the commitment's reminders, it records each reminder as had once queued, so a second run the
 * same day finds nothing, a missed day's reminder goes out late once, and a run that died
 * between queuing and recording queues nothing new (the outbox's keys).
 */
export async function runEventReminders(
  db: Firestore,
  clock: () => Date,
  log: Log,
  options: EventReminderOptions,
): Promise<EventReminderRun> {
  const today = dayIn(options.today ?? clock(), options.timeZone);
  const run: EventReminderRun = { today, sent: [], queued: 0 };
  const horizon = addDays(today, Math.max(...EVENT_REMINDER_DAYS));
  const planned = await db
    .collection(COLLECTIONS.events.path)
    .withConverter(converterFor("events"))
    .where("status", "==", "planned")
    .get();
  for (const doc of planned.docs) {
    const event = doc.data();
    const day = eventDay(event);
    // Only events within the countdown cost a read of their ledger.
    if (!day || day <= today || day > horizon || !isPublished(event)) continue;
    const ledger = milestoneLedger(db, `event-reminders-${event.id}`);
    const { send, had } = dueEventReminders(event, today, await ledger.had());
    if (send) {
      const recipients = uniqueRecipients(
        await countryRecipients(db, event.hostCountries),
        COMMITTEE_EVENT_KINDS.includes(event.kind) ? await committeeRecipients(db) : [],
      );
      run.queued += await enqueueAll(
        db,
        clock,
        log,
        recipients.map((recipient) => ({
          purpose: "event.reminder",
          occurrence: `${event.id}:${send.id}`,
          recipient,
          content: composeMessage(specOf(event, day, today, recipient.lang), recipient, options.origin),
        })),
      );
      run.sent.push(`${event.id}:${send.id}`);
    }
    await ledger.record(had, clock().getTime());
  }
  log({ severity: "INFO", message: "event.reminders", today, sent: run.sent.length, queued: run.queued });
  return run;
}
