import { describe, expect, it } from "vitest";
import { JOBS_TIME_ZONE } from "../../functions/src/config.js";
import { auditNotifications, directoryConfirmations, eventReminders } from "../../functions/src/index.js";

type Endpoint = {
  scheduleTrigger?: { schedule: string; timeZone?: unknown };
  eventTrigger?: { eventType: string; eventFilterPathPatterns?: Record<string, string> };
};
const endpointOf = (fn: unknown) => (fn as { __endpoint: Endpoint }).__endpoint;

describe("the notifications' deployment", () => {
  it("runs the event reminders daily in the jobs' explicit time zone", () => {
    expect(endpointOf(eventReminders).scheduleTrigger).toMatchObject({
      schedule: "every day 08:00",
      timeZone: JOBS_TIME_ZONE,
    });
  });

  it("checks the yearly directory confirmations daily in the jobs' explicit time zone", () => {
    expect(endpointOf(directoryConfirmations).scheduleTrigger).toMatchObject({
      schedule: "every day 08:00",
      timeZone: JOBS_TIME_ZONE,
    });
  });

  it("reacts to each audit entry when it is created, not when it changes", () => {
    const trigger = endpointOf(auditNotifications).eventTrigger;
    expect(trigger?.eventType).toBe("google.cloud.firestore.document.v1.created");
    expect(trigger?.eventFilterPathPatterns).toEqual({ document: "audit/{id}" });
  });
});
