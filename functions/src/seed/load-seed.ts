import type { Firestore } from "firebase-admin/firestore";
import {
  COLLECTIONS,
  type CollectionName,
  converterFor,
  DIRECTORY_COLLECTION,
  type MemberContact,
  type Publication,
  sharedContactOf,
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
  await fillMissingStates(db);
  return records;
}

/**
 * The collections whose records go through the console's workflow with their state in
 * `publication` (documents keep theirs in `status`, which their schema requires).
 */
export const STATED_COLLECTIONS = [
  "events",
  "initiatives",
  "institutions",
  "topics",
] as const satisfies CollectionName[];

/**
 * The seed is the network's published record, and every record it writes says so: the rules
 * let a member list only what a query names as `published`, and a field that is absent matches
 * no filter, so a record without its state is invisible to every member's list.
 */
export function withState<T extends object>(name: CollectionName, record: T): T {
  if (!(STATED_COLLECTIONS as readonly string[]).includes(name)) return record;
  const stated = record as T & { publication?: Publication };
  return stated.publication ? record : { ...record, publication: "published" };
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
        const shared = sharedContactOf(record as MemberContact);
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
        writer.create(ref.doc(record.id), withState(name, record) as never).then(
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

/**
 * Gives a state to the records a database already holds without one (loaded by an earlier seed
 * loader, which wrote none): the state they were shown in, published. Only the missing field is
 * written, and only while the record is as it was read (a precondition on its update time), so
 * an edit made meanwhile wins and the next run finds it stated. Returns how many were filled.
 * Loading the seed runs it, so loading it again is how a database from before gets its states
 * (README, "Deploy": the same command, which creates nothing that exists).
 */
export async function fillMissingStates(db: Firestore): Promise<number> {
  let filled = 0;
  for (const name of STATED_COLLECTIONS) {
    const snap = await db.collection(COLLECTIONS[name].path).get();
    for (const doc of snap.docs) {
      if (doc.get("publication") !== undefined) continue;
      const done = await doc.ref.update({ publication: "published" }, { lastUpdateTime: doc.updateTime }).then(
        () => true,
        // FAILED_PRECONDITION: changed since it was read; whoever changed it gave it a state.
        (error: { code?: number }) => {
          if (error.code !== 9) throw error;
          return false;
        },
      );
      if (done) filled += 1;
    }
  }
  return filled;
}
