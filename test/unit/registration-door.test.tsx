import { beforeAll, describe, expect, it } from "vitest";
import {
  EventSchema,
  REGISTRATION_RETENTION_DAYS,
  type Registration,
  RegistrationSchema,
  RegistrationSettingsSchema,
} from "../../functions/src/model/index.js";
import { countAttendance } from "../../functions/src/registration/door/figures.js";
import { affectsPublicList, publicParticipantsOf } from "../../functions/src/registration/door/participants.js";
import { registrationExpiry } from "../../functions/src/registration/door/retention.js";
import type { PublicSnapshot } from "../../functions/src/views/public-snapshot.js";
import { DEMO_EVENT_ID, demoEventOf, demoSettingsOf } from "../../scripts/demo-event.mjs";
import { elementsOf, textOf } from "../support/html.js";
import { seedSnapshot, siteOver } from "../support/seeded-site.js";

const DAY = 86_400_000;
const SANTIAGO = "iii-seminar-santiago-2005";

let n = 0;
const person = (fields: Partial<Registration> = {}): Registration =>
  RegistrationSchema.parse({
    eventId: SANTIAGO,
    name: `Person ${++n}`,
    address: `p${n}@example.org`,
    institution: "ChileCompra",
    country: "CL",
    category: "delegate",
    lang: "es",
    requestedAtMs: 1,
    status: { state: "confirmed", via: "confirmation", atMs: 2 },
    ...fields,
  });

describe("the registrations' expiry", () => {
  it("falls REGISTRATION_RETENTION_DAYS after the event's last day, with a day's margin for the Americas' time zones", () => {
    const expiry = registrationExpiry({ start: "2027-03-10", end: "2027-03-12" }, new Date(0));
    const lastDayEnds = Date.parse("2027-03-13T00:00:00Z");
    expect(expiry.getTime() - lastDayEnds).toBe((REGISTRATION_RETENTION_DAYS + 1) * DAY);
  });

  it("reads a month or a year as its last day, and keeps an undated event's registrations that long from now", () => {
    expect(registrationExpiry({ start: "2027-02" }, new Date(0)).toISOString()).toBe(
      new Date(Date.parse("2027-03-01T00:00:00Z") + (REGISTRATION_RETENTION_DAYS + 1) * DAY).toISOString(),
    );
    expect(registrationExpiry({ start: "2027" }, new Date(0)).getTime()).toBe(
      Date.parse("2028-01-01T00:00:00Z") + (REGISTRATION_RETENTION_DAYS + 1) * DAY,
    );
    const now = new Date("2026-12-05T10:00:00Z");
    expect(registrationExpiry({}, now).getTime()).toBe(now.getTime() + REGISTRATION_RETENTION_DAYS * DAY);
  });
});

describe("the figures counted from attendance", () => {
  it("counts present delegates as officials, their distinct countries, and everyone's distinct institutions", () => {
    const figures = countAttendance([
      person({ attendedAtMs: 5, country: "CL", institution: "ChileCompra" }),
      person({ attendedAtMs: 5, country: "CL", institution: "  chilecompra " }),
      person({ attendedAtMs: 5, country: "PE", institution: "OSCE" }),
      person({ attendedAtMs: 5, country: "MX", category: "press", institution: "Diário Económico" }),
      person({ attendedAtMs: 5, country: "BR", category: "observer", institution: "Diario Economico" }),
      // Held a place, never came.
      person({ country: "AR", institution: "ONC" }),
    ]);
    expect(figures).toEqual({ officials: 3, countries: 2, institutions: 3, attended: 5 });
  });
});

