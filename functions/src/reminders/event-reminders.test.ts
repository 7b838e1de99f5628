import { describe, expect, it } from "vitest";
import type { Event } from "../model/index.js";
import { dueEventReminders, eventDay } from "./event-reminders.js";

const event = (fields: Partial<Event>): Event => ({
  id: "e",
  kind: "seminar",
  title: { es: "E" },
  status: "planned",
  start: "2026-06-15",
  timeZone: "America/Santiago",
  hostCountries: ["CL"],
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  source: "test",
  ...fields,
});
const none = new Set<string>();

describe("event reminders", () => {
  it("are due 30 and 7 days before the event's day, each until it is had", () => {
    expect(dueEventReminders(event({}), "2026-05-15", none)).toEqual({ had: [] });
    const thirty = dueEventReminders(event({}), "2026-05-16", none);
    expect(thirty).toMatchObject({ send: { id: "before-30d@2026-06-15", days: 30 }, had: ["before-30d@2026-06-15"] });
    expect(dueEventReminders(event({}), "2026-05-20", new Set(thirty.had))).toEqual({ had: [] });
    expect(dueEventReminders(event({}), "2026-06-08", new Set(thirty.had)).send?.id).toBe("before-7d@2026-06-15");
  });

  it("send only the nearest of several due at once, and record the others as had", () => {
    expect(dueEventReminders(event({}), "2026-06-10", none)).toEqual({
      send: expect.objectContaining({ id: "before-7d@2026-06-15" }),
      had: ["before-30d@2026-06-15", "before-7d@2026-06-15"],
    });
  });

  it("are none for a cancelled, held, unpublished or month-dated event, nor on or after its day", () => {
    for (const fields of [
      { status: "cancelled" as const },
      { status: "held" as const },
      { publication: "draft" as const },
      { publication: "archived" as const },
      { start: "2026-06", timeZone: undefined },
    ]) {
      expect(dueEventReminders(event(fields), "2026-06-10", none), JSON.stringify(fields)).toEqual({ had: [] });
    }
    expect(dueEventReminders(event({}), "2026-06-15", none)).toEqual({ had: [] });
  });

  it("follow the event's day when it moves, with new ids, so the new date's reminders are sent", () => {
    const had = new Set(["before-30d@2026-06-15"]);
    expect(dueEventReminders(event({ start: "2026-07-15" }), "2026-06-15", had).send?.id).toBe("before-30d@2026-07-15");
    expect(eventDay(event({ start: "2026-07-15T09:30" }))).toBe("2026-07-15");
  });
});
