import {
  type DocumentContent,
  LANGS,
  LocalizedSchema,
  LocalizedSummarySchema,
  LocalizedTitleSchema,
  SESSIONS_MAX_BYTES,
  storedSize,
} from "../../functions/src/model/index.js";

/**
 * Records at the model's limits, in the text that costs Firestore most: "€" is one UTF-16 code
 * unit (what zod counts) and 3 bytes in UTF-8 (what Firestore counts), more than any other
 * character per unit. Every field at its maximum, every list at its longest.
 */
export const COSTLY = "€";
const text = (units: number) => COSTLY.repeat(units);

/** The longest a language may be in a localized schema, read from the schema's own check. */
export function maxOf(schema: typeof LocalizedSchema): number {
  const probe = schema.safeParse({ es: "x".repeat(1_000_000) });
  const issue = probe.success ? undefined : probe.error.issues[0];
  const max = issue && "maximum" in issue ? Number(issue.maximum) : Number.NaN;
  if (!Number.isFinite(max)) throw new Error("the schema states no maximum length");
  return max;
}

export const BODY_MAX = maxOf(LocalizedSchema);
const TITLE_MAX = maxOf(LocalizedTitleSchema);
const SUMMARY_MAX = maxOf(LocalizedSummarySchema);

/** Every language at `units` code units. */
const everyLanguage = (units: number) => Object.fromEntries(LANGS.map((lang) => [lang, text(units)]));

/** The longest id a slug may be. */
export const longId = (n: number) => `${"a".repeat(117)}${String(n).padStart(3, "0")}`;
const countries = (count: number) =>
  Array.from({ length: count }, (_, i) => String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26)));

/** A document's content at every maximum. */
export function maxDocument(): DocumentContent {
  return {
    kind: "executive-report",
    title: everyLanguage(TITLE_MAX),
    summary: everyLanguage(SUMMARY_MAX),
    body: everyLanguage(BODY_MAX),
    translations: { es: "in-progress", en: "in-progress", pt: "in-progress", fr: "in-progress" },
    eventId: longId(999),
    countries: countries(40),
    topics: Array.from({ length: 40 }, (_, i) => longId(i)),
    source: text(1_000),
  };
}

/**
 * An event's content at every maximum, its sessions filled with subjects up to the byte budget
 * (within one subject of it); `over` adds one more subject past it.
 */
export function maxEvent(over = false): Record<string, unknown> {
  const subject = everyLanguage(TITLE_MAX);
  const sessions: { type: string; title: Record<string, string>; topics: unknown[]; topicIds: string[] }[] = [];
  const session = () => ({
    type: "presentation",
    title: everyLanguage(TITLE_MAX),
    topics: [] as unknown[],
    topicIds: Array.from({ length: 30 }, (_, i) => longId(i)),
  });
  const fits = () => storedSize(sessions) <= SESSIONS_MAX_BYTES;
  for (;;) {
    const last = sessions.at(-1);
    if (last && last.topics.length < 30) {
      last.topics.push(subject);
      if (fits()) continue;
      if (!over) last.topics.pop();
      break;
    }
    sessions.push(session());
    if (fits()) continue;
    if (!over) sessions.pop();
    break;
  }
  return {
    kind: "conference",
    title: everyLanguage(TITLE_MAX),
    summary: everyLanguage(SUMMARY_MAX),
    status: "cancelled",
    start: "2027-05-20T09:00",
    end: "2027-05-21T18:00",
    timeZone: "America/Argentina/Buenos_Aires",
    city: everyLanguage(TITLE_MAX),
    hostCountries: countries(40),
    organizerIds: Array.from({ length: 40 }, (_, i) => longId(i)),
    attendingCountries: countries(100),
    sessions,
    participation: { officials: 1_000_000, countries: 1_000, multilateralInstitutions: 1_000 },
    source: text(1_000),
  };
}
