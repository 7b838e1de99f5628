import { effect, signal } from "@preact/signals";
import { formatPartialDate, locale } from "../../../functions/src/i18n/format.js";
import type { Lang } from "../../../functions/src/model/common.js";
import type { Country } from "../../../functions/src/model/country.js";
import type { Member } from "../../../functions/src/model/member.js";
import type { AccountClaims, Role } from "../../../functions/src/model/roles.js";
import { listCountries, listMembers } from "../admin-data.js";
import { formatTime, lang, pickText, t, timeZone, type UiKey } from "../i18n/index.js";
import { consoleUi } from "../i18n/messages.js";
import { listRecords, RECORD_SCREENS, type RecordScreen, type StoredRecord } from "../records-data.js";
import { claims } from "../session.js";
import type { Namer } from "./sentences.js";

/**
 * The one place the console turns ids and codes into what a person reads: people by name and
 * country, countries by name in the interface's language, topics, events, institutions and
 * initiatives by title, roles and kinds translated, times in the reader's time zone. The
 * directory loads once per signed-in person (what their role may read) and every screen reads
 * it; a screen re-renders by itself when it arrives.
 */
type ListName = "members" | "countries" | RecordScreen;

export interface Directory {
  members: Map<string, Member>;
  countries: Map<string, Country>;
  records: Record<RecordScreen, Map<string, StoredRecord>>;
  /** The lists that could not be read: their maps are empty, and a screen that lists them says so. */
  failed: ReadonlySet<ListName>;
}
const directory = signal<Directory | undefined>(undefined);
let loadedFor: string | undefined;
let loading: Promise<Directory> | undefined;

async function load(who: AccountClaims): Promise<Directory> {
  const failed = new Set<ListName>();
  // A list the role may not read (or that fails) leaves ids where its names would be.
  const read = <T>(list: ListName, rows: Promise<T[]>) =>
    rows.catch(() => {
      failed.add(list);
      return [] as T[];
    });
  const [members, countries, ...records] = await Promise.all([
    read("members", listMembers()),
    read("countries", listCountries()),
    ...RECORD_SCREENS.map((kind) => read(kind, listRecords(kind, who))),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  return {
    members: byId(members),
    countries: byId(countries),
    records: Object.fromEntries(
      RECORD_SCREENS.map((kind, i) => [kind, byId(records[i] ?? [])]),
    ) as Directory["records"],
    failed,
  };
}

/** Loads the directory again (after a change that adds a person or a record). */
export function reloadNames(): Promise<Directory> {
  const who = claims.value;
  if (!who) return Promise.reject(new Error("not signed in"));
  const started = load(who).then((loaded) => {
    // A sign-out or another person's sign-in meanwhile: this load is no longer theirs.
    if (loading === started) {
      directory.value = loaded;
      timeZone.value = loaded.members.get(who.memberId)?.timeZone;
    }
    return loaded;
  });
  loading = started;
  return started;
}

/**
 * The signed-in person's directory once it has loaded: the lists other modules offer (the
 * pickers, the members' directory) are made from it rather than read again.
 */
export function loadedNames(): Promise<Directory> {
  return loading ?? reloadNames();
}

effect(() => {
  const who = claims.value;
  const key = who ? `${who.memberId}:${who.role}:${who.countryId ?? ""}` : undefined;
  if (key === loadedFor) return;
  loadedFor = key;
  directory.value = undefined;
  timeZone.value = undefined;
  loading = undefined;
  // A directory that cannot load leaves ids where names would be; the screens say their own errors.
  if (who) reloadNames().catch(() => undefined);
});

const displayNames = new Map<string, Intl.DisplayNames>();
function regionName(code: string): string | undefined {
  const key = lang.value;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([locale(key)], { type: "region", fallback: "none" });
    displayNames.set(key, names);
  }
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

/**
 * A country by its name in the interface's language: the catalogue's (the directory's, or `names`
 * when the caller read the country itself), else the browser's, else its code.
 */
export function countryName(code: string, names = directory.value?.countries.get(code)?.name): string {
  return pickText(names) ?? regionName(code) ?? code;
}

/** A person by name, with their country when they represent one: "Ana Pérez (Chile)". */
export function personName(memberId: string | undefined, fallback?: string): string {
  const loaded = directory.value;
  const member = memberId ? loaded?.members.get(memberId) : undefined;
  const name = member?.name ?? fallback;
  // Until the directory arrives (a moment after sign-in), nobody is said to be missing.
  if (!name && !loaded) return "…";
  if (!name) return t("ui.n.someone");
  return member?.countryId ? t("ui.n.personOf", { name, country: countryName(member.countryId) }) : name;
}

/**
 * The signed-in person's own name, as the header shows it; undefined for an account no person
 * claims, and until the directory arrives.
 */
export function ownName(): string | undefined {
  const who = claims.value;
  return who ? directory.value?.members.get(who.memberId)?.name : undefined;
}

/** A record of a kind by its title or name, else its id (a record the reader may not see). */
export function recordName(kind: RecordScreen, id: string): string {
  const record = directory.value?.records[kind].get(id);
  return titleOf(record) ?? id;
}

/** A record's own title (documents, events) or name (institutions, topics, initiatives). */
export function titleOf(record: unknown): string | undefined {
  if (record === null || typeof record !== "object") return undefined;
  const { title, name } = record as { title?: unknown; name?: unknown };
  const localized = (title ?? name) as Record<string, string> | undefined;
  return typeof localized === "object" ? pickText(localized) : undefined;
}

export const roleName = (role: Role) => t(`ui.admin.role.${role}`);
export const kindName = (kind: string) => t(`ui.n.kind.${kind}` as UiKey);
/** A choice of a record's form by its name ("Seminario" for an event's kind `seminar`). */
export function optionName(field: string, value: string): string {
  const key = `ui.n.opt.${field}.${value}`;
  return key in consoleUi[lang.value] ? t(key as UiKey) : value;
}
export const stateName = (state: string) => t(`ui.status.${state}` as UiKey);
/** A language by its own name ("English", "français"), as a language menu lists them. */
export function ownLanguageName(code: Lang): string {
  const name = new Intl.DisplayNames([locale(code)], { type: "language" }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(locale(code)) + name.slice(1);
}
/** A language by its name in the interface's language ("inglés"). */
export const languageName = (code: string) => t(`ui.lang.${code}` as UiKey);

/** A day, a month or a year as the interface's language writes it: "4 de diciembre de 2026". */
export function dayName(day: string): string {
  try {
    return day ? formatPartialDate(day, lang.value) : "";
  } catch {
    // Not a partial date (a record the schemas never checked): shown as stored rather than lost.
    return day;
  }
}

/** "4 dic 2026, 20:36": a moment in the reader's time zone (their member record's, else the browser's). */
export const when = formatTime;

/** The namer the sentence builders take (lib/sentences.ts). */
export const consoleNamer: Namer = {
  person: personName,
  country: countryName,
  role: roleName,
  when,
  title: titleOf,
  event: (id) => recordName("events", id),
};
