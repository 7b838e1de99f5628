import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Event, RegistrationSchema } from "../../functions/src/model/index.js";
import { doorCallables } from "../../functions/src/registration/door/callables.js";
import { type CallableProject, type Callers, openCallableProject } from "../support/console-callers.js";
import {
  bad,
  type Case,
  callerCases,
  databaseState,
  expectEachRefused,
  fieldCases,
} from "../support/payload-corpus.js";

// Malformed payloads for the door's callables: each refused with a clear code and message, and
// nothing written anywhere; a person without a place, a registration of another event, an event
// without attendance and one's own count are refused too; then the legitimate path goes through.
const PROJECT = "demo-door-corpus";
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const clock = () => new Date("2027-03-12T12:00:00Z");
const handlers = doorCallables(() => ({ db, clock }));
const EVENT = "door-corpus-event";
const OTHER = "door-corpus-other";
const PLACE = "a".repeat(32);
const WAITING = "b".repeat(32);
const ELSEWHERE = "c".repeat(32);

const event: Event = {
  id: EVENT,
  kind: "workshop",
  title: { es: "Taller del corpus de la puerta" },
  status: "held",
  start: "2027-03-10",
  timeZone: "America/Santiago",
  hostCountries: [],
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  publication: "published",
  version: 1,
  source: "payload corpus of the door",
};
const person = (eventId: string, fields: Record<string, unknown> = {}) =>
  RegistrationSchema.parse({
    eventId,
    name: "Persona del corpus",
    address: "corpus@example.org",
    institution: "ChileCompra",
    country: "CL",
    category: "delegate",
    lang: "es",
    requestedAtMs: 1,
    status: { state: "confirmed", via: "confirmation", atMs: 2 },
    ...fields,
  });

beforeAll(async () => {
  project = await openCallableProject(PROJECT, async (db) => {
    await db.doc(`events/${EVENT}`).set(event);
    await db.doc(`events/${OTHER}`).set({ ...event, id: OTHER });
    await db.doc(`registrations/${PLACE}`).set(person(EVENT));
    await db.doc(`registrations/${WAITING}`).set(person(EVENT, { status: { state: "waitlisted", seq: 1, atMs: 3 } }));
    await db.doc(`registrations/${ELSEWHERE}`).set(person(OTHER));
  });
  ({ db, callers } = project);
});
afterAll(() => project?.close());

const state = () => databaseState(db, PROJECT, project.auth);

describe("malformed payloads for the door", () => {
  it("doorCheckIn: refuses each of at least 30 with a clear code and message, and writes nothing", async () => {
    const valid = { eventId: EVENT, id: PLACE, present: true };
    const cases: Case[] = [
      ...fieldCases(valid),
      bad("an id in capitals", { ...valid, id: PLACE.toUpperCase() }),
      bad("an id one character short", { ...valid, id: PLACE.slice(1) }),
      bad("an id with a path", { ...valid, id: `../accounts/${PLACE.slice(12)}` }),
      bad("a script as the id", { ...valid, id: "<script>alert(1)</script>" }),
      bad("present as text", { ...valid, present: "yes" }),
      bad("a time forced in the payload", { ...valid, attendedAtMs: 1 }),
      bad("a checker forced in the payload", { ...valid, attendedBy: "demo-secretariat" }),
      bad("an unknown event", { ...valid, eventId: "no-such-event" }, "not-found"),
      bad("a registration of another event", { ...valid, id: ELSEWHERE }, "not-found"),
      bad("a registration that does not exist", { ...valid, id: "d".repeat(32) }, "not-found"),
      bad("someone on the waiting list", { ...valid, id: WAITING }, "failed-precondition"),
      ...callerCases(valid, ["no-person", "member"]),
    ];
    await expectEachRefused(handlers.doorCheckIn, cases, callers, state);
  });

  it("doorCountFigures and doorPublishFigures: refuse bad payloads, an event without attendance, figures not counted, and one's own count", async () => {
    const valid = { eventId: EVENT };
    // An event's id as an attacker would bend it.
    const eventIds: Case[] = [
      bad("an event id in capitals", { eventId: EVENT.toUpperCase() }),
      bad("an event id with a path", { eventId: `../events/${EVENT}` }),
      bad("an event id naming another collection", { eventId: `registrations/${EVENT}` }),
      bad("a script as the event id", { eventId: "<script>alert(1)</script>" }),
      bad("an event id with a line break", { eventId: `${EVENT}\n` }),
      bad("an event id of 200 characters", { eventId: "a".repeat(200) }),
    ];
    const count: Case[] = [
      ...fieldCases(valid),
      ...eventIds,
      bad("an unknown event", { eventId: "no-such-event" }, "not-found"),
      bad("nobody marked present yet", valid, "failed-precondition"),
      bad("a figure forced in the payload", { ...valid, officials: 38 }),
      ...callerCases(valid, ["no-person", "member"]),
    ];
    await expectEachRefused(handlers.doorCountFigures, count, callers, state);
    const publish: Case[] = [
      ...fieldCases(valid),
      ...eventIds,
      bad("figures never counted", valid, "failed-precondition"),
      bad("a reason too short", { ...valid, reason: "x" }),
      bad("figures forced in the payload", { ...valid, participation: { officials: 38 } }),
      ...callerCases(valid, ["no-person", "member"]),
    ];
    await expectEachRefused(handlers.doorPublishFigures, publish, callers, state);

    await handlers.doorCheckIn(callers.request("committee-cl", { eventId: EVENT, id: PLACE, present: true }));
    await handlers.doorCountFigures(callers.request("committee-cl", valid));
    await expect(handlers.doorPublishFigures(callers.request("committee-cl", valid))).rejects.toMatchObject({
      code: "permission-denied",
    });
    // The secretariat may publish its own count, with a reason the audit log keeps.
    await handlers.doorCountFigures(callers.request("secretariat", valid));
    await expect(handlers.doorPublishFigures(callers.request("secretariat", valid))).rejects.toMatchObject({
      code: "failed-precondition",
    });
    const published = await handlers.doorPublishFigures(
      callers.request("secretariat", { ...valid, reason: "the committee met at the door and agreed" }),
    );
    expect(published).toMatchObject({ officials: 1, countries: 1, institutions: 1, attended: 1 });
    expect((await db.doc(`events/${EVENT}`).get()).get("participation")).toEqual({
      officials: 1,
      countries: 1,
      institutions: 1,
      countedFrom: "attendance",
    });
  });
});
