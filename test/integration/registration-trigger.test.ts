import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "../support/eventually.js";
import { functionsApp, functionsFirestoreSdk } from "../support/functions-admin.js";
import { registrationRecord } from "../support/registration-mail.js";

// Runs against the whole emulator suite started by `npm test`: the allocator trigger in the
// Functions emulator decides confirmations written to the demo project. The records are written
// directly in the state a confirmation leaves them (requests.ts), for an event id no other test
// or page uses, so nothing else in the demo project changes.
const { deleteApp, initializeApp } = functionsApp;
const { FieldValue, getFirestore } = functionsFirestoreSdk;

const PROJECT = "demo-compraspublicas";
const EVENT = "registration-trigger-test";
const app = initializeApp({ projectId: PROJECT }, "registration-trigger");
const db = getFirestore(app);
const ids = ["0000000000000000000000000000aaa1", "0000000000000000000000000000aaa2"];

afterAll(async () => {
  await Promise.all([
    ...ids.map((id) => db.doc(`registrations/${id}`).delete()),
    db.doc(`registrationSettings/${EVENT}`).delete(),
    db.doc(`registrationCounters/${EVENT}`).delete(),
    db.doc(`events/${EVENT}`).delete(),
  ]);
  await deleteApp(app);
});

// Writing the event also runs the triggers every event write runs (the public view's rebuild
// among them), which the Functions emulator may finish before it runs the allocator: on a loaded
// machine that takes well over the usual 30 seconds.
describe("registration allocator trigger", () => {
  it("decides each confirmation once it is written: the first a place, the next the waiting list", async () => {
    // Not published and hosted by nobody: no page or committee seat changes.
    await db.doc(`events/${EVENT}`).set({
      id: EVENT,
      kind: "conference",
      title: { es: "Conferencia del disparador", en: "Trigger conference" },
      status: "planned",
      start: "2099-04-10",
      timeZone: "America/Santiago",
      hostCountries: [],
      organizerIds: [],
      attendingCountries: [],
      sessions: [],
      source: "Written by test/integration/registration-trigger.test.ts",
      publication: "in-review",
    });
    await db.doc(`registrationSettings/${EVENT}`).set({
      eventId: EVENT,
      opensAtMs: 0,
      closesAtMs: Date.now() + 3_600_000,
      places: 1,
      sessionRooms: [],
      categories: ["observer"],
      privateSessions: [],
      approvalCategories: [],
      offerWindowHours: 48,
    });
    for (const [i, id] of ids.entries()) {
      await db
        .doc(`registrations/${id}`)
        .set(
          registrationRecord(
            EVENT,
            i,
            `trigger${i}@example.org`,
            { state: "confirming" },
            { confirmedAt: FieldValue.serverTimestamp() },
          ),
        );
    }
    const states = await eventually(
      async () => {
        const found = await Promise.all(
          ids.map(async (id) => (await db.doc(`registrations/${id}`).get()).get("status")),
        );
        return found.every((s) => s?.state !== "confirming") ? found : undefined;
      },
      "the allocator trigger deciding both confirmations",
      80_000,
    );
    expect(states.map((s) => s.state)).toEqual(["confirmed", "waitlisted"]);
    expect(states[1]).toMatchObject({ seq: 1 });
    expect((await db.doc(`registrationCounters/${EVENT}`).get()).data()).toMatchObject({
      placesHeld: 1,
      lastSeq: 1,
      decided: 2,
    });
    // Each decision queued its email in the deciding transaction: a place, and a position.
    const purposes = await Promise.all(
      ids.map(async (id) =>
        (await db.collection("outbox").where("key.recipient", "==", `registration:${id}`).get()).docs.map(
          (doc) => doc.get("key.purpose") as string,
        ),
      ),
    );
    expect(purposes).toEqual([["registration.confirmed"], ["registration.waitlisted"]]);
  }, 90_000);
});
