import { collection, doc, getDoc, getDocs, limit, orderBy, query, where } from "firebase/firestore/lite";
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
 * Every record of a kind the signed-in person may read. A member reads published records and
 * their own country's drafts, and a list query must say so for the rules to allow it; records
 * from before the console carry no state and are read one by one on the public site instead.
 */
export async function listRecords(kind: RecordScreen, who: AccountClaims): Promise<StoredRecord[]> {
  const records = collection(db(), kind);
  const own =
    kind === "events"
      ? [query(records, where("hostCountries", "array-contains", who.countryId ?? ""))]
      : kind === "institutions"
        ? [query(records, where("countryId", "==", who.countryId ?? ""))]
        : [];
  const queries = who.role === "member" ? [query(records, where("publication", "==", "published")), ...own] : [records];
  const byId = new Map<string, StoredRecord>();
  for (const snap of await Promise.all(queries.map((q) => getDocs(q)))) {
    for (const d of snap.docs) byId.set(d.id, { ...(d.data() as StoredRecord), id: d.id });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
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
