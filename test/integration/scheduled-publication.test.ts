import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordCallables } from "../../functions/src/committee/records/record-callables.js";
import { publishDueRecords } from "../../functions/src/committee/records/schedule.js";
import { REGION } from "../../functions/src/config.js";
import type { LogEntry } from "../../functions/src/log.js";
import type { AuditEntry } from "../../functions/src/model/index.js";
import { type CallableProject, type Callers, DEMO_PROJECT, openCallableProject } from "../support/console-callers.js";
import { eventually } from "../support/eventually.js";
import { contentOf } from "../support/record-fixtures.js";

// Scheduled publication with a clock the test moves: the schedule callable and the job are the
// production functions, against the Firestore emulator.
const PROJECT = "demo-scheduled-publication";
const START = new Date("2026-04-01T12:00:00Z");
let now = START;
const clock = () => now;
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const logged: LogEntry[] = [];
const deps = () => ({ db, clock });
const handlers = recordCallables(deps);
const job = () => publishDueRecords(deps(), (entry) => logged.push(entry));
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, callers } = project);
});
afterAll(() => project?.close());

/** An event written by the Chilean committee member and submitted: in review at version 2. */
async function inReview(id: string) {
  now = START;
  await handlers.recordSaveDraft(callers.request("committee-cl", { kind: "events", id, record: contentOf("events") }));
  await handlers.recordSubmit(callers.request("committee-cl", { kind: "events", id, baseVersion: 1 }));
}
const publication = async (id: string) => (await db.doc(`events/${id}`).get()).get("publication");
const audit = async (id: string) =>
  (await db.collection("audit").get()).docs
    .map((d) => d.data() as AuditEntry)
    .filter((e) => e.target.id === id)
    .sort((a, b) => a.at.localeCompare(b.at));

