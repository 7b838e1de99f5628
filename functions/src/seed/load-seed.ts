import type { Firestore } from "firebase-admin/firestore";
import {
  COLLECTIONS,
  type CollectionName,
  converterFor,
  DIRECTORY_COLLECTION,
  type MemberContact,
  sharedContactOf,
  stripUndefined,
} from "../model/index.js";
import { readSeed } from "./read-seed.js";
import { type SeedRecords, validateSeed } from "./validate-seed.js";

/** gRPC ALREADY_EXISTS: the record is in the database, and what is there wins. */
const ALREADY_EXISTS = 6;

/**
 * Reads, validates and writes the seed. Validation covers every record before the first write,
 * so an invalid seed writes nothing.
 */
export async function loadSeed(db: Firestore, dir: string): Promise<SeedRecords> {
  const records = validateSeed(await readSeed(dir));
  await writeSeed(db, records);
  return records;
}

/**
 * Creates the seed's records that are missing and never touches one that exists: loading the
 * seed again into a live database must not roll back a person's edit, a publication state or a
 * version (each `create` fails on its own for a record that is there, under the server's
 * precondition, so a record created meanwhile is not overwritten either). Returns how many
 * records were created.
 */
export async function writeSeed(db: Firestore, records: SeedRecords): Promise<number> {
  const writer = db.bulkWriter();
  writer.onWriteError((error) => error.code !== ALREADY_EXISTS && error.failedAttempts < 5);
  let created = 0;
  const writes: Promise<void>[] = [];
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const ref = db.collection(COLLECTIONS[name].path).withConverter(converterFor(name));
    for (const record of records[name] as { id: string }[]) {
      // What a seeded person shares goes to the directory's projection with their contact record.
      if (name === "memberContacts") {
        const shared = stripUndefined(sharedContactOf(record as MemberContact));
        writes.push(
          writer.create(db.collection(DIRECTORY_COLLECTION).doc(record.id), shared).then(
            () => undefined,
            (error: { code?: number }) => {
              if (error.code !== ALREADY_EXISTS) throw error;
            },
          ),
        );
      }
      writes.push(
        writer.create(ref.doc(record.id), record as never).then(
          () => {
            created += 1;
          },
          (error: { code?: number }) => {
            if (error.code !== ALREADY_EXISTS) throw error;
          },
        ),
      );
    }
  }
  await writer.close();
  await Promise.all(writes);
  return created;
}
