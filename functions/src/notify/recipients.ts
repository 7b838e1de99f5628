import type { Firestore } from "firebase-admin/firestore";
import {
  ACCOUNTS_COLLECTION,
  type Account,
  AccountSchema,
  COLLECTIONS,
  converterFor,
  effectiveRole,
  type Recipient,
  RecipientSchema,
  type Role,
} from "../model/index.js";

/** Firestore's limit on the values of one "in" filter. */
const IN_LIMIT = 30;
/** Documents per getAll: large enough to be few round trips, small enough for one response. */
const GET_ALL_CHUNK = 500;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** A console account that can be written to: the account, and the person as a recipient. */
export interface Representative {
  account: Account;
  recipient: Recipient;
}

const accounts = (db: Firestore) => db.collection(ACCOUNTS_COLLECTION);

// One bad account must not silence everyone else's email; it is refused where it is written.
function parseAccounts(docs: { data(): unknown }[]): Account[] {
  return docs.flatMap((d) => {
    const parsed = AccountSchema.safeParse(d.data());
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Accounts as recipients: the person each one is linked to (name, language, time zone) and the
 * email of that person's private contact record. An account without a person or a usable email
 * is left out; a person with two accounts gets one message.
 */
export async function asRepresentatives(db: Firestore, found: Account[]): Promise<Representative[]> {
  const byMember = new Map(found.map((a) => [a.memberId, a]));
  const ids = [...byMember.keys()];
  const read = async <N extends "members" | "memberContacts">(name: N) =>
    (
      await Promise.all(
        chunks(ids, GET_ALL_CHUNK).map((part) =>
          db.getAll(
            ...part.map((id) => db.collection(COLLECTIONS[name].path).doc(id).withConverter(converterFor(name))),
          ),
        ),
      )
    ).flat();
  const [people, contacts] = await Promise.all([read("members"), read("memberContacts")]);
  const emails = new Map(contacts.flatMap((c) => (c.exists ? [[c.id, c.data()?.email] as const] : [])));
  return people.flatMap((snapshot) => {
    const person = snapshot.data();
    const account = byMember.get(snapshot.id);
    if (!person || !account) return [];
    const parsed = RecipientSchema.safeParse({
      // The person, not the account, so the keys stay the same when an account is replaced.
      id: `member:${person.id}`,
      name: person.name,
      address: emails.get(person.id),
      lang: account.lang ?? person.preferredLanguage,
      timeZone: person.timeZone,
    });
    return parsed.success ? [{ account, recipient: parsed.data }] : [];
  });
}

/** The countries holding an Executive Committee seat now. */
async function seatCountries(db: Firestore): Promise<Set<string>> {
  return new Set((await db.collection(COLLECTIONS.committee.path).select().get()).docs.map((d) => d.id));
}

/** Accounts whose role in effect (model/roles.ts effectiveRole: committee only with a seat) is one of `roles`. */
export async function accountsActingAs(db: Firestore, roles: readonly Role[]): Promise<Account[]> {
  // The assigned role decides who may act as committee at all; the seats decide who does now.
  const assigned = roles.includes("member") ? [...roles, "committee" as const] : roles;
  const [found, seats] = await Promise.all([
    accounts(db)
      .where("role", "in", [...new Set(assigned)])
      .get(),
    seatCountries(db),
  ]);
  return parseAccounts(found.docs).filter((a) =>
    roles.includes(effectiveRole(a.role, a.countryId !== undefined && seats.has(a.countryId))),
  );
}

/** Accounts representing any of `countryIds`, whatever their role. */
export async function accountsOfCountries(db: Firestore, countryIds: readonly string[]): Promise<Account[]> {
  const found = await Promise.all(
    chunks([...new Set(countryIds)], IN_LIMIT).map((part) => accounts(db).where("countryId", "in", part).get()),
  );
  return parseAccounts(found.flatMap((q) => q.docs));
}

const recipientsOf = async (db: Firestore, found: Account[]) =>
  (await asRepresentatives(db, found)).map((r) => r.recipient);

/** The Executive Committee: the accounts acting as committee now (assigned committee, country with a seat). */
export async function committeeRecipients(db: Firestore): Promise<Recipient[]> {
  return recipientsOf(db, await accountsActingAs(db, ["committee"]));
}

/** The representatives (accounts) of the given countries. */
export async function countryRecipients(db: Firestore, countryIds: readonly string[]): Promise<Recipient[]> {
  return recipientsOf(db, await accountsOfCountries(db, countryIds));
}

/** The representatives of one institution: accounts linked to a person of that institution. */
async function institutionRecipients(db: Firestore, institutionId: string): Promise<Recipient[]> {
  const people = await db
    .collection(COLLECTIONS.members.path)
    .where("institutionId", "==", institutionId)
    .select()
    .get();
  const found = await Promise.all(
    chunks(
      people.docs.map((d) => d.id),
      IN_LIMIT,
    ).map((part) => accounts(db).where("memberId", "in", part).get()),
  );
  return recipientsOf(db, parseAccounts(found.flatMap((q) => q.docs)));
}

/** Several lists as one, each person once. */
export function uniqueRecipients(...lists: Recipient[][]): Recipient[] {
  return [...new Map(lists.flat().map((r) => [r.id, r])).values()];
}

/** Everyone a hosting commitment concerns: the committee and the host institution, each once. */
export async function commitmentRecipients(db: Firestore, hostInstitutionId: string | undefined): Promise<Recipient[]> {
  return uniqueRecipients(
    await committeeRecipients(db),
    hostInstitutionId ? await institutionRecipients(db, hostInstitutionId) : [],
  );
}
