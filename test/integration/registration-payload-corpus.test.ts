import { readFileSync } from "node:fs";
import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registrationCallables } from "../../functions/src/committee/registrations/callables.js";
import { type CallableProject, type Callers, openCallableProject } from "../support/console-callers.js";
import {
  bad,
  type Case,
  callerCases,
  databaseState,
  expectEachRefused,
  fieldCases,
} from "../support/payload-corpus.js";

// Malformed payloads for registration's console callables (registrations-*): each refused with a
// clear code and message, the bad field named, and nothing written anywhere; then the valid call
// goes through. In a project of its own, so the database can be compared whole.
const PROJECT = "demo-registration-corpus";
const EVENT = "seminario-2027";
const DRAFT = "seminario-borrador";
const HELD = "iii-seminar-santiago-2005";
const WAITING = "00000000000000000000000000000a01";
const PLACED = "00000000000000000000000000000a02";
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const clock = () => new Date("2026-12-05T12:00:00Z");
const handlers = registrationCallables(() => ({
  db,
  clock,
  key: "corpus registration key, long enough to use",
  log: () => {},
  sealKey: "corpus outbox key, long enough to use it",
  siteOrigin: "https://www.compraspublicas.org",
}));

const seedEvents = JSON.parse(readFileSync(new URL("../../seed/events.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
>[];

const registration = (state: Record<string, unknown>) => ({
  eventId: EVENT,
  name: "Persona",
  address: "persona@example.org",
  institution: "Dirección",
  country: "CL",
  category: "press",
  lang: "es",
  sessions: [],
  publicListConsent: false,
  requestedAtMs: clock().getTime(),
  status: state,
});

beforeAll(async () => {
  project = await openCallableProject(PROJECT, async (store) => {
    const held = seedEvents.find((e) => e.id === HELD);
    if (!held) throw new Error("the seed has the 2005 seminar");
    const planned = { ...held, status: "planned", start: "2027-06-20", end: "2027-06-23" };
    await store.doc(`events/${HELD}`).set(held);
    await store.doc(`events/${EVENT}`).set({ ...planned, id: EVENT });
    await store.doc(`events/${DRAFT}`).set({ ...planned, id: DRAFT, publication: "draft" });
    await store.doc(`registrations/${WAITING}`).set(registration({ state: "awaitingApproval", atMs: 1 }));
    await store.doc(`registrations/${PLACED}`).set(registration({ state: "confirmed", via: "confirmation", atMs: 1 }));
  });
  ({ db, callers } = project);
});
afterAll(() => project?.close());

const state = () => databaseState(db, PROJECT, project.auth);
const HOUR = 3_600_000;
const settings = {
  eventId: EVENT,
  opensAtMs: clock().getTime(),
  closesAtMs: clock().getTime() + 30 * 24 * HOUR,
  startTime: "09:00",
  endTime: "18:00",
  places: 10,
  sessionRooms: [{ session: 0, places: 5 }],
  categories: ["delegate", "press"],
  privateSessions: [0],
  approvalCategories: ["press"],
  offerWindowHours: 48,
};
const withSettings = (patch: Record<string, unknown>) => ({ settings: { ...settings, ...patch } });

describe("malformed payloads for registration in the console", () => {
  it("registrations-open: refuses each with a clear code and message, the field named, and writes nothing", async () => {
    const valid = { settings };
    const cases: Case[] = [
      ...fieldCases(valid),
      // A field with a default (the hours, the lists, the offer window) may be left out: that is valid.
      ...fieldCases(settings)
        .filter(
          (c) =>
            !/^missing (startTime|endTime|sessionRooms|privateSessions|approvalCategories|offerWindowHours)$/.test(
              c.name,
            ) && !/^(opensAtMs|places) as a number$/.test(c.name),
        )
        .map((c) => ({ ...c, name: `settings: ${c.name}`, payload: { settings: c.payload } })),
      bad("no places", withSettings({ places: 0 })),
      bad("more places than any meeting", withSettings({ places: 100_001 })),
      bad("places as text", withSettings({ places: "10" })),
      bad("a fraction of a place", withSettings({ places: 2.5 })),
      bad("no category", withSettings({ categories: [] })),
      bad("a category twice", withSettings({ categories: ["press", "press"] })),
      bad("a category of its own", withSettings({ categories: ["vip"] })),
      bad("a room larger than the event", withSettings({ sessionRooms: [{ session: 0, places: 11 }] })),
      bad(
        "a room named twice",
        withSettings({
          sessionRooms: [
            { session: 0, places: 1 },
            { session: 0, places: 2 },
          ],
        }),
      ),
      bad("a session the event does not have", withSettings({ sessionRooms: [{ session: 40, places: 1 }] })),
      bad("a private session the event does not have", withSettings({ privateSessions: [7] })),
      bad("a time of 25 o'clock", withSettings({ startTime: "25:00" })),
      bad("a time without its zero", withSettings({ endTime: "9:00" })),
      bad("a closing before the opening", withSettings({ closesAtMs: settings.opensAtMs - 1 })),
      bad("an offer window of no hours", withSettings({ offerWindowHours: 0 })),
      bad("a quota of none", withSettings({ countryQuota: 0 })),
      bad("a path as the event", withSettings({ eventId: "../accounts/demo-secretariat" })),
      bad("a script as the event", withSettings({ eventId: "<script>alert(1)</script>" })),
      bad("a field of its own in the settings", withSettings({ placesHeld: 0 })),
      bad("an event that does not exist", withSettings({ eventId: "no-such-event" }), "not-found"),
      bad("an event not published", withSettings({ eventId: DRAFT }), "failed-precondition"),
      bad("an event already held", withSettings({ eventId: HELD }), "failed-precondition"),
      ...callerCases(valid, ["no-person", "member"]),
    ];
    await expectEachRefused(handlers.open, cases, callers, state);
    expect(await handlers.open(callers.request("committee-cl", valid))).toEqual({ eventId: EVENT, opened: true });
  });

  it("registrations-decide: refuses each with a clear code and message, and writes nothing", async () => {
    const valid = { eventId: EVENT, id: WAITING, decision: "approve" };
    const cases: Case[] = [
      ...fieldCases(valid),
      bad("an id in capitals", { ...valid, id: WAITING.toUpperCase() }),
      bad("an id one character short", { ...valid, id: WAITING.slice(1) }),
      bad("an id with a path", { ...valid, id: `../registrations/${WAITING}` }),
      bad("a decision in capitals", { ...valid, decision: "APPROVE" }),
      bad("a state forced as the decision", { ...valid, decision: "confirmed" }),
      bad("a status forced in the payload", { ...valid, status: { state: "confirmed" } }),
      bad("a registration that does not exist", { ...valid, id: "f".repeat(32) }, "not-found"),
      bad("a registration of another event", { ...valid, eventId: DRAFT }, "not-found"),
      bad("a registration that holds a place", { ...valid, id: PLACED }, "failed-precondition"),
      ...callerCases(valid, ["no-person", "member", "committee-cl", "committee-pe"]),
    ];
    await expectEachRefused(handlers.decide, cases, callers, state, "secretariat");
  });

  it("registrations-overview and registrations-export: refuse each with a clear code and message", async () => {
    for (const [name, valid] of [
      ["overview", { eventId: EVENT }],
      ["export", { eventId: EVENT, format: "csv" }],
    ] as const) {
      const cases: Case[] = [
        ...fieldCases(valid),
        bad("a path as the event", { ...valid, eventId: "../accounts" }),
        bad("a collection as the event", { ...valid, eventId: "registrations/x" }),
        bad("an event in capitals", { ...valid, eventId: EVENT.toUpperCase() }),
        bad("an event with a space", { ...valid, eventId: "seminario 2027" }),
        bad("a script as the event", { ...valid, eventId: "<script>alert(1)</script>" }),
        bad("an event id too long", { ...valid, eventId: "x".repeat(121) }),
        bad("a query as the event", { ...valid, eventId: { $gt: "" } }),
        bad("a format of its own", { ...valid, format: "xlsx" }),
        bad("a format in capitals", { ...valid, format: "CSV" }),
        bad("a filter forced in the payload", { ...valid, where: { state: "confirmed" } }),
        ...callerCases(valid, ["no-person", "member"]),
      ];
      await expectEachRefused(handlers[name], cases, callers, state);
    }
    const overview = await handlers.overview(callers.request("secretariat", { eventId: EVENT }));
    expect(overview.counts.state).toEqual({ awaitingApproval: 1, confirmed: 1 });
  });
});