describe("the public participant list", () => {
  const events = [{ id: SANTIAGO, status: "planned" as const }];

  it("lists only people who consented and hold a place, with their name, institution and country only", () => {
    const list = publicParticipantsOf(
      [
        person({ name: "Ana", publicListConsent: true }),
        person({ name: "Bruno" }),
        person({ name: "Carla", publicListConsent: true, status: { state: "waitlisted", seq: 1, atMs: 1 } }),
        person({ name: "Dora", publicListConsent: true, eventId: "unpublished-event" }),
      ],
      events,
    );
    expect(list).toEqual([{ eventId: SANTIAGO, name: "Ana", institution: "ChileCompra", country: "CL" }]);
  });

  it("lists only people who attended once the door has opened (someone checked in, or the event held)", () => {
    const people = [
      person({ name: "Ana", publicListConsent: true, attendedAtMs: 9 }),
      person({ name: "Bea", publicListConsent: true }),
      person({ name: "Ciro", attendedAtMs: 9 }),
    ];
    expect(publicParticipantsOf(people, events).map((p) => p.name)).toEqual(["Ana"]);
    const held = [{ id: SANTIAGO, status: "held" as const }];
    expect(publicParticipantsOf(people.slice(1), held)).toEqual([]);
  });

  it("rebuilds the public view only for a consenting person's change that the list shows", () => {
    const shown = { publicListConsent: true, status: { state: "confirmed" as const, via: "offer" as const, atMs: 1 } };
    expect(affectsPublicList(undefined, { publicListConsent: false })).toBe(false);
    expect(affectsPublicList({ ...shown }, { ...shown })).toBe(false);
    expect(affectsPublicList({ ...shown }, { ...shown, attendedAtMs: 3 })).toBe(true);
    expect(affectsPublicList({ ...shown }, { ...shown, publicListConsent: false })).toBe(true);
    expect(affectsPublicList(undefined, shown)).toBe(true);
  });

  describe("on the event page", () => {
    let snapshot: PublicSnapshot;
    beforeAll(async () => {
      snapshot = await seedSnapshot();
    });

    it("shows the consenting people with their country's name, and markup in a name stays text", async () => {
      const site = siteOver({
        ...snapshot,
        participants: [
          { eventId: SANTIAGO, name: '<script>alert("x")</script>Eve', institution: "<b>OSCE</b>", country: "PE" },
          { eventId: SANTIAGO, name: "Ana Souza", institution: "ComprasNet", country: "BR" },
        ],
      });
      const html = await (await site.request(`/en/events/${SANTIAGO}`)).text();
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<b>OSCE</b>");
      // An independent parser reads the names back as text, and finds no element made from them.
      const elements = elementsOf(html);
      const items = elements.filter((e) => e.tagName === "li" && textOf(e).includes("OSCE")).map(textOf);
      expect(items).toEqual(['<script>alert("x")</script>Eve, <b>OSCE</b> (Peru)']);
      expect(elements.some((e) => e.tagName === "b")).toBe(false);
      expect(html).toContain("Participants");
      expect(html).toContain("Ana Souza</strong>, ComprasNet (Brazil)");
    });

    it("shows no list for an event nobody consented for, and says when figures were counted from attendance", async () => {
      const counted = structuredClone(snapshot);
      const event = counted.events.find((e) => e.id === SANTIAGO);
      if (!event) throw new Error("seed event missing");
      event.participation = { officials: 4, countries: 3, institutions: 5, countedFrom: "attendance" };
      const html = await (await siteOver(counted).request(`/es/events/${SANTIAGO}`)).text();
      expect(html).not.toContain('id="participants"');
      expect(html).toContain("Cifras contadas a partir de la asistencia");
      expect(html).toMatch(/<dt>Instituciones<\/dt><dd>5<\/dd>/);
    });
  });
});

describe("the demo event of npm start", () => {
  it("is a published event some weeks ahead, marked as demo data, taking registrations with 3 places, a private session and a country quota", () => {
    const now = new Date("2026-12-05T07:00:00Z");
    const event = EventSchema.parse(demoEventOf(now));
    const settings = RegistrationSettingsSchema.parse(demoSettingsOf(now));
    expect(event.id).toBe(DEMO_EVENT_ID);
    expect(event.publication).toBe("published");
    expect(event.status).toBe("planned");
    expect(event.start).toBe("2026-12-26");
    expect(event.title.en).toMatch(/^\[Demo\]/);
    expect(event.source).toMatch(/demo/i);
    expect(event.hostCountries).toEqual([]);
    expect(settings.places).toBe(3);
    expect(settings.privateSessions).toEqual([1]);
    expect(event.sessions[1]).toBeDefined();
    expect(settings.countryQuota).toBeGreaterThan(0);
    expect(settings.opensAtMs).toBeLessThan(now.getTime());
    expect(settings.closesAtMs).toBeGreaterThan(now.getTime());
    expect(settings.closesAtMs).toBeLessThan(Date.parse(`${event.start}T00:00:00Z`));
  });
});
