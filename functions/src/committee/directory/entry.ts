import type { Firestore, Transaction } from "firebase-admin/firestore";
import { z } from "zod";
import {
  COLLECTIONS,
  converterFor,
  DIRECTORY_COLLECTION,
  LangSchema,
  LocalizedTitleSchema,
  type Member,
  type MemberContact,
  MemberContactSchema,
  SpokenLanguageSchema,
  sharedContactOf,
  stripUndefined,
} from "../../model/index.js";
import { appendAudit } from "../audit/audit-log.js";
import type { CommitteeDeps } from "../deps.js";
import { CommitteeError } from "../errors.js";
import type { Actor } from "../permissions.js";

/**
 * A person's own directory entry as they edit it: no person id (the entry is always the
 * caller's own, from their account) and no email (the account's address, which only the
 * secretariat changes, by inviting the person again).
 */
export const UpdateEntryPayloadSchema = z
  .object({
    lang: LangSchema.optional(),
    name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
    title: LocalizedTitleSchema.optional(),
    languages: z.array(SpokenLanguageSchema).max(12, "lists at most 12 languages"),
    phone: MemberContactSchema.shape.phone,
    share: z.object({ email: z.boolean(), phone: z.boolean() }).strict(),
  })
  .strict();

export const ConfirmEntryPayloadSchema = z.object({ lang: LangSchema.optional() }).strict();

/**
 * Writes a person's private contact record and, in the same transaction, what they share of it
 * (`directory/{id}`): the one way either is written, so the projection never says more, or
 * other, than the person chose.
 */
export function setContact(db: Firestore, tx: Transaction, contact: MemberContact): void {
  tx.set(
    db.collection(COLLECTIONS.memberContacts.path).withConverter(converterFor("memberContacts")).doc(contact.id),
    contact,
  );
  tx.set(db.collection(DIRECTORY_COLLECTION).doc(contact.id), sharedContactOf(contact));
}

const people = (db: Firestore) => db.collection(COLLECTIONS.members.path).withConverter(converterFor("members"));
const contacts = (db: Firestore) =>
  db.collection(COLLECTIONS.memberContacts.path).withConverter(converterFor("memberContacts"));

/** The caller's own person record and contact, read in the transaction; refused when the account links to nobody. */
async function ownEntry(db: Firestore, tx: Transaction, actor: Actor) {
  const [person, contact] = await Promise.all([
    tx.get(people(db).doc(actor.memberId)),
    tx.get(contacts(db).doc(actor.memberId)),
  ]);
  const member = person.data();
  if (!member) throw new CommitteeError("not-found", "console.directory.noEntry");
  return { member, contact: contact.data() };
}

/** A person's entry as it stands: their record, and their private contact when they have one. */
interface EntryState {
  member: Member;
  contact: MemberContact | undefined;
}

/**
 * What the audit log keeps of an entry: the person's record and what they share, which every
 * representative reads anyway; never the private contact (an unshared phone or address).
 */
const audited = ({ member, contact }: EntryState) =>
  stripUndefined({ member, shared: contact ? sharedContactOf(contact) : undefined });

/** The change's audit entry, in the transaction that makes it, like every other console write. */
function auditChange(
  db: Firestore,
  tx: Transaction,
  actor: Actor,
  action: "directory.update" | "directory.confirm",
  at: string,
  before: EntryState,
  after: EntryState,
): void {
  const { countryId } = after.member;
  appendAudit(db, tx, {
    at,
    actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
    action,
    target: { collection: COLLECTIONS.members.path, id: actor.memberId },
    countryIds: countryId ? [countryId] : [],
    before: audited(before),
    after: audited(after),
  });
}

/**
 * Updates the caller's own entry (name, title, languages, phone, what they share) and counts as
 * confirming it. Returns when it was confirmed.
 */
export async function updateEntry(
  deps: CommitteeDeps,
  actor: Actor,
  input: z.infer<typeof UpdateEntryPayloadSchema>,
): Promise<{ confirmedAt: string }> {
  const { db, clock } = deps;
  const confirmedAt = clock().toISOString();
  await db.runTransaction(async (tx) => {
    const { member, contact } = await ownEntry(db, tx, actor);
    // A contact record holds an email; a person without one has nothing to share and no record
    // to keep a phone in, which the secretariat creates.
    if (!contact && (input.phone || input.share.email || input.share.phone)) {
      throw new CommitteeError("failed-precondition", "console.directory.noContact");
    }
    const { title: _title, ...rest } = member;
    const updated: Member = {
      ...rest,
      ...(input.title ? { title: input.title } : {}),
      name: input.name,
      languages: [...new Set(input.languages)],
      confirmedAt,
    };
    tx.set(people(db).doc(member.id), updated);
    let contactAfter: MemberContact | undefined;
    if (contact) {
      const { phone: _phone, ...kept } = contact;
      contactAfter = { ...kept, ...(input.phone ? { phone: input.phone } : {}), share: input.share };
      setContact(db, tx, contactAfter);
    }
    const after = { member: updated, contact: contactAfter };
    auditChange(db, tx, actor, "directory.update", confirmedAt, { member, contact }, after);
  });
  return { confirmedAt };
}

/** Confirms the caller's own entry as it stands: the yearly answer "nothing changed". */
export async function confirmEntry(deps: CommitteeDeps, actor: Actor): Promise<{ confirmedAt: string }> {
  const { db, clock } = deps;
  const confirmedAt = clock().toISOString();
  await db.runTransaction(async (tx) => {
    const { member, contact } = await ownEntry(db, tx, actor);
    const confirmed: Member = { ...member, confirmedAt };
    tx.set(people(db).doc(member.id), confirmed);
    const after = { member: confirmed, contact };
    auditChange(db, tx, actor, "directory.confirm", confirmedAt, { member, contact }, after);
  });
  return { confirmedAt };
}
