import { type AuditEntry, RECORD_ACTIONS } from "../../../functions/src/model/audit.js";
import type { Role } from "../../../functions/src/model/roles.js";
import type { UiKey } from "../i18n/index.js";

/** What the sentences need to name things: lib/names.ts gives the console's, a test its own. */
export interface Namer {
  /** "Ana Pérez (Chile)"; `fallback` is the name a record carries when the person is not listed. */
  person(memberId: string | undefined, fallback?: string): string;
  country(code: string): string;
  role(role: Role): string;
  /** Date and time in the reader's time zone and language. */
  when(iso: string): string;
  /** A record's own title or name (documents and events have a title, the others a name). */
  title(record: unknown): string | undefined;
  /** An event's title by its id, for entries about its registration (which carry no title). */
  event?(id: string): string | undefined;
}
export type Say = (key: UiKey, params?: Record<string, string | number>) => string;

const WORKFLOW_STEPS: ReadonlySet<string> = new Set(RECORD_ACTIONS);

// Why the scheduled publication cancelled a schedule, as the job records it (committee/records/schedule.ts).
const SCHEDULER_REASONS: Record<string, UiKey> = {
  "console.error.scheduleChanged": "ui.n.say.schedulerChanged",
  "console.error.noPerson": "ui.n.say.schedulerNoPerson",
};

const DELEGATION_SENTENCES: Record<string, UiKey> = {
  save: "ui.n.say.delegationSave",
  submit: "ui.n.say.delegationSubmit",
  accredit: "ui.n.say.delegationAccredit",
  return: "ui.n.say.delegationReturn",
};

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[name] : undefined;
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The person a withdrawal took out of the delegation: named before it, not after (their name as the country typed it). */
function withdrawn(entry: AuditEntry): string {
  const people = (value: unknown) => {
    const list = field(value, "people");
    return Array.isArray(list) ? list : [];
  };
  const left = new Set(people(entry.after).map((person) => text(field(person, "id"))));
  const gone = people(entry.before).find((person) => !left.has(text(field(person, "id"))));
  return text(field(gone, "name")) ?? "";
}

/** The people an accreditation of an accredited delegation accredited: those who awaited it before. */
function accreditedAgain(entry: AuditEntry): string[] {
  if (text(field(entry.before, "state")) !== "accredited") return [];
  const people = field(entry.before, "people");
  return (Array.isArray(people) ? people : [])
    .filter((person) => field(person, "awaitingAccreditation") === true)
    .map((person) => text(field(person, "name")) ?? "");
}

/** A workflow step on a record, by whom, on which record: the audit log's and the history's verb. */
function recordSentence(action: string, who: string, title: string, say: Say): string {
  return say(`ui.n.say.${action}` as UiKey, { who, title });
}

/** What an audit entry says happened, as one sentence in the reader's language, without its time. */
export function auditSentence(entry: AuditEntry, names: Namer, say: Say): string {
  const [, verb = ""] = entry.action.split(".");
  const title = names.title(entry.after) ?? names.title(entry.before) ?? say("ui.n.untitled");
  const actor = entry.actor;
  const who = "system" in actor ? "" : names.person(actor.memberId);
  if ("system" in actor && actor.system === "scheduler") {
    return say(SCHEDULER_REASONS[entry.reason ?? ""] ?? "ui.n.say.schedulerRefused", { title });
  }
  if (entry.action === "seat.rule") {
    const country = names.country(entry.target.id);
    const had = entry.before !== null && entry.before !== undefined;
    const has = entry.after !== null && entry.after !== undefined;
    return say(had && has ? "ui.n.say.ruleChanged" : has ? "ui.n.say.ruleGained" : "ui.n.say.ruleLost", { country });
  }
  if (entry.action === "seat.set") {
    const country = names.country(entry.target.id);
    const seat = field(entry.after, "seat");
    return say(seat === true ? "ui.n.say.seatAdd" : seat === false ? "ui.n.say.seatRemove" : "ui.n.say.seatBack", {
      who,
      country,
    });
  }
  if (entry.action === "invitation.create" || entry.action === "invitation.accept") {
    const invitation = entry.after ?? entry.before;
    const role = names.role((text(field(invitation, "role")) ?? "member") as Role);
    const invitee = text(field(invitation, "name"));
    const memberId = text(field(invitation, "memberId"));
    if (entry.action === "invitation.accept") {
      const accepter = "system" in actor ? memberId : (actor.memberId ?? memberId);
      return say("ui.n.say.accept", { who: names.person(accepter, invitee), role });
    }
    return say("ui.n.say.invite", { who, person: names.person(memberId, invitee), role });
  }
  if (entry.action.startsWith("registration.")) return registrationSentence(entry, who, names, say);
  if (entry.action === "account.changeRole") {
    const person = names.person(text(field(entry.after, "memberId")) ?? text(field(entry.before, "memberId")));
    const role = text(field(entry.after, "role"));
    return role
      ? say("ui.n.say.changeRole", { who, person, role: names.role(role as Role) })
      : say("ui.n.say.removeAccess", { who, person });
  }
  if (entry.action === "directory.update" || entry.action === "directory.confirm") {
    // The person's own entry, always the actor's (the callables take no other person).
    return say(entry.action === "directory.update" ? "ui.n.say.directoryUpdate" : "ui.n.say.directoryConfirm", {
      who,
    });
  }
  if (entry.action.startsWith("delegation.")) {
    // The target is `{eventId}__{country}`; the delegation itself names its country too.
    const country = text(field(entry.after, "country")) ?? entry.countryIds[0] ?? "";
    if (verb === "withdraw")
      return say("ui.n.say.delegationWithdraw", { who, person: withdrawn(entry), country: names.country(country) });
    const again = verb === "accredit" ? accreditedAgain(entry) : [];
    if (again.length > 0)
      return say("ui.n.say.delegationAccreditAgain", {
        who,
        people: again.join(", "),
        country: names.country(country),
      });
    const key = DELEGATION_SENTENCES[verb] ?? "ui.n.untitled";
    return say(key, { who, country: names.country(country) });
  }
  return WORKFLOW_STEPS.has(verb) ? recordSentence(verb, who, title, say) : say("ui.n.untitled");
}

