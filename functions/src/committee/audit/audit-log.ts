import type { Firestore, Transaction } from "firebase-admin/firestore";
import {
  AUDIT_COLLECTION,
  type AuditEntry,
  AuditEntrySchema,
  auditAudience,
  stripUndefined,
} from "../../model/index.js";

/**
 * Appends an entry to the audit log inside the transaction that makes the change, so there is
 * never a change without its entry nor an entry for a change that did not happen. Its audience
 * (who may read it, firestore.rules) follows from its action, whatever the caller passed.
 */
export function appendAudit(db: Firestore, tx: Transaction, entry: AuditEntry): void {
  const stored = { ...entry, audience: auditAudience(entry) };
  tx.create(db.collection(AUDIT_COLLECTION).doc(), stripUndefined(AuditEntrySchema.parse(stored)));
}
