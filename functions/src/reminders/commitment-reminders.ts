import type { Firestore } from "firebase-admin/firestore";
import { dayIn } from "../calendar/days.js";
import { lastDayOf } from "../commitment/term.js";
import { pick } from "../i18n/index.js";
import type { Log } from "../log.js";
import { COLLECTIONS, converterFor, type HostingCommitment, type Lang } from "../model/index.js";
import { enqueueAll } from "../notify/outbox.js";
import { commitmentRecipients } from "../notify/recipients.js";
import { composeMessage, type MessageSpec } from "../notify/templates.js";
import { dueMilestones, type Milestone, openItems } from "./commitment-milestones.js";
import { milestoneLedger } from "./ledger.js";

function specOf(milestone: Milestone, commitment: HostingCommitment, host: string, lang: Lang): MessageSpec {
  const last = { day: lastDayOf(commitment) ?? "" };
  const action = { label: "commitment.action" as const, path: `/${lang}/hosting` };
  switch (milestone.kind) {
    case "before":
      return {
        subject: "commitment.reminder.subject",
        paragraphs: ["commitment.reminder.body"],
        params: { host, date: last, days: milestone.days },
        action,
      };
    case "last-day":
      return {
        subject: "commitment.lastDay.subject",
        paragraphs: ["commitment.lastDay.body"],
        params: { host, date: last },
        action,
      };
    case "lapsed":
      return {
        subject: "commitment.lapsed.subject",
        paragraphs: ["commitment.lapsed.body"],
        params: { host, date: last, days: milestone.days },
        action,
      };
    case "handover":
      return {
        subject: "commitment.handover.subject",
        paragraphs: ["commitment.handover.body"],
        params: {
          host,
          date: { day: commitment.activatedOn ?? "" },
          items: { keys: openItems(commitment).map((i) => `handover.item.${i}` as const) },
        },
        action,
      };
  }
}

/** The host as a recipient reads it: the institution's name, else the country's, in their language. */
async function hostNames(db: Firestore, commitment: HostingCommitment): Promise<(lang: Lang) => string> {
  const [institution, country] = await Promise.all([
    commitment.hostInstitutionId
      ? db
          .collection(COLLECTIONS.institutions.path)
          .doc(commitment.hostInstitutionId)
          .withConverter(converterFor("institutions"))
          .get()
      : undefined,
    db
      .collection(COLLECTIONS.countries.path)
      .doc(commitment.hostCountryId)
      .withConverter(converterFor("countries"))
      .get(),
  ]);
  const name = institution?.data()?.name ?? country.data()?.name;
  return (lang) => (name ? pick(name, lang).text : commitment.hostCountryId);
}

export interface ReminderOptions {
  /** The site's origin, for links in the messages. */
  origin: string;
  /** The calendar the job counts days in (the schedule's time zone). */
  timeZone: string;
  /** The moment whose day the job handles; the clock's by default (the emulators' demo clock moves it, demo-clock.ts). */
  today?: Date;
}

export interface ReminderRun {
  today: string;
  /** "<commitment>:<milestone>" of each milestone handled by this run. */
  milestones: string[];
  queued: number;
}

/**
 * The daily reminder job: for each running or lapsed term, queues each due milestone for every
 * representative, then records the milestone as had. Running it twice, late, or after missed
 * days gives the same messages: the record skips what was had, and the outbox's idempotency
 * key absorbs a run that died between queuing and recording.
 */
export async function runCommitmentReminders(
  db: Firestore,
  clock: () => Date,
  log: Log,
  options: ReminderOptions,
): Promise<ReminderRun> {
  const today = dayIn(options.today ?? clock(), options.timeZone);
  const run: ReminderRun = { today, milestones: [], queued: 0 };
  const terms = await db
    .collection(COLLECTIONS.commitments.path)
    .withConverter(converterFor("commitments"))
    .where("status", "in", ["active", "expired"])
    .get();
  for (const doc of terms.docs) {
    const commitment = doc.data();
    const last = lastDayOf(commitment);
    if (commitment.status === "active" && last && today > last) await markLapsed(db, commitment.id);
    const ledger = milestoneLedger(db, `commitment-reminders-${commitment.id}`);
    const due = dueMilestones(commitment, today, await ledger.had());
    if (due.length === 0) continue;
    const [recipients, host] = await Promise.all([
      commitmentRecipients(db, commitment.hostInstitutionId),
      hostNames(db, commitment),
    ]);
    for (const milestone of due) {
      run.queued += await enqueueAll(
        db,
        clock,
        log,
        recipients.map((recipient) => ({
          purpose: "commitment.reminder",
          occurrence: `${commitment.id}:${milestone.id}`,
          recipient,
          content: composeMessage(
            specOf(milestone, commitment, host(recipient.lang), recipient.lang),
            recipient,
            options.origin,
          ),
        })),
      );
      // Recorded only once every message is queued: a run that dies before this queues again,
      // and the outbox's keys turn those into no-ops.
      await ledger.record([milestone.id], clock().getTime());
      run.milestones.push(`${commitment.id}:${milestone.id}`);
    }
  }
  log({
    severity: "INFO",
    message: "commitment.reminders",
    today,
    milestones: run.milestones.length,
    queued: run.queued,
  });
  return run;
}

/** A term past its last day is lapsed; only if it is still active, so a renewal recorded meanwhile wins. */
async function markLapsed(db: Firestore, id: string): Promise<void> {
  const ref = db.collection(COLLECTIONS.commitments.path).doc(id).withConverter(converterFor("commitments"));
  await db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (current?.status === "active") tx.set(ref, { ...current, status: "expired" });
  });
}
