// The form of an event, initiative, institution or topic: built from a stored record, turned into
// what the recordSaveDraft callable takes, and checked with the kind's own schemas (the content's
// and the whole record's, whose cross-field rules put an end before its start beside the end).
// Pure, so unit tests run it without a browser.
import { RECORD_KINDS } from "../../functions/src/committee/records/kinds.js";
import { IdSchema, LANGS, type Lang } from "../../functions/src/model/common.js";
import { EVENT_KINDS, SESSION_TYPES } from "../../functions/src/model/event.js";
import { INSTITUTION_KINDS } from "../../functions/src/model/institution.js";
import type { ChoiceList } from "./lib/choices.js";
import type { RecordScreen, StoredRecord } from "./records-data.js";

/** How a field is kept in the form: "date" is a partial date and "zone" an IANA time zone, both text. */
export type FieldKind = "text" | "select" | "list" | "number" | "date" | "zone";
export interface FieldSpec {
  name: string;
  type: FieldKind;
  /** Chosen by name from a searchable list: several ids for a "list", one for a "text". */
  choices?: ChoiceList;
  options?: readonly string[];
  /** An optional select offers "none". */
  optional?: boolean;
  /** Sent even when empty, so the schema's own message ("must say where the record comes from") shows. */
  required?: boolean;
}
export interface KindSpec {
  /** Text per language; the first is the record's title. */
  localized: { name: string; long?: boolean; optional?: boolean }[];
  fields: FieldSpec[];
  sessions?: boolean;
}

/** What each kind's form edits; the fields it does not (an initiative's link check) are kept as stored. */
export const FORM_SPECS: Record<RecordScreen, KindSpec> = {
  events: {
    localized: [{ name: "title" }, { name: "summary", long: true, optional: true }, { name: "city", optional: true }],
    fields: [
      { name: "kind", type: "select", options: EVENT_KINDS },
      { name: "status", type: "select", options: ["planned", "held", "cancelled"] },
      { name: "hostCountries", type: "list", choices: "countries" },
      { name: "start", type: "date" },
      { name: "end", type: "date" },
      { name: "timeZone", type: "zone" },
      { name: "organizerIds", type: "list", choices: "institutions" },
      { name: "attendingCountries", type: "list", choices: "countries" },
      { name: "source", type: "text", required: true },
    ],
    sessions: true,
  },
  initiatives: {
    localized: [{ name: "name" }],
    fields: [
      { name: "coordinatorIds", type: "list", choices: "institutions" },
      { name: "website", type: "text" },
      { name: "crossLink", type: "select", options: ["pending", "linked", "broken"] },
      { name: "source", type: "text", required: true },
    ],
  },
  institutions: {
    localized: [{ name: "name" }],
    fields: [
      { name: "kind", type: "select", options: INSTITUTION_KINDS },
      { name: "acronym", type: "text" },
      { name: "countryId", type: "text", choices: "countries" },
      { name: "website", type: "text" },
      { name: "source", type: "text", required: true },
    ],
  },
  topics: {
    localized: [{ name: "name" }],
    fields: [
      { name: "priority", type: "select", options: ["highest", "high"] },
      { name: "order", type: "number" },
      { name: "source", type: "text", required: true },
    ],
  },
};

export interface SessionForm {
  type: string;
  title: Record<Lang, string>;
  topicIds: string;
  /** The session as stored, so what the form does not edit (its subjects) is kept. */
  stored?: Record<string, unknown>;
}
export interface RecordForm {
  id: string;
  values: Record<string, string>;
  texts: Record<Lang, Record<string, string>>;
  sessions: SessionForm[];
}

const perLang = <T>(make: (l: Lang) => T) => Object.fromEntries(LANGS.map((l) => [l, make(l)])) as Record<Lang, T>;
const text = (value: unknown, l: Lang) => String((value as Partial<Record<Lang, string>> | undefined)?.[l] ?? "");

export const emptySession = (): SessionForm => ({ type: SESSION_TYPES[0], title: perLang(() => ""), topicIds: "" });

export function recordFormOf(kind: RecordScreen, record: StoredRecord | undefined): RecordForm {
  const spec = FORM_SPECS[kind];
  const values = Object.fromEntries(
    spec.fields.map((f) => {
      const value = record?.[f.name];
      if (f.type === "list") return [f.name, Array.isArray(value) ? value.join(", ") : ""];
      if (value === undefined) return [f.name, f.type === "select" && !f.optional ? (f.options?.[0] ?? "") : ""];
      return [f.name, String(value)];
    }),
  );
  const texts = perLang((l) => Object.fromEntries(spec.localized.map((f) => [f.name, text(record?.[f.name], l)])));
  const sessions = Array.isArray(record?.sessions)
    ? (record.sessions as Record<string, unknown>[]).map((s) => ({
        type: String(s.type ?? SESSION_TYPES[0]),
        title: perLang((l) => text(s.title, l)),
        topicIds: Array.isArray(s.topicIds) ? s.topicIds.join(", ") : "",
        stored: s,
      }))
    : [];
  return { id: record?.id ?? "", values, texts, sessions };
}

