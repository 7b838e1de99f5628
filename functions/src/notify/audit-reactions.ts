import type { Firestore } from "firebase-admin/firestore";
import { pick } from "../i18n/index.js";
import type { Log } from "../log.js";
import {
  type AuditAction,
  type AuditEntry,
  AuditEntrySchema,
  COLLECTIONS,
  CommitteeSeatSchema,
  converterFor,
  DocumentSchema,
  DocumentVersionSchema,
  type Lang,
  type Recipient,
  VERSIONS_SUBCOLLECTION,
} from "../model/index.js";
import { enqueueAll } from "./outbox.js";
import { accountsActingAs, accountsOfCountries, asRepresentatives } from "./recipients.js";
import { composeMessage, type MessageSpec } from "./templates.js";

/** What a notification needs besides its record: the database, the clock, the log, and where links lead. */
export interface NoticeDeps {
  db: Firestore;
  clock: () => Date;
  log: Log;
  /** The public site's origin, for links to its pages. */
  siteOrigin: string;
  /** The console's address (its origin, or the path it is served under), for links to its screens. */
  consoleBase: string;
}

/** An audit entry with its id, which is each notification's occurrence: one entry, one message per person. */
export type AuditRecord = AuditEntry & { id: string };

/** One reaction to an audit entry; returns how many messages it newly queued. */
export type Reaction = (deps: NoticeDeps, entry: AuditRecord) => Promise<number>;

/** Queues one message per recipient for an audit entry, each under the key (purpose, recipient, entry id). */
async function notify(
  deps: NoticeDeps,
  entry: AuditRecord,
  purpose: string,
  recipients: Recipient[],
  specFor: (lang: Lang) => MessageSpec,
): Promise<number> {
  return enqueueAll(
    deps.db,
    deps.clock,
    deps.log,
    recipients.map((recipient) => ({
      purpose,
      occurrence: entry.id,
      recipient,
      content: composeMessage(specFor(recipient.lang), recipient, deps.siteOrigin, deps.consoleBase),
    })),
  );
}

/** A country's name in `lang`, or its code when the record is missing. */
export async function countryNames(db: Firestore, countryId: string): Promise<(lang: Lang) => string> {
  const country = (
    await db.collection(COLLECTIONS.countries.path).doc(countryId).withConverter(converterFor("countries")).get()
  ).data();
  return (lang) => (country ? pick(country.name, lang).text : countryId);
}

async function personName(db: Firestore, memberId: string | undefined): Promise<string | undefined> {
  if (!memberId) return undefined;
  return (
    await db.collection(COLLECTIONS.members.path).doc(memberId).withConverter(converterFor("members")).get()
  ).data()?.name;
}

/**
 * A document sent for review → everyone who may publish it: the accounts acting as committee
 * and the secretariat, except the accounts of its last editor and of its submitter, whom the
 * two-person rule keeps from publishing it (persons, whichever of their accounts; the version the
 * submission wrote names both).
 */
const documentSubmitted: Reaction = async (deps, entry) => {
  const document = DocumentSchema.safeParse(entry.after);
  if (!document.success) return 0;
  const { id, version, title } = document.data;
  const versionSnap = await deps.db
    .collection(COLLECTIONS.documents.path)
    .doc(id)
    .collection(VERSIONS_SUBCOLLECTION)
    .doc(String(version))
    .get();
  const recorded = DocumentVersionSchema.safeParse(versionSnap.data());
  const submitter = "role" in entry.actor ? entry.actor : undefined;
  // Without the version, the submitter is the best knowledge of who edited it last.
  const lastEditor = recorded.success ? recorded.data.contentBy?.memberId : submitter?.memberId;
  const excluded = new Set([lastEditor, submitter?.memberId].filter((p): p is string => p !== undefined));
  const [publishers, who] = await Promise.all([
    accountsActingAs(deps.db, ["committee", "secretariat"]),
    personName(deps.db, submitter?.memberId),
  ]);
  const recipients = await asRepresentatives(
    deps.db,
    publishers.filter((a) => !excluded.has(a.memberId)),
  );
  return notify(
    deps,
    entry,
    "document.submitted",
    recipients.map((r) => r.recipient),
    (lang) => ({
      subject: "notice.submitted.subject",
      paragraphs: ["notice.submitted.body", "notice.submitted.rule"],
      params: { title: pick(title, lang).text, who: who ?? "—" },
      action: { label: "notice.submitted.action", consoleRoute: `/documents/${id}` },
    }),
  );
};

/**
 * A committee seat gained or lost → the representatives of that country. Only entries on the
 * seats themselves count: a manual override (`seat.set` on seatOverrides) is followed by the
 * seat's own entry when it actually changes a seat, and a basis that moves (will host → hosted)
 * is neither a gain nor a loss.
 */
export const seatChanged: Reaction = async (deps, entry) => {
  if (entry.target.collection !== COLLECTIONS.committee.path) return 0;
  const gained = CommitteeSeatSchema.safeParse(entry.after);
  const held = entry.before !== null && entry.before !== undefined;
  if (gained.success === held) return 0;
  const countryId = entry.target.id;
  const [country, representatives] = await Promise.all([
    countryNames(deps.db, countryId),
    accountsOfCountries(deps.db, [countryId]),
  ]);
  const recipients = (await asRepresentatives(deps.db, representatives)).map((r) => r.recipient);
  const seat = gained.success ? gained.data : undefined;
  return notify(deps, entry, seat ? "seat.gained" : "seat.lost", recipients, (lang) => ({
    subject: seat ? "notice.seatGained.subject" : "notice.seatLost.subject",
    paragraphs: seat
      ? [`notice.seatGained.${seat.basis}` as const, "notice.seatGained.rights" as const]
      : ["notice.seatLost.body" as const],
    params: { country: country(lang), reason: seat?.reason ?? "" },
    action: { label: "notice.seat.action", path: `/${lang}/committee` },
  }));
};

/**
 * What each audited action sends. An action missing here sends nothing; a new one (an event
 * published, say) is one line. The invitation is not here: its link holds a token that only
 * the invite callable ever sees, so that callable queues it (invitation-mail.ts).
 */
export const AUDIT_REACTIONS: Partial<Record<AuditAction, Reaction>> = {
  "document.submit": documentSubmitted,
  "seat.rule": seatChanged,
  "seat.set": seatChanged,
};

/**
 * The audit trigger's work: the entry's reaction, if its action has one. Delivered twice, it
 * queues nothing new, since every message's key is its purpose, recipient and the entry's id.
 */
export async function reactToAuditEntry(
  deps: NoticeDeps,
  id: string,
  data: unknown,
  reactions: Partial<Record<AuditAction, Reaction>> = AUDIT_REACTIONS,
): Promise<number> {
  const parsed = AuditEntrySchema.safeParse(data);
  if (!parsed.success) {
    deps.log({ severity: "ERROR", message: "audit.reaction: entry does not parse", id });
    return 0;
  }
  const reaction = reactions[parsed.data.action];
  if (!reaction) return 0;
  const queued = await reaction(deps, { ...parsed.data, id });
  deps.log({ severity: "INFO", message: "audit.reaction", id, action: parsed.data.action, queued });
  return queued;
}
