import type { Firestore, Transaction } from "firebase-admin/firestore";
import { AUDIT_COLLECTION, type AuditEntry, AuditEntrySchema, stripUndefined } from "../../model/index.js";

/**
 * Appends an entry to the audit log inside the transaction that makes the change, so there is
 * never a change without its entry nor an entry for a change that did not happen.
 */
export function appendAudit(db: Firestore, tx: Transaction, entry: AuditEntry): void {
  tx.create(db.collection(AUDIT_COLLECTION).doc(), stripUndefined(AuditEntrySchema.parse(entry)));
}