const list = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const localizedOf = (form: RecordForm, name: string) =>
  Object.fromEntries(LANGS.flatMap((l) => (form.texts[l][name]?.trim() ? [[l, form.texts[l][name]]] : [])));

/**
 * What the form sends: the stored record's content with the form's fields over it, an empty
 * optional field left out, exactly as the callable's content schema wants.
 */
export function recordContentOf(kind: RecordScreen, form: RecordForm, stored?: StoredRecord): Record<string, unknown> {
  const spec = FORM_SPECS[kind];
  const { id: _id, publication: _p, version: _v, ...kept } = stored ?? ({} as StoredRecord);
  const content: Record<string, unknown> = { ...kept };
  for (const f of spec.fields) {
    const raw = form.values[f.name] ?? "";
    delete content[f.name];
    if (f.type === "list") content[f.name] = list(raw);
    else if (raw.trim() === "") {
      if (f.required) content[f.name] = raw;
    } else if (f.type === "number") content[f.name] = Number(raw);
    else content[f.name] = raw.trim();
  }
  for (const f of spec.localized) {
    const value = localizedOf(form, f.name);
    delete content[f.name];
    if (Object.keys(value).length > 0 || !f.optional) content[f.name] = value;
  }
  if (spec.sessions) {
    content.sessions = form.sessions.map((s) => ({
      topics: [],
      ...(s.stored ?? {}),
      type: s.type,
      title: Object.fromEntries(LANGS.flatMap((l) => (s.title[l].trim() ? [[l, s.title[l]]] : []))),
      topicIds: list(s.topicIds),
    }));
  }
  return content;
}

// A message about a whole localized field ("needs a Spanish or English text") shows at Spanish.
const LOCALIZED_LEAF = /^(?:title|summary|city|name|sessions\.\d+\.title)$/;

/** Every problem of the form, by field path, from the same schemas the callables check. */
export function checkRecord(
  kind: RecordScreen,
  form: RecordForm,
  isNew: boolean,
  stored?: StoredRecord,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => {
    for (const issue of issues) {
      const whole = issue.path.map(String).join(".");
      errors[LOCALIZED_LEAF.test(whole) ? `${whole}.es` : whole || "id"] ??= issue.message;
    }
  };
  if (isNew) {
    const id = IdSchema.safeParse(form.id);
    if (!id.success) errors.id = id.error.issues[0]?.message ?? "";
  }
  const content = recordContentOf(kind, form, stored);
  const parsed = RECORD_KINDS[kind].content.safeParse(content);
  if (!parsed.success) add(parsed.error.issues);
  else {
    // The record's own cross-field rules, on the record the store would write.
    const whole = RECORD_KINDS[kind].schema.safeParse({ ...content, id: "x", version: 1 });
    if (!whole.success) add(whole.error.issues);
  }
  return errors;
}

/** The id of a form field's input, from its path ("sessions.0.title.es" → "r-sessions-0-title-es"). */
export const fieldId = (path: string) => `r-${path.replace(/\./g, "-")}`;

/**
 * The person's changes reapplied on the latest version: each field they changed takes their
 * value, every other field keeps the latest, so another person's edit elsewhere is not undone.
 * The sessions are one field: a person who changed any session keeps their whole list.
 */
export function mergedRecord(base: RecordForm, mine: RecordForm, latest: RecordForm): RecordForm {
  const pick = <T>(b: T, m: T, l: T) => (m !== b ? m : l);
  const pickAll = (b: Record<string, string>, m: Record<string, string>, l: Record<string, string>) =>
    Object.fromEntries(
      [...new Set([...Object.keys(l), ...Object.keys(m)])].map((k) => [k, pick(b[k] ?? "", m[k] ?? "", l[k] ?? "")]),
    );
  const sessions = (form: RecordForm) => JSON.stringify(form.sessions.map(({ stored: _s, ...edited }) => edited));
  return {
    id: latest.id,
    values: pickAll(base.values, mine.values, latest.values),
    texts: perLang((l) => pickAll(base.texts[l], mine.texts[l], latest.texts[l])),
    sessions: sessions(mine) !== sessions(base) ? mine.sessions : latest.sessions,
  };
}
