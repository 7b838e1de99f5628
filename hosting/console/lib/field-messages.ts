// The model's schemas word their problems in English for logs and tests; a person reads them in
// the interface's language. Each message the editors can meet maps to the catalogue, and any
// other says in the person's language that the value is not accepted.
import { t, type UiKey } from "../i18n/index.js";

const KNOWN: [RegExp, UiKey, string?][] = [
  [/^must be lowercase letters, digits and hyphens/, "ui.err.slug"],
  [/^must be at most (\d+) characters$/, "ui.err.maxChars", "max"],
  [/^must not be empty$/, "ui.err.empty"],
  [/^needs a Spanish \(es\) or English \(en\) text$/, "ui.err.esOrEn"],
  [/^must say where the record comes from$/, "ui.err.source"],
  [/^must be an ISO 3166-1 alpha-2 code/, "ui.err.country"],
  [/^must be YYYY, YYYY-MM, YYYY-MM-DD/, "ui.err.date"],
  [/^(?:is not a real calendar date|must be a day, YYYY-MM-DD)$/, "ui.err.notADay"],
  [/^an end date needs a start date$/, "ui.err.endNeedsStart"],
  [/^must not be before the start$/, "ui.err.endBeforeStart"],
  [/^an event with a day needs the IANA time zone/, "ui.err.zoneNeeded"],
  [/^must be an IANA time zone/, "ui.err.zone"],
  [/^needs at least one coordinating institution$/, "ui.err.coordinator"],
  [/^a national institution needs a countryId$/, "ui.err.institutionCountry"],
  [/^must (?:list|name) at most (\d+)/, "ui.err.tooMany", "max"],
  [/^must be an http\(s\) address$/, "ui.err.url"],
  // Registration's settings (model/registration.ts, committee/registrations/settings.ts).
  [/^must be after the opening$/, "ui.reg.err.closesAfter"],
  [/^a session cannot have more places than the event$/, "ui.reg.err.roomTooBig"],
  [/^must offer at least one category$/, "ui.reg.err.category"],
  [/^must be a time of day, HH:MM$/, "ui.reg.err.time"],
  [/^must be a session of the event$/, "ui.reg.err.session"],
];

/** A schema's message about a field, in the interface's language. */
export function fieldMessage(message: string): string {
  for (const [pattern, key, param] of KNOWN) {
    const match = pattern.exec(message);
    if (match) return t(key, param ? { [param]: match[1] ?? "" } : undefined);
  }
  return t("ui.err.invalid");
}

/** Every problem of a form, by field path, in the interface's language. */
export const fieldMessages = (problems: Record<string, string>) =>
  Object.fromEntries(Object.entries(problems).map(([path, message]) => [path, fieldMessage(message)]));
