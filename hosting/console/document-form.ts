// The document editor's form: built from a stored document, turned into what the saveDraft
// callable takes, checked with the model's own schemas, and merged after a stale-version conflict.
// Pure, so unit tests run it without a browser.
import type { RequestOf } from "../../functions/src/committee/api.js";
import { IdSchema, LANGS, type Lang } from "../../functions/src/model/common.js";
import {
  type Document,
  type DocumentContent,
  DocumentContentSchema,
  type TRANSLATION_STATUSES,
} from "../../functions/src/model/document.js";

type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];
export interface LangForm {
  title: string;
  summary: string;
  body: string;
  status: TranslationStatus;
}
export interface Form {
  id: string;
  kind: DocumentContent["kind"];
  source: string;
  countries: string;
  topics: string;
  eventId: string;
  langs: Record<Lang, LangForm>;
}

const emptyLang = (): LangForm => ({ title: "", summary: "", body: "", status: "missing" });

export function formOf(d: Document | undefined): Form {
  const langs = Object.fromEntries(
    LANGS.map((l) => [
      l,
      d
        ? {
            title: d.title[l] ?? "",
            summary: d.summary[l] ?? "",
            body: d.body[l] ?? "",
            status: d.translations[l] ?? (d.title[l] ? "translated" : "missing"),
          }
        : emptyLang(),
    ]),
  ) as Record<Lang, LangForm>;
  return {
    id: d?.id ?? "",
    kind: d?.kind ?? "news",
    source: d?.source ?? "",
    countries: d?.countries.join(", ") ?? "",
    topics: d?.topics.join(", ") ?? "",
    eventId: d?.eventId ?? "",
    langs,
  };
}

const list = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** What the form sends: only the languages that have text, exactly as the callable's schema wants. */
export function contentOf(form: Form): RequestOf<"committee-saveDraft">["document"] {
  const texts = (field: "title" | "summary" | "body") =>
    Object.fromEntries(LANGS.filter((l) => form.langs[l][field].trim() !== "").map((l) => [l, form.langs[l][field]]));
  return {
    kind: form.kind,
    title: texts("title"),
    summary: texts("summary"),
    body: texts("body"),
    translations: Object.fromEntries(
      LANGS.filter((l) => form.langs[l].status !== "missing").map((l) => [l, form.langs[l].status]),
    ),
    ...(form.eventId.trim() ? { eventId: form.eventId.trim() } : {}),
    countries: list(form.countries),
    topics: list(form.topics),
    source: form.source,
  };
}

/** Every problem of the form, by field path, from the same schemas the callables check. */
export function check(form: Form, isNew: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (isNew) {
    const id = IdSchema.safeParse(form.id);
    if (!id.success) errors.id = id.error.issues[0]?.message ?? "";
  }
  const content = DocumentContentSchema.safeParse(contentOf(form));
  if (!content.success) {
    for (const issue of content.error.issues) {
      // "needs a Spanish (es) or English (en) text" is about a whole localized field: show it at Spanish.
      const whole = issue.path.map(String).join(".");
      const path = ["title", "summary", "body"].includes(whole) ? `${whole}.es` : whole;
      errors[path] ??= issue.message;
    }
  }
  return errors;
}

/**
 * The person's changes reapplied on the latest version: each field they changed takes their
 * text, every other field keeps the latest, so another person's edit elsewhere is not undone.
 */
export function merged(base: Form, mine: Form, latest: Form): Form {
  const pick = <T>(b: T, m: T, l: T) => (m !== b ? m : l);
  const langs = Object.fromEntries(
    LANGS.map((l) => {
      const [b, m, n] = [base.langs[l], mine.langs[l], latest.langs[l]];
      return [
        l,
        {
          title: pick(b.title, m.title, n.title),
          summary: pick(b.summary, m.summary, n.summary),
          body: pick(b.body, m.body, n.body),
          status: pick(b.status, m.status, n.status),
        },
      ];
    }),
  ) as Record<Lang, LangForm>;
  return {
    id: latest.id,
    kind: pick(base.kind, mine.kind, latest.kind),
    source: pick(base.source, mine.source, latest.source),
    countries: pick(base.countries, mine.countries, latest.countries),
    topics: pick(base.topics, mine.topics, latest.topics),
    eventId: pick(base.eventId, mine.eventId, latest.eventId),
    langs,
  };
}
