import { collection, doc, getDoc, getDocs } from "firebase/firestore/lite";
import { DIRECTORY_COLLECTION, type SharedContact, SharedContactSchema } from "../../functions/src/model/directory.js";
import { type MemberContact, MemberContactSchema } from "../../functions/src/model/member.js";
import { services } from "./session.js";

// The directory's reads, each one the rules allow the role: the people (members) and what each
// shares (directory) for everyone; the private contact record only the person's own.

const db = () => {
  const s = services.value;
  if (!s) throw new Error("Firebase is not connected");
  return s.db;
};

/** What every person shares, by person id. */
export async function listSharedContacts(): Promise<Map<string, SharedContact>> {
  const snap = await getDocs(collection(db(), DIRECTORY_COLLECTION));
  return new Map(
    snap.docs.flatMap((d) => {
      const parsed = SharedContactSchema.safeParse(d.data());
      return parsed.success ? [[d.id, parsed.data] as const] : [];
    }),
  );
}

/** The signed-in person's own private contact record (their email and phone, and what they share). */
export async function getOwnContact(memberId: string): Promise<MemberContact | undefined> {
  const snap = await getDoc(doc(db(), "memberContacts", memberId));
  const parsed = MemberContactSchema.safeParse(snap.data());
  return parsed.success ? parsed.data : undefined;
}
