import type { Firestore } from "firebase-admin/firestore";
import {
  ACCOUNTS_COLLECTION,
  type Account,
  AccountSchema,
  converterFor,
  type Member,
} from "../../functions/src/model/index.js";

export interface RepresentativeSpec {
  /** Person id; the account's uid is `uid-<id>`. */
  id: string;
  /** The assigned role; no account at all with `null` (a person the console does not know). */
  role: Account["role"] | null;
  countryId?: string;
  institutionId?: string;
  lang?: Member["preferredLanguage"];
  timeZone?: string;
  /** The private contact's email; none when null. */
  email?: string | null;
}

/**
 * A person as the console knows them: the member record, the private contact with their email,
 * and the console account linking a uid to them, each checked by the model's schemas.
 */
export async function addRepresentative(db: Firestore, spec: RepresentativeSpec): Promise<{ uid: string }> {
  const uid = `uid-${spec.id}`;
  await db
    .collection("members")
    .withConverter(converterFor("members"))
    .doc(spec.id)
    .set({
      id: spec.id,
      name: `Rep ${spec.id}`,
      ...(spec.countryId ? { countryId: spec.countryId } : {}),
      ...(spec.institutionId ? { institutionId: spec.institutionId } : {}),
      preferredLanguage: spec.lang ?? "es",
      timeZone: spec.timeZone ?? "America/Santiago",
      public: false,
      source: "Written by a test (test/support/representatives.ts)",
    });
  const email = spec.email === undefined ? `${spec.id}@example.org` : spec.email;
  if (email) {
    await db.collection("memberContacts").withConverter(converterFor("memberContacts")).doc(spec.id).set({
      id: spec.id,
      email,
    });
  }
  if (spec.role) {
    const account = AccountSchema.parse({
      id: uid,
      memberId: spec.id,
      role: spec.role,
      ...(spec.countryId ? { countryId: spec.countryId } : {}),
    });
    await db.collection(ACCOUNTS_COLLECTION).doc(uid).set(account);
  }
  return { uid };
}
