import { collection, doc, getDoc, getDocs, limit, orderBy, query, where } from "firebase/firestore/lite";
import { AUDIT_COLLECTION, type AuditEntry, AuditEntrySchema } from "../../functions/src/model/audit.js";
import { type Document, DocumentSchema } from "../../functions/src/model/document.js";
import type { AccountClaims } from "../../functions/src/model/roles.js";
import {
  type DocumentVersion,
  DocumentVersionSchema,
  VERSIONS_SUBCOLLECTION,
} from "../../functions/src/model/versions.js";
import { mergedById } from "./records-data.js";
import { services } from "./session.js";

const db = () => {
  const s = services.value;
  if (!s) throw new Error("Firebase is not connected");
  return s.db;
};

// Records are parsed at the edge with the model's schemas; one that does not parse is left out
// of the lists instead of breaking them (the callables never write such a record).
function parsed<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: unknown): T[] {
  const result = schema.safeParse(value);
  return result.success && result.data !== undefined ? [result.data] : [];
}

/**
 * Every document the signed-in person may read. A member reads published documents and their
 * own country's, and a list query must say so for the rules to allow it.
 */
export function listDocuments(who: AccountClaims): Promise<Document[]> {
  const documents = collection(db(), "documents");
  const queries =
    who.role === "member"
      ? [
          query(documents, where("status", "==", "published")),
          query(documents, where("countries", "array-contains", who.countryId ?? "")),
        ]
      : [query(documents)];
  return mergedById(queries, (_id, data) => parsed(DocumentSchema, data));
}

export async function getDocument(id: string): Promise<Document | undefined> {
  const snap = await getDoc(doc(db(), "documents", id));
  return snap.exists() ? parsed(DocumentSchema, snap.data())[0] : undefined;
}

/** A document's versions, newest first (committee and secretariat only, as the rules say). */
export async function listVersions(id: string): Promise<DocumentVersion[]> {
  const snap = await getDocs(
    query(collection(db(), "documents", id, VERSIONS_SUBCOLLECTION), orderBy("version", "desc"), limit(50)),
  );
  return snap.docs.flatMap((d) => parsed(DocumentVersionSchema, d.data()));
}

export async function getVersion(id: string, version: number): Promise<DocumentVersion | undefined> {
  const snap = await getDoc(doc(db(), "documents", id, VERSIONS_SUBCOLLECTION, String(version)));
  return snap.exists() ? parsed(DocumentVersionSchema, snap.data())[0] : undefined;
}

/**
 * The newest audit entries the role may read: the secretariat all of them; the committee those
 * for every reviewer and its own country's invitations, asked for by audience, since the rules
 * judge a list by its filters. The audit screen filters these in the browser, which needs no
 * composite index per filter.
 */
export async function listAudit(who: AccountClaims, count: number): Promise<AuditEntry[]> {
  const audit = collection(db(), AUDIT_COLLECTION);
  const readable =
    who.role === "secretariat"
      ? audit
      : query(audit, where("audience", "in", ["committee", `committee:${who.countryId ?? ""}`]));
  const snap = await getDocs(query(readable, orderBy("at", "desc"), limit(count)));
  return snap.docs.flatMap((d) => parsed(AuditEntrySchema, d.data()));
}
