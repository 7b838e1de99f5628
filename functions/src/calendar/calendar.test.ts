import { describe, expect, it } from "vitest";
import { addDays, dayIn, daysBetween, daysUntil, wallClockIn } from "./days.js";
import { firstDayUtc, isCalendarDate, knownDay, partialDateFields, partialDateToUtc } from "./partial-date.js";

describe("partial dates", () => {
  it("read only the precision the source gives, the missing fields being the first", () => {
    expect(partialDateFields("2004")).toEqual({ year: 2004, month: 1, day: 1, hour: 0, minute: 0, precision: "year" });
    expect(partialDateFields("2004-09")).toMatchObject({ month: 9, day: 1, precision: "month" });
    expect(partialDateFields("2005-06-20")).toMatchObject({ day: 20, precision: "day" });
    expect(partialDateFields("2005-06-20T09:30")).toMatchObject({ day: 20, hour: 9, minute: 30, precision: "minute" });
  });

  it("tell a real calendar day from an impossible one", () => {
    expect(["2004", "2004-02-29", "2005-06-20T09:00"].map(isCalendarDate)).toEqual([true, true, true]);
    expect(["2005-02-29", "2005-13", "2005-04-31"].map(isCalendarDate)).toEqual([false, false, false]);
  });

  it("become the UTC instant of their fields, or of their first day without the time", () => {
    expect(partialDateToUtc("2005-06").toISOString()).toBe("2005-06-01T00:00:00.000Z");
    expect(partialDateToUtc("2005-06-20T09:30").toISOString()).toBe("2005-06-20T09:30:00.000Z");
    expect(firstDayUtc("2005-06-20T09:30").toISOString()).toBe("2005-06-20T00:00:00.000Z");
  });

  it("give a day only when known to the day", () => {
    expect([knownDay("2005-06-20T09:30"), knownDay("2005-06-20"), knownDay("2005-06"), knownDay(undefined)]).toEqual([
      "2005-06-20",
      "2005-06-20",
      undefined,
      undefined,
    ]);
  });
});

describe("days", () => {
  it("are the calendar day in the time zone asked, across a clock change", () => {
    const at = new Date("2026-04-05T02:30:00Z");
    expect(dayIn(at, "UTC")).toBe("2026-04-05");
    expect(dayIn(at, "America/Santiago")).toBe("2026-04-04");
    expect(wallClockIn("2026-04-05T09:00", "America/Santiago").getTime()).toBe(Date.parse("2026-04-05T13:00:00Z"));
    expect(wallClockIn("2026-04-04", "America/Santiago").getTime()).toBe(Date.parse("2026-04-04T03:00:00Z"));
  });

  it("count and move across months and years, and count a countdown's part of a day as a day", () => {
    expect(addDays("2026-12-25", 7)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-12-25", "2027-01-01")).toBe(7);
    expect(daysBetween("2027-01-01", "2026-12-25")).toBe(-7);
    expect(daysUntil(new Date("2026-01-03T00:00:00Z"), new Date("2026-01-01T12:00:00Z"))).toBe(2);
    expect(daysUntil(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-02T00:00:00Z"))).toBe(-1);
  });
});
