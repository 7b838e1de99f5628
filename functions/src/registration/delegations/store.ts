import type { Firestore } from "firebase-admin/firestore";
import { DELEGATION_COLLECTIONS, schemaConverter } from "../../model/index.js";

/** The delegations, each read and written through its schema. */
export const delegations = (db: Firestore) =>
  db
    .collection(DELEGATION_COLLECTIONS.delegations.path)
    .withConverter(schemaConverter(DELEGATION_COLLECTIONS.delegations.schema));
