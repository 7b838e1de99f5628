import { describe, expect, it } from "vitest";
import { addMonths } from "../../calendar/days.js";
import { sharedContactOf } from "../../model/directory.js";
import type { Member } from "../../model/member.js";
import { askDay, completenessByCountry, hasKeyFields, isVerified } from "./status.js";

const person = (id: string, fields: Partial<Member> = {}): Member => ({
  id,
  name: `Persona ${id}`,
  preferredLanguage: "es",
  timeZone: "America/Santiago",
  public: false,
  source: "functions/src/committee/directory/status.test.ts",
  ...fields,
});
const complete = { title: { es: "Directora" }, institutionId: "chilecompra", countryId: "CL", languages: ["es"] };

describe("calendar months", () => {
  it("moves a day by months, the 31st and the 29th of February landing on the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2026-05-04", 13)).toBe("2027-06-04");
    expect(addMonths("2026-11-15", 2)).toBe("2027-01-15");
  });
});

describe("a directory entry's status", () => {
  it("counts an entry as verified for 13 months after its confirmation, and never without one", () => {
    const confirmed = { confirmedAt: "2026-05-04T12:00:00.000Z" };
    expect(isVerified(confirmed, "2027-06-03")).toBe(true);
    expect(isVerified(confirmed, "2027-06-04")).toBe(false);
    expect(isVerified({}, "2026-05-04")).toBe(false);
  });

  it("asks on each anniversary of the last confirmation, and once a year an entry never confirmed", () => {
    const confirmed = { confirmedAt: "2026-05-04T12:00:00.000Z" };
    expect(askDay(confirmed, "2026-12-31")).toBe("2027-05-04");
    expect(askDay(confirmed, "2027-05-04")).toBe("2027-05-04");
    // Unanswered, the ask comes again a year later under a new name.
    expect(askDay(confirmed, "2028-05-03")).toBe("2027-05-04");
    expect(askDay(confirmed, "2028-05-04")).toBe("2028-05-04");
    expect(askDay({}, "2026-08-10")).toBe("2026-01-01");
  });

  it("measures each country's completeness by verified entries with their key fields", () => {
    const today = "2026-06-01";
    const recent = "2026-03-01T00:00:00.000Z";
    const members = [
      person("a", { ...complete, confirmedAt: recent }),
      person("b", { ...complete, confirmedAt: "2025-01-01T00:00:00.000Z" }),
      person("c", { ...complete, languages: [], confirmedAt: recent }),
      person("d", { countryId: "PE", confirmedAt: recent }),
      person("no-country", { confirmedAt: recent }),
    ];
    expect(hasKeyFields(members[0] as Member)).toBe(true);
    expect(completenessByCountry(members, today)).toEqual([
      { countryId: "CL", people: 3, complete: 1, share: 1 / 3 },
      { countryId: "PE", people: 1, complete: 0, share: 0 },
    ]);
  });
});

describe("the directory's projection of a contact record", () => {
  const contact = { id: "ana", email: "ana@example.org", phone: "+56 2 2290 4400" };
  it("holds each field only when its person shares it, and nothing when they share nothing", () => {
    expect(sharedContactOf(contact)).toEqual({ id: "ana" });
    expect(sharedContactOf({ ...contact, share: { email: true, phone: false } })).toEqual({
      id: "ana",
      email: "ana@example.org",
    });
    expect(sharedContactOf({ ...contact, share: { email: false, phone: true } })).toEqual({
      id: "ana",
      phone: "+56 2 2290 4400",
    });
    expect(sharedContactOf({ id: "ana", email: "ana@example.org", share: { email: false, phone: true } })).toEqual({
      id: "ana",
    });
  });
});