/** Opening registration (its settings) and the secretariat's approvals, named by the event's title. */
function registrationSentence(entry: AuditEntry, who: string, names: Namer, say: Say): string {
  const eventId =
    entry.action === "registration.open"
      ? entry.target.id
      : (text(field(entry.after ?? entry.before, "eventId")) ?? "");
  const title = names.event?.(eventId) ?? say("ui.n.untitled");
  if (entry.action === "registration.open") {
    const first = entry.before === null || entry.before === undefined;
    return say(first ? "ui.n.say.regOpen" : "ui.n.say.regChange", { who, title });
  }
  const category = text(field(entry.after ?? entry.before, "category"));
  return say(entry.action === "registration.approve" ? "ui.n.say.regApprove" : "ui.n.say.regDecline", {
    who,
    title,
    category: category ? say(`ui.reg.category.${category}` as UiKey).toLocaleLowerCase() : "",
  });
}

/** The sentence with its time: "Ana Pérez (Chile) publicó «Título» · 4 dic 2026, 20:36". */
export function auditLine(entry: AuditEntry, names: Namer, say: Say): string {
  return say("ui.n.sentenceAt", { sentence: auditSentence(entry, names, say), when: names.when(entry.at) });
}

/** One version of a record as its history tells it: who did what, to which title, when. */
export function versionLine(
  version: { action: string | null; at: string | null; by: { memberId: string } | null; record?: unknown },
  names: Namer,
  say: Say,
): string {
  if (!version.action) return say("ui.n.say.seed");
  const [, verb = ""] = version.action.split(".");
  const title = names.title(version.record) ?? say("ui.n.untitled");
  const sentence = WORKFLOW_STEPS.has(verb)
    ? recordSentence(verb, names.person(version.by?.memberId), title, say)
    : say("ui.n.untitled");
  return version.at ? say("ui.n.sentenceAt", { sentence, when: names.when(version.at) }) : sentence;
}

/** The console's route to the record an entry is about, when it has one. */
export function auditHref(entry: AuditEntry): string | undefined {
  const { collection, id } = entry.target;
  if (collection === "documents") return `#/documents/${id}`;
  if (["events", "initiatives", "institutions", "topics"].includes(collection)) return `#/records/${collection}/${id}`;
  if (collection === "registrationSettings") return `#/registration/${id}/settings`;
  if (collection === "members") return "#/directory";
  const eventId = text(field(entry.after ?? entry.before, "eventId"));
  if (collection === "registrations" && eventId) return `#/registration/${eventId}`;
  return undefined;
}

/** The filter groups of the audit screen: each workflow step, and the seats, invitations and roles. */
export const AUDIT_GROUPS = [
  ...RECORD_ACTIONS,
  "seat",
  "invitation",
  "role",
  "delegation",
  "registration",
  "directory",
] as const;
export function auditGroup(entry: Pick<AuditEntry, "action">): string {
  const [scope = "", verb = ""] = entry.action.split(".");
  if (scope === "seat") return "seat";
  if (scope === "invitation") return "invitation";
  if (scope === "account") return "role";
  if (scope === "registration") return "registration";
  if (scope === "delegation") return "delegation";
  if (scope === "directory") return "directory";
  return verb;
}
