import type { Event, PublicParticipant, Registration } from "../../model/index.js";

/**
 * Whether the event's door has opened: it is held, someone was marked present, or its figures
 * were counted from attendance. From then on the public list shows who came rather than who
 * holds a place (nobody's absence is guessed from a clock the view does not have).
 */
const doorOpened = (event: Pick<Event, "status" | "participation">, attendance: boolean) =>
  event.status === "held" || attendance || event.participation?.countedFrom === "attendance";

/**
 * An event's public participant list: only people who ticked the consent (off unless ticked),
 * and of them those who hold a place, or, once the door has opened, those who attended. Only the
 * name, institution and country leave the record. Events not shown publicly list nobody.
 */
export function publicParticipantsOf(
  people: readonly Registration[],
  events: readonly Pick<Event, "id" | "status" | "participation">[],
): PublicParticipant[] {
  const attended = new Set(people.filter((r) => r.attendedAtMs !== undefined).map((r) => r.eventId));
  const opened = new Map(events.map((e) => [e.id, doorOpened(e, attended.has(e.id))]));
  return people
    .filter((r) => {
      const door = opened.get(r.eventId);
      if (door === undefined || !r.publicListConsent) return false;
      return door ? r.attendedAtMs !== undefined : r.status.state === "confirmed";
    })
    .map((r) => ({ eventId: r.eventId, name: r.name, institution: r.institution, country: r.country }))
    .sort((a, b) => a.eventId.localeCompare(b.eventId) || a.name.localeCompare(b.name, "es"));
}

type Shown = Partial<
  Pick<Registration, "publicListConsent" | "status" | "attendedAtMs" | "name" | "institution" | "country">
>;

/**
 * Whether a registration's write can change a public list, so the view is rebuilt for it: only
 * when the person consented (before or after) and something the list depends on changed. A
 * rush of people who did not consent costs the public view nothing.
 */
export function affectsPublicList(before: Shown | undefined, after: Shown | undefined): boolean {
  if (!before?.publicListConsent && !after?.publicListConsent) return false;
  return (
    before?.publicListConsent !== after?.publicListConsent ||
    before?.status?.state !== after?.status?.state ||
    before?.attendedAtMs !== after?.attendedAtMs ||
    before?.name !== after?.name ||
    before?.institution !== after?.institution ||
    before?.country !== after?.country
  );
}
