import { describe, expect, it } from "vitest";
import { type Event, RegistrationSettingsSchema } from "../model/index.js";
import { eventRefusal, privateSessionsOf, requestRefusal } from "./eligibility.js";
import { cancellationToken, isCancellationToken, registrationId } from "./keys.js";

const NOW = new Date("2027-03-01T12:00:00Z");
const event: Event = {
  id: "conference",
  kind: "conference",
  title: { es: "Conferencia" },
  status: "planned",
  start: "2027-04-10",
  end: "2027-04-12",
  timeZone: "America/Santiago",
  hostCountries: [],
  organizerIds: [],
  attendingCountries: [],
  sessions: [{ type: "forum", title: { es: "Foro" }, topics: [], topicIds: [] }],
  source: "eligibility.test.ts",
};
const settings = RegistrationSettingsSchema.parse({
  eventId: "conference",
  opensAtMs: NOW.getTime() - 1000,
  closesAtMs: NOW.getTime() + 1000,
  places: 10,
  categories: ["delegate", "observer"],
  privateSessions: [0],
});

describe("registration eligibility", () => {
  it("takes registrations only for a published, planned, open event that has not ended where it happens", () => {
    expect(eventRefusal(event, settings, NOW)).toBeUndefined();
    expect(eventRefusal(undefined, settings, NOW)).toBe("unknownEvent");
    expect(eventRefusal({ ...event, publication: "in-review" }, settings, NOW)).toBe("unpublished");
    expect(eventRefusal({ ...event, status: "cancelled" }, settings, NOW)).toBe("cancelled");
    expect(eventRefusal({ ...event, status: "held" }, settings, NOW)).toBe("past");
    expect(eventRefusal(event, undefined, NOW)).toBe("notOpen");
    expect(eventRefusal(event, settings, new Date(settings.opensAtMs - 1))).toBe("notYetOpen");
    expect(eventRefusal(event, settings, new Date(settings.closesAtMs))).toBe("closed");
    // Dated only to the month: past once the month is over.
    const march = { ...event, start: "2027-02", end: undefined, timeZone: undefined };
    expect(eventRefusal(march, settings, NOW)).toBe("past");
    expect(eventRefusal({ ...march, start: "2027-03" }, settings, NOW)).toBeUndefined();
  });

  it("refuses a category not offered, a session that does not exist and a private session to all but accredited delegates", () => {
    const request = {
      name: "Ana",
      address: "ana@example.org",
      institution: "ChileCompra",
      country: "CL",
      category: "observer" as const,
      lang: "es" as const,
      sessions: [],
      publicListConsent: false,
    };
    expect(requestRefusal(event, settings, request)).toBeUndefined();
    expect(requestRefusal(event, settings, { ...request, category: "press" })).toBe("categoryNotOffered");
    expect(requestRefusal(event, settings, { ...request, sessions: [3] })).toBe("unknownSession");
    expect(requestRefusal(event, settings, { ...request, sessions: [0] })).toBe("privateSession");
    // Issue #16: a private session is for ACCREDITED delegates; being in the category is not enough.
    expect(requestRefusal(event, settings, { ...request, category: "delegate", sessions: [0] })).toBe("privateSession");
    expect(requestRefusal(event, settings, { ...request, category: "delegate", sessions: [0] }, true)).toBeUndefined();
    expect(requestRefusal(event, settings, { ...request, sessions: [0] }, true)).toBe("privateSession");
  });

  it("lists the private sessions an accredited delegate holds, and none for anyone else", () => {
    const held = { category: "delegate" as const, sessions: [0, 1], accredited: true as const };
    expect(privateSessionsOf(held, settings)).toEqual([0]);
    expect(privateSessionsOf({ ...held, accredited: undefined }, settings)).toEqual([]);
    expect(privateSessionsOf({ ...held, category: "observer" }, settings)).toEqual([]);
    expect(privateSessionsOf({ ...held, sessions: [1] }, settings)).toEqual([]);
  });

  it("rejects settings that close before they open or give a session more places than the event", () => {
    const base = { eventId: "e", opensAtMs: 10, closesAtMs: 20, places: 5, categories: ["observer"] };
    expect(RegistrationSettingsSchema.safeParse(base).success).toBe(true);
    expect(RegistrationSettingsSchema.safeParse({ ...base, closesAtMs: 10 }).success).toBe(false);
    expect(RegistrationSettingsSchema.safeParse({ ...base, sessionRooms: [{ session: 0, places: 6 }] }).success).toBe(
      false,
    );
    expect(RegistrationSettingsSchema.safeParse({ ...base, categories: [] }).success).toBe(false);
  });
});

describe("registration keys", () => {
  const key = "k".repeat(40);
  it("names one record per address per event, whatever the case, and another for another event or key", () => {
    const id = registrationId(key, "conference", "Ana@Example.org");
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(registrationId(key, "conference", " ana@EXAMPLE.org ")).toBe(id);
    expect(registrationId(key, "seminar", "ana@example.org")).not.toBe(id);
    expect(registrationId("j".repeat(40), "conference", "ana@example.org")).not.toBe(id);
    // The id does not carry the address.
    expect(id).not.toContain("ana");
  });

  it("accepts a cancellation token only for its own record and key", () => {
    const id = registrationId(key, "conference", "ana@example.org");
    const token = cancellationToken(key, id);
    expect(isCancellationToken(key, id, token)).toBe(true);
    expect(isCancellationToken(key, registrationId(key, "conference", "bob@example.org"), token)).toBe(false);
    expect(isCancellationToken("j".repeat(40), id, token)).toBe(false);
    expect(isCancellationToken(key, id, `${token}x`)).toBe(false);
  });
});
