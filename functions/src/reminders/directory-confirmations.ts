import type { Firestore } from "firebase-admin/firestore";
import { dayIn } from "../calendar/days.js";
import { askDay, confirmedDay } from "../committee/directory/status.js";
import type { Log } from "../log.js";
import { ACCOUNTS_COLLECTION, AccountSchema, COLLECTIONS, type Member, MemberSchema } from "../model/index.js";
import { enqueueAll } from "../notify/outbox.js";
import { asRepresentatives } from "../notify/recipients.js";
import { composeMessage, type MessageSpec } from "../notify/templates.js";
import { milestoneLedger } from "./ledger.js";

/** The console route of a person's own directory entry, where the email's button leads. */
export const OWN_ENTRY_ROUTE = "/directory/me";

export interface DirectoryConfirmationOptions {
  /** The site's origin (the email's footer names it). */
  origin: string;
  /** The console's address, for the button to the person's entry. */
  consoleBase: string;
  /** The calendar the job counts days in (the schedule's time zone). */
  timeZone: string;
  /** The moment whose day the job handles; the clock's by default (the emulators' demo clock moves it). */
  today?: Date;
}

export interface DirectoryConfirmationRun {
  today: string;
  /** "<person>@<day>" of each ask queued by this run. */
  asked: string[];
  queued: number;
}

function specOf(member: Member): MessageSpec {
  const confirmed = confirmedDay(member);
  return {
    subject: "notice.directory.subject",
    paragraphs: [
      "notice.directory.body",
      confirmed ? "notice.directory.confirmed" : "notice.directory.never",
      "notice.directory.how",
    ],
    params: confirmed ? { date: { day: confirmed } } : {},
    action: { label: "notice.directory.action", consoleRoute: OWN_ENTRY_ROUTE },
  };
}

/**
 * The yearly directory confirmation: every person with a console account is asked, by email in
 * their language, to confirm or update their entry on each anniversary of their last
 * confirmation (never confirmed: at the first run of each calendar year). An ask is named by its day
 * ("<person>@<day>"), recorded in the job's ledger once queued and keyed so in the outbox, so a
 * second run finds nothing to send, a missed day's ask goes out late once, and a run that died
 * between queuing and recording queues nothing twice. Confirming moves the next ask a year on.
 */
export async function runDirectoryConfirmations(
  db: Firestore,
  clock: () => Date,
  log: Log,
  options: DirectoryConfirmationOptions,
): Promise<DirectoryConfirmationRun> {
  const today = dayIn(options.today ?? clock(), options.timeZone);
  const run: DirectoryConfirmationRun = { today, asked: [], queued: 0 };
  const accounts = (await db.collection(ACCOUNTS_COLLECTION).get()).docs.flatMap((d) => {
    const parsed = AccountSchema.safeParse(d.data());
    return parsed.success ? [parsed.data] : [];
  });
  const representatives = await asRepresentatives(db, accounts);
  if (representatives.length === 0) return run;
  const people = await db.getAll(
    ...representatives.map((r) => db.collection(COLLECTIONS.members.path).doc(r.account.memberId)),
  );
  const ledger = milestoneLedger(db, "directory-confirmations");
  const had = await ledger.had();
  const due = representatives.flatMap(({ recipient }, i) => {
    const parsed = MemberSchema.safeParse(people[i]?.data());
    if (!parsed.success) return [];
    const member = parsed.data;
    const day = askDay(member, today);
    const ask = `${member.id}@${day}`;
    return day <= today && !had.has(ask) ? [{ ask, member, recipient }] : [];
  });
  run.queued = await enqueueAll(
    db,
    clock,
    log,
    due.map(({ ask, member, recipient }) => ({
      purpose: "directory.confirm",
      occurrence: ask,
      recipient,
      content: composeMessage(specOf(member), recipient, options.origin, options.consoleBase),
    })),
  );
  run.asked = due.map((d) => d.ask);
  await ledger.record(run.asked, clock().getTime());
  log({ severity: "INFO", message: "directory.confirmations", today, asked: run.asked.length, queued: run.queued });
  return run;
}
