import { describe, expect, it } from "vitest";
import { DelegationSchema, type Event, type Lang } from "../../functions/src/model/index.js";
import { delegateInvitations } from "../../functions/src/registration/delegations/invitation-mail.js";

const by = { memberId: "demo-member-mx", role: "member" } as const;
const person = (lang: Lang) => ({
  name: "Ana María Gutiérrez",
  address: "ana@example.org",
  institution: "Secretaría Anticorrupción y Buen Gobierno",
  lang,
  role: "head" as const,
  id: "0123456789abcdef0123456789abcdef",
  state: "invited" as const,
  invitedAtMs: 1,
  namedBy: by,
});
const event: Event = {
  id: "seminar-2027",
  kind: "seminar",
  title: { es: "Seminario 2027", en: "Seminar 2027" },
  status: "planned",
  start: "2027-04-10",
  end: "2027-04-12",
  timeZone: "America/Santiago",
  hostCountries: [],
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  publication: "published",
  source: "test",
};

function invitationText(lang: Lang): string {
  const delegation = DelegationSchema.parse({
    eventId: event.id,
    country: "MX",
    state: "draft",
    people: [person(lang)],
    updatedBy: by,
    createdAtMs: 1,
    updatedAtMs: 1,
  });
  const [named] = delegation.people;
  if (!named) throw new Error("no person");
  const [message] = delegateInvitations(
    { siteOrigin: "https://www.compraspublicas.org", sealKey: "k".repeat(32) },
    { event, country: (l) => (l === "es" ? "México" : "Mexico") },
    [{ delegationId: "seminar-2027__MX", delegation, person: named, token: "t".repeat(22) }],
  );
  if (!message) throw new Error("no invitation");
  return message.content.text;
}

describe("a delegation's invitation email", () => {
  it("says when the event is, so the person can answer without opening anything", () => {
    expect(invitationText("en")).toMatch(/The event's dates: April 10\s*–\s*12, 2027\./);
    expect(invitationText("es")).toMatch(/Fechas del evento: 10\s*–\s*12 de abril de 2027\./);
  });

  it("names the person's time zone as people know it, never by its code", () => {
    expect(invitationText("es")).toContain("Fechas en su zona horaria (hora de Chile).");
    expect(invitationText("en")).toContain("Dates in your time zone (Chile Time).");
    for (const lang of ["es", "en", "pt", "fr"] as const) expect(invitationText(lang)).not.toContain("America/");
  });

  it("tells the person who named them, not that they receive it as the network's representative", () => {
    const text = invitationText("es");
    expect(text).toContain("porque la representación de México");
    expect(text).not.toContain("como representante en la Red");
  });
});
