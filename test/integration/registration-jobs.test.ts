import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { REGION } from "../../functions/src/config.js";
import { allocateConfirmations } from "../../functions/src/registration/allocator.js";
import { runRegistrationReminders } from "../../functions/src/reminders/registration-reminders.js";
import { eventually } from "../support/eventually.js";
import { emulatedProject, functionsApp, functionsFirestoreSdk } from "../support/functions-admin.js";
import {
  confirmed,
  decider,
  mailsTo,
  openEvent,
  purposesOf,
  registrationRecord,
} from "../support/registration-mail.js";

// The registration jobs: reminders before the event (the milestone ledger) against a project of
// their own, and the deployed lapse job through the Functions emulator.
const { deleteApp, initializeApp } = functionsApp;
const { getFirestore } = functionsFirestoreSdk;

const PROJECT = `demo-registration-jobs-${process.pid}`;
const DEMO_PROJECT = "demo-compraspublicas";
const OPEN = new Date("2027-03-01T12:00:00Z");

const db = emulatedProject(PROJECT);

describe("registration reminders", () => {
  it("reminds the people holding a place 7 days and 1 day before, once each, with the calendar entry they have", async () => {
    const event = "reminded";
    await openEvent(db, event, 1, OPEN);
    const holder = await confirmed(db, () => OPEN, event, "r1", { lang: "en" });
    const waiting = await confirmed(db, () => OPEN, event, "r2");
    await allocateConfirmations(
      decider(db, () => OPEN),
      event,
    );
    // The event starts on 2 April in Santiago; the job runs at 08:00 there (11:00 UTC).
    const run = (day: string) => {
      const at = new Date(`${day}T11:00:00Z`);
      return runRegistrationReminders({ ...decider(db, () => at), log: () => {} });
    };
    expect((await run("2027-03-25")).queued).toBe(0);
    expect(await run("2027-03-26")).toEqual({ sent: [`${event}:before-7d@2027-04-02`], queued: 1 });
    expect((await run("2027-03-26")).queued).toBe(0);
    expect((await run("2027-03-27")).queued).toBe(0);
    expect(await run("2027-04-01")).toEqual({ sent: [`${event}:before-1d@2027-04-02`], queued: 1 });
    expect((await run("2027-04-01")).sent).toEqual([]);
    expect((await run("2027-04-02")).sent).toEqual([]);

    const mails = await mailsTo(db, holder);
    expect(purposesOf(mails)).toEqual(["registration.confirmed", "registration.reminder", "registration.reminder"]);
    expect(mails[1]?.subject).toMatch(/^Reminder: Conference reminded begins on April 2, 2027/);
    const uid = (content = "") =>
      new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent("vevent")?.getFirstPropertyValue("uid");
    expect(uid(mails[1]?.calendar?.content)).toBe(uid(mails[0]?.calendar?.content));
    expect(mails[2]?.calendar?.content).toContain("SEQUENCE:0");
    // The waiting list holds no place: no reminder.
    expect(purposesOf(await mailsTo(db, waiting))).toEqual(["registration.waitlisted"]);
  });
});

describe("the deployed lapse job", () => {
  it("passes an offer over its window to the next on the list and tells both (POST to its Pub/Sub trigger)", async () => {
    const demo = initializeApp({ projectId: DEMO_PROJECT }, `${PROJECT}-demo`);
    const demoDb = getFirestore(demo);
    const event = "registration-lapse-e2e";
    const [lapsing, next] = [
      "00000000000000000000000000lapse1".replace(/[^0-9a-f]/g, "0"),
      "0000000000000000000000000000bbb2",
    ];
    const person = (i: number, status: unknown) =>
      registrationRecord(event, i, `lapse${i}@example.org`, status, { requestedAtMs: Date.now() - 72 * 3_600_000 });
    try {
      // Not published and hosted by nobody: no page or committee seat changes.
      await openEvent(demoDb, event, 1, new Date(), {
        publication: "in-review",
        hostCountries: [],
        start: "2099-04-02",
        end: "2099-04-03",
      });
      await demoDb.doc(`registrationCounters/${event}`).set({
        eventId: event,
        placesHeld: 1,
        lastSeq: 2,
        decided: 2,
        updatedAtMs: Date.now(),
      });
      const past = Date.now() - 60_000;
      await demoDb
        .doc(`registrations/${lapsing}`)
        .set(person(1, { state: "offered", seq: 1, untilMs: past, atMs: past - 48 * 3_600_000 }));
      await demoDb.doc(`registrations/${next}`).set(person(2, { state: "waitlisted", seq: 2, atMs: past }));
      const run = await fetch(`http://127.0.0.1:5001/${DEMO_PROJECT}/${REGION}/registrationOfferLapses-0`, {
        method: "POST",
      });
      expect(run.status).toBeLessThan(300);
      const states = await eventually(async () => {
        const found = await Promise.all(
          [lapsing, next].map(async (id) => (await demoDb.doc(`registrations/${id}`).get()).get("status")),
        );
        return found[1]?.state === "offered" ? found : undefined;
      }, "the lapse job passing the offer on");
      expect(states[0]).toMatchObject({ state: "cancelled", from: "offered", by: "offerLapsed" });
      const purposes = await Promise.all(
        [lapsing, next].map(async (id) =>
          (await demoDb.collection("outbox").where("key.recipient", "==", `registration:${id}`).get()).docs.map(
            (doc) => doc.get("key.purpose") as string,
          ),
        ),
      );
      expect(purposes).toEqual([["registration.lapsed"], ["registration.offered"]]);
    } finally {
      await Promise.all([
        demoDb.doc(`registrations/${lapsing}`).delete(),
        demoDb.doc(`registrations/${next}`).delete(),
        demoDb.doc(`registrationCounters/${event}`).delete(),
        demoDb.doc(`registrationSettings/${event}`).delete(),
        demoDb.doc(`events/${event}`).delete(),
      ]);
      await deleteApp(demo);
    }
  });
});
