import type { Firestore } from "firebase-admin/firestore";
import { COLLECTIONS, converterFor, type Member, type Recipient, RecipientSchema } from "../model/index.js";

/** Firestore's limit on the values of one "in" filter. */
const IN_LIMIT = 30;

/** A member as a recipient, with the email of their private contact record; undefined without a usable one. */
async function asRecipients(db: Firestore, members: Member[]): Promise<Recipient[]> {
  if (members.length === 0) return [];
  const contacts = await db.getAll(
    ...members.map((m) =>
      db.collection(COLLECTIONS.memberContacts.path).doc(m.id).withConverter(converterFor("memberContacts")),
    ),
  );
  const emails = new Map(contacts.flatMap((c) => (c.exists ? [[c.id, c.data()?.email] as const] : [])));
  return members.flatMap((m) => {
    const parsed = RecipientSchema.safeParse({
      id: `member:${m.id}`,
      name: m.name,
      address: emails.get(m.id),
      lang: m.preferredLanguage,
      timeZone: m.timeZone,
    });
    return parsed.success ? [parsed.data] : [];
  });
}

const members = (db: Firestore) => db.collection(COLLECTIONS.members.path).withConverter(converterFor("members"));

/**
 * The representatives of the Executive Committee's countries. Until the console's `accounts`
 * collection lands, a representative is any member of a committee country with a contact
 * email; this is the one place to change when it does.
 */
export async function committeeRecipients(db: Firestore): Promise<Recipient[]> {
  const seats = await db.collection(COLLECTIONS.committee.path).get();
  const countries = seats.docs.map((d) => d.id);
  const found: Member[] = [];
  for (let i = 0; i < countries.length; i += IN_LIMIT) {
    const batch = await members(db)
      .where("countryId", "in", countries.slice(i, i + IN_LIMIT))
      .get();
    found.push(...batch.docs.map((d) => d.data()));
  }
  return asRecipients(db, found);
}

/** The representatives of one institution (members of it with a contact email). */
export async function institutionRecipients(db: Firestore, institutionId: string): Promise<Recipient[]> {
  const found = await members(db).where("institutionId", "==", institutionId).get();
  return asRecipients(
    db,
    found.docs.map((d) => d.data()),
  );
}

/** Everyone a hosting commitment concerns: the committee and the host institution, each once. */
export async function commitmentRecipients(db: Firestore, hostInstitutionId: string | undefined): Promise<Recipient[]> {
  const all = [
    ...(await committeeRecipients(db)),
    ...(hostInstitutionId ? await institutionRecipients(db, hostInstitutionId) : []),
  ];
  return [...new Map(all.map((r) => [r.id, r])).values()];
}
