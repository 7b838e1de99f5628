import type { Firestore } from "firebase-admin/firestore";
import { COLLECTIONS, type CollectionName, converterFor } from "../model/index.js";
import { readSeed } from "./read-seed.js";
import { type SeedRecords, validateSeed } from "./validate-seed.js";

const BATCH_LIMIT = 450;

/**
 * Reads, validates and writes the seed. Validation covers every record before the first write,
 * so an invalid seed writes nothing. Each record is written whole with `set`, so loading the
 * same seed twice leaves the same database.
 */
export async function loadSeed(db: Firestore, dir: string): Promise<SeedRecords> {
  const records = validateSeed(await readSeed(dir));
  await writeSeed(db, records);
  return records;
}

async function writeSeed(db: Firestore, records: SeedRecords): Promise<number> {
  let batch = db.batch();
  let pending = 0;
  let written = 0;
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const ref = db.collection(COLLECTIONS[name].path).withConverter(converterFor(name));
    for (const record of records[name] as { id: string }[]) {
      batch.set(ref.doc(record.id), record as never);
      pending += 1;
      if (pending === BATCH_LIMIT) {
        await batch.commit();
        written += pending;
        batch = db.batch();
        pending = 0;
      }
    }
  }
  if (pending > 0) await batch.commit();
  return written + pending;
}