describe("scheduled publication", () => {
  it("publishes a record when due, not before, as the person who scheduled it, and removes the schedule", async () => {
    await inReview("due");
    await handlers.schedulePublish(
      callers.request("committee-pe", { kind: "events", id: "due", baseVersion: 2, at: "2026-04-01T10:00:00-03:00" }),
    );
    now = minutes(59);
    expect(await job()).toEqual({ published: [], refused: [] });
    expect(await publication("due")).toBe("in-review");
    now = minutes(60);
    expect(await job()).toEqual({ published: ["event_due"], refused: [] });
    expect(await publication("due")).toBe("published");
    expect((await db.doc("publicationSchedules/event_due").get()).exists).toBe(false);
    const last = (await audit("due")).at(-1);
    expect(last).toMatchObject({ action: "event.publish", actor: { memberId: "demo-committee-pe" } });
    // A second run finds nothing left to do.
    expect(await job()).toEqual({ published: [], refused: [] });
  });

  it("refuses to schedule what its last editor wrote (two people for every publication), or a draft", async () => {
    await inReview("own");
    const own = handlers.schedulePublish(
      callers.request("committee-cl", { kind: "events", id: "own", baseVersion: 2, at: "2026-04-02T12:00:00Z" }),
    );
    await expect(own).rejects.toMatchObject({ code: "permission-denied", details: { key: "console.error.ownEdit" } });
    await handlers.recordSaveDraft(
      callers.request("committee-cl", { kind: "events", id: "own", baseVersion: 2, record: contentOf("events") }),
    );
    const draft = handlers.schedulePublish(
      callers.request("committee-pe", { kind: "events", id: "own", baseVersion: 3, at: "2026-04-02T12:00:00Z" }),
    );
    await expect(draft).rejects.toMatchObject({ code: "failed-precondition", details: { key: "console.error.state" } });
    const member = handlers.schedulePublish(
      callers.request("member", { kind: "events", id: "own", baseVersion: 3, at: "2026-04-02T12:00:00Z" }),
    );
    await expect(member).rejects.toMatchObject({ code: "permission-denied" });
    expect((await db.doc("publicationSchedules/event_own").get()).exists).toBe(false);
  });

  it("publishes nothing once the schedule is cancelled, and the audit log says who cancelled it", async () => {
    await inReview("cancelled");
    await handlers.schedulePublish(
      callers.request("committee-pe", { kind: "events", id: "cancelled", baseVersion: 2, at: "2026-04-01T13:00:00Z" }),
    );
    await handlers.cancelSchedule(callers.request("secretariat", { kind: "events", id: "cancelled" }));
    now = minutes(120);
    expect(await job()).toEqual({ published: [], refused: [] });
    expect(await publication("cancelled")).toBe("in-review");
    // The clock stood still meanwhile: the entries share a time, so their order is not compared.
    expect((await audit("cancelled")).map((e) => e.action).sort()).toEqual([
      "event.cancelSchedule",
      "event.saveDraft",
      "event.schedulePublish",
      "event.submit",
    ]);
    const cancelled = (await audit("cancelled")).find((e) => e.action === "event.cancelSchedule");
    expect(cancelled?.actor).toMatchObject({ memberId: "demo-secretariat" });
  });

  it("does not publish a record changed after it was scheduled: the schedule is cancelled, saying why", async () => {
    await inReview("changed");
    await handlers.schedulePublish(
      callers.request("committee-pe", { kind: "events", id: "changed", baseVersion: 2, at: "2026-04-01T13:00:00Z" }),
    );
    now = minutes(10);
    const edit = { ...contentOf("events"), title: { es: "Cambiado después" } };
    await handlers.recordSaveDraft(
      callers.request("committee-cl", { kind: "events", id: "changed", baseVersion: 2, record: edit }),
    );
    await handlers.recordSubmit(callers.request("committee-cl", { kind: "events", id: "changed", baseVersion: 3 }));
    now = minutes(61);
    expect(await job()).toEqual({
      published: [],
      refused: [{ schedule: "event_changed", key: "console.error.scheduleChanged" }],
    });
    expect(await publication("changed")).toBe("in-review");
    expect((await db.doc("publicationSchedules/event_changed").get()).exists).toBe(false);
    expect((await audit("changed")).at(-1)).toMatchObject({
      action: "event.cancelSchedule",
      actor: { system: "scheduler" },
      reason: "console.error.scheduleChanged",
    });
    expect(logged.some((e) => e.schedule === "event_changed" && e.severity === "WARNING")).toBe(true);
  });

  it("keeps one schedule per record: scheduling again moves it", async () => {
    await inReview("moved");
    const at = (time: string) => ({ kind: "events", id: "moved", baseVersion: 2, at: time });
    await handlers.schedulePublish(callers.request("committee-pe", at("2026-04-03T12:00:00Z")));
    await handlers.schedulePublish(callers.request("committee-pe", at("2026-04-01T12:30:00Z")));
    const schedules = await db.collection("publicationSchedules").where("id", "==", "moved").get();
    expect(schedules.docs.map((d) => d.get("at"))).toEqual(["2026-04-01T12:30:00.000Z"]);
    now = minutes(31);
    expect((await job()).published).toEqual(["event_moved"]);
  });
});

describe("scheduled publication in the emulators", () => {
  it("publishes a due topic when the deployed job runs (POST to its Pub/Sub trigger)", async () => {
    const demo = initializeApp({ projectId: DEMO_PROJECT }, `${PROJECT}-demo`);
    const demoDb = getFirestore(demo);
    const id = "scheduled-e2e-topic";
    // The callables act a minute in the past, so the topic is scheduled for a moment that is
    // still ahead for them and already behind the deployed job, which runs on the real clock:
    // due when the job runs, with no waiting.
    const minuteAgo = () => new Date(Date.now() - 60_000);
    const real = recordCallables(() => ({ db: demoDb, clock: minuteAgo }));
    try {
      await real.recordSaveDraft(callers.request("committee-cl", { kind: "topics", id, record: contentOf("topics") }));
      await real.recordSubmit(callers.request("committee-cl", { kind: "topics", id, baseVersion: 1 }));
      const at = new Date(Date.now() - 30_000).toISOString();
      await real.schedulePublish(callers.request("committee-pe", { kind: "topics", id, baseVersion: 2, at }));
      const run = await fetch(`http://127.0.0.1:5001/${DEMO_PROJECT}/${REGION}/scheduledPublication-0`, {
        method: "POST",
      });
      expect(run.status).toBeLessThan(300);
      await eventually(
        async () => ((await demoDb.doc(`topics/${id}`).get()).get("publication") === "published" ? true : undefined),
        "the scheduled topic being published",
      );
      expect((await demoDb.doc(`publicationSchedules/topic_${id}`).get()).exists).toBe(false);
    } finally {
      await demoDb.recursiveDelete(demoDb.doc(`topics/${id}`));
      await deleteApp(demo);
    }
  });
});
