import type { Firestore, Transaction } from "firebase-admin/firestore";
import {
  AUDIT_ACTORS_COLLECTION,
  AUDIT_COLLECTION,
  AuditAccountSchema,
  type AuditEntry,
  AuditEntrySchema,
  auditAudience,
  stripUndefined,
} from "../../model/index.js";

/**
 * Appends an entry to the audit log inside the transaction that makes the change, so there is
 * never a change without its entry nor an entry for a change that did not happen. Its audience
 * (who may read it, firestore.rules) follows from its action, whatever the caller passed. An
 * entry others than the secretariat read names the person, not the account: the account goes
 * to `auditActors/{same id}`, which only the secretariat reads.
 */
export function appendAudit(db: Firestore, tx: Transaction, entry: AuditEntry): void {
  const audience = auditAudience(entry);
  const ref = db.collection(AUDIT_COLLECTION).doc();
  const person = "role" in entry.actor ? entry.actor : undefined;
  const account = audience === "secretariat" ? undefined : person?.uid;
  const shown = account && person ? { ...entry, actor: { memberId: person.memberId, role: person.role } } : entry;
  tx.create(ref, stripUndefined(AuditEntrySchema.parse({ ...shown, audience })));
  if (account)
    tx.create(db.collection(AUDIT_ACTORS_COLLECTION).doc(ref.id), AuditAccountSchema.parse({ uid: account }));
}
