import { relative } from "node:path";
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, type RecordOf } from "../model/index.js";
import type { RawRecord } from "./read-seed.js";

export interface SeedIssue {
  file: string;
  record: string;
  field: string;
  message: string;
}

/** Every problem found in the seed, each naming its file, record and field. */
export class SeedValidationError extends Error {
  override name = "SeedValidationError";
  constructor(readonly issues: SeedIssue[]) {
    super(
      `The seed has ${issues.length} invalid field${issues.length === 1 ? "" : "s"}; nothing was written:\n${issues
        .map((i) => `  ${i.file}, record ${i.record}, field "${i.field}": ${i.message}`)
        .join("\n")}`,
    );
  }
}

export type SeedRecords = { [C in CollectionName]: RecordOf<C>[] };

/** Validates every record against its schema and every reference against the other records. */
export function validateSeed(raw: RawRecord[], baseDir = process.cwd()): SeedRecords {
  const issues: SeedIssue[] = [];
  const records = Object.fromEntries(Object.keys(COLLECTIONS).map((c) => [c, []])) as unknown as SeedRecords;
  const located = new Map<object, { file: string; record: string }>();
  const seen = new Map<string, string>();
  // Every id found, valid record or not: a reference to an invalid record is not reported
  // again as missing, since that record's own issues already say what to fix.
  const present = new Map<CollectionName, Set<string>>(COLLECTION_NAMES.map((c) => [c, new Set()]));

  for (const item of raw) {
    const file = relative(baseDir, item.file) || item.file;
    const id = (item.data as { id?: unknown } | null)?.id;
    const record = typeof id === "string" ? `${item.index} ("${id}")` : String(item.index);
    const result = COLLECTIONS[item.collection].schema.safeParse(item.data);
    if (typeof id === "string") present.get(item.collection)?.add(id);
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({ file, record, field: issue.path.join(".") || "(record)", message: issue.message });
      }
      continue;
    }
    const key = `${item.collection}/${result.data.id}`;
    const previous = seen.get(key);
    if (previous) {
      issues.push({ file, record, field: "id", message: `duplicates the id of record ${previous}` });
      continue;
    }
    seen.set(key, record);
    located.set(result.data, { file, record });
    (records[item.collection] as unknown[]).push(result.data);
  }

  const ids = (c: CollectionName) => present.get(c) ?? new Set<string>();
  const countries = ids("countries");
  const institutions = ids("institutions");
  const events = ids("events");
  const topics = ids("topics");
  const check = (record: object, field: string, value: string | undefined, known: Set<string>, what: string) => {
    if (value !== undefined && !known.has(value)) {
      const where = located.get(record) ?? { file: "?", record: "?" };
      issues.push({ ...where, field, message: `refers to ${what} "${value}", which is not in the seed` });
    }
  };
  const checkAll = (record: object, field: string, values: string[], known: Set<string>, what: string) => {
    for (const [n, value] of values.entries()) check(record, `${field}.${n}`, value, known, what);
  };
  for (const i of records.institutions) check(i, "countryId", i.countryId, countries, "country");
  for (const m of records.members) {
    check(m, "countryId", m.countryId, countries, "country");
    check(m, "institutionId", m.institutionId, institutions, "institution");
  }
  for (const e of records.events) {
    checkAll(e, "hostCountries", e.hostCountries, countries, "country");
    checkAll(e, "attendingCountries", e.attendingCountries, countries, "country");
    checkAll(e, "organizerIds", e.organizerIds, institutions, "institution");
    for (const [n, s] of e.sessions.entries()) checkAll(e, `sessions.${n}.topicIds`, s.topicIds, topics, "topic");
  }
  for (const d of records.documents) {
    check(d, "eventId", d.eventId, events, "event");
    checkAll(d, "countries", d.countries, countries, "country");
    checkAll(d, "topics", d.topics, topics, "topic");
  }
  for (const i of records.initiatives) {
    checkAll(i, "coordinatorIds", i.coordinatorIds, institutions, "institution");
  }
  for (const s of records.committee) {
    check(s, "countryId", s.countryId, countries, "country");
    check(s, "eventId", s.eventId, events, "event");
  }
  for (const c of records.commitments) {
    check(c, "hostCountryId", c.hostCountryId, countries, "country");
    check(c, "hostInstitutionId", c.hostInstitutionId, institutions, "institution");
    check(c, "offeredAtEventId", c.offeredAtEventId, events, "event");
  }

  if (issues.length > 0) throw new SeedValidationError(issues);
  return records;
}
