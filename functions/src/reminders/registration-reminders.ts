import type { Firestore } from "firebase-admin/firestore";
import { dayIn } from "../calendar/days.js";
import { knownDay } from "../calendar/partial-date.js";
import type { Log } from "../log.js";
import { isPublished } from "../model/index.js";
import { enqueueAll } from "../notify/outbox.js";
import { type RegistrationMailDeps, registrationMessage } from "../registration/mail.js";
import { eventRecords, registrationSettings, registrations } from "../registration/store.js";
import { countdown, milestoneLedger, pendingMilestones } from "./ledger.js";

/** Reminders to the people holding a place, in days before the event's first day. */
export const REGISTRATION_REMINDER_DAYS = [7, 1] as const;

export interface RegistrationReminderRun {
  /** "<event>:<milestone>" of each reminder sent by this run. */
  sent: string[];
  queued: number;
}

/**
 * The daily job of registration reminders: 7 days and 1 day before each published, planned event
 * that takes registrations, to everyone holding a place, with the calendar entry they already
 * have (the same UID and SEQUENCE). Days are counted in the event's own zone, where "tomorrow"
 * means something. As the event reminders do, it records each milestone as had once queued, so
 * a second run the same day finds nothing, a missed day's reminder goes out late once (only the
 * nearest of several due), and a run that died between queuing and recording queues nothing
 * new: each message's key names the registration and the milestone.
 */
export async function runRegistrationReminders(
  deps: RegistrationMailDeps & { db: Firestore; clock: () => Date; log: Log },
  options: { today?: Date } = {},
): Promise<RegistrationReminderRun> {
  const { db, clock, log } = deps;
  const now = options.today ?? clock();
  const run: RegistrationReminderRun = { sent: [], queued: 0 };
  const open = await registrationSettings(db).get();
  for (const settingsDoc of open.docs) {
    const settings = settingsDoc.data();
    const event = (await eventRecords(db).doc(settings.eventId).get()).data();
    const day = knownDay(event?.start);
    if (!event || !day || !isPublished(event) || event.status !== "planned") continue;
    const today = dayIn(now, event.timeZone ?? "UTC");
    if (today >= day) continue;
    const ledger = milestoneLedger(db, `registration-reminders-${event.id}`);
    const due = pendingMilestones(
      countdown(day, REGISTRATION_REMINDER_DAYS).map((m) => ({ ...m, id: `${m.id}@${day}` })),
      today,
      await ledger.had(),
    );
    // Of several due at once (the job was down) only the nearest goes: "in 7 days" the day before would mislead.
    const send = due.at(-1);
    if (send) {
      const holding = await registrations(db)
        .where("eventId", "==", event.id)
        .where("status.state", "==", "confirmed")
        .get();
      run.queued += await enqueueAll(
        db,
        clock,
        log,
        holding.docs.map(
          (doc) =>
            registrationMessage(
              deps,
              { event, settings, now: clock() },
              { ...doc.data(), id: doc.id },
              { kind: "reminder", milestone: send.id },
            ).message,
        ),
      );
      run.sent.push(`${event.id}:${send.id}`);
    }
    await ledger.record(
      due.map((m) => m.id),
      clock().getTime(),
    );
  }
  log({ severity: "INFO", message: "registration.reminders", sent: run.sent.length, queued: run.queued });
  return run;
}
