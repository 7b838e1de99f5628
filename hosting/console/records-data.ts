import { collection, doc, getDoc, getDocs, limit, orderBy, type Query, query, where } from "firebase/firestore/lite";
import type { Publication } from "../../functions/src/model/common.js";
import type { AccountClaims } from "../../functions/src/model/roles.js";
import {
  type PublicationSchedule,
  PublicationScheduleSchema,
  SCHEDULES_COLLECTION,
  scheduleId,
} from "../../functions/src/model/schedule.js";
import { VERSIONS_SUBCOLLECTION } from "../../functions/src/model/versions.js";
import { services } from "./session.js";

/** The kinds the records screens edit, by collection (documents have screens of their own). */
export const RECORD_SCREENS = ["events", "initiatives", "institutions", "topics"] as const;
export type RecordScreen = (typeof RECORD_SCREENS)[number];
/** The audit's and schedules' name for each kind. */
export const TYPE_OF = {
  events: "event",
  initiatives: "initiative",
  institutions: "institution",
  topics: "topic",
} as const;

/** A record as the lists show it; the editor parses it with its kind's schema. */
export type StoredRecord = { id: string; publication?: Publication; version?: number } & Record<string, unknown>;

const db = () => {
  const s = services.value;
  if (!s) throw new Error("Firebase is not connected");
  return s.db;
};

/**
 * The queries that together list every record of a kind the signed-in person may read, each one
 * the rules allow that role. The committee and the secretariat list the whole collection. A
 * member reads published records and their own country's (an event it hosts, its institution),
 * and the rules judge a list by its filters, so a member asks twice: for `published` by name, and
 * for its own country's; the caller merges the answers by id. Single-field filters only, which
 * need no composite index (test/unit/firestore-indexes.test.ts lists them).
 */
export function readableQueries(kind: RecordScreen, who: AccountClaims): Query[] {
  const records = collection(db(), kind);
  if (who.role !== "member") return [records];
  const country = who.countryId ?? "";
  const own =
    kind === "events"
      ? [query(records, where("hostCountries", "array-contains", country))]
      : kind === "institutions"
        ? [query(records, where("countryId", "==", country))]
        : [];
  return [query(records, where("publication", "==", "published")), ...own];
}

/** Runs the queries and merges their answers by document id, in id order. */
export async function mergedById<T>(queries: Query[], read: (id: string, data: unknown) => T[]): Promise<T[]> {
  const byId = new Map<string, T>();
  for (const snap of await Promise.all(queries.map((q) => getDocs(q)))) {
    for (const d of snap.docs) for (const record of read(d.id, d.data())) byId.set(d.id, record);
  }
  return [...byId.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, record]) => record);
}

/** Every record of a kind the signed-in person may read. */
export function listRecords(kind: RecordScreen, who: AccountClaims): Promise<StoredRecord[]> {
  return mergedById(readableQueries(kind, who), (id, data) => [{ ...(data as StoredRecord), id }]);
}

export async function getRecord(kind: RecordScreen, id: string): Promise<StoredRecord | undefined> {
  const snap = await getDoc(doc(db(), kind, id));
  return snap.exists() ? { ...(snap.data() as StoredRecord), id } : undefined;
}

/** A record's versions, newest first (committee and secretariat only, as the rules say). */
export async function listRecordVersions(kind: RecordScreen, id: string): Promise<unknown[]> {
  const snap = await getDocs(
    query(collection(db(), kind, id, VERSIONS_SUBCOLLECTION), orderBy("version", "desc"), limit(50)),
  );
  return snap.docs.map((d) => d.data());
}

/** The record's scheduled publication, if any (committee and secretariat only). */
export async function getSchedule(kind: RecordScreen, id: string): Promise<PublicationSchedule | undefined> {
  const snap = await getDoc(doc(db(), SCHEDULES_COLLECTION, scheduleId(TYPE_OF[kind], id)));
  const parsed = PublicationScheduleSchema.safeParse(snap.data());
  return parsed.success ? parsed.data : undefined;
}
