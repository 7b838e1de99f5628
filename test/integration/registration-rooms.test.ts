import { describe, expect, it } from "vitest";
import type { Registration } from "../../functions/src/model/index.js";
import { allocateConfirmations, type Decision } from "../../functions/src/registration/allocator.js";
import { cancelRegistration, claimOffer, lapseOffers } from "../../functions/src/registration/cancellation.js";
import { answerInvitation } from "../../functions/src/registration/delegations/answer.js";
import { newAnswerToken } from "../../functions/src/registration/delegations/answer-links.js";
import { decideDelegation } from "../../functions/src/registration/delegations/delegations.js";
import { delegations } from "../../functions/src/registration/delegations/store.js";
import { registrationId } from "../../functions/src/registration/keys.js";
import { confirmRegistration, requestRegistration } from "../../functions/src/registration/requests.js";
import { giveSeatsOfRaisedRooms, onRoomsChanged } from "../../functions/src/registration/room-changes.js";
import { registrationCounters, registrationSettings, registrations } from "../../functions/src/registration/store.js";
import { emulatedProject } from "../support/functions-admin.js";
import {
  byConfirmation,
  confirmed,
  decider,
  HOUR,
  KEY,
  mailsTo,
  openEvent,
  purposesOf,
} from "../support/registration-mail.js";

// Sessions with a room of their own: a seat of the room comes with the place, in the same
// transaction and the same order, and a room never holds more people than its places.

const PROJECT = `demo-registration-rooms-${process.pid}`;
const NOW = new Date("2027-03-01T12:00:00Z");
const clock = () => NOW;
const later = () => new Date(NOW.getTime() + 49 * HOUR);

const db = emulatedProject(PROJECT);

/** Session 0 has a room of its own (`seats` places); session 1 comes with the event's place. */
const SESSIONS = [
  {
    type: "workshop" as const,
    title: { es: "Taller de compras", en: "Procurement workshop" },
    topics: [],
    topicIds: [],
  },
  { type: "forum" as const, title: { es: "Foro abierto", en: "Open forum" }, topics: [], topicIds: [] },
];
const openRoomEvent = (id: string, places: number, seats: number) =>
  openEvent(db, id, places, NOW, { sessions: SESSIONS }, { sessionRooms: [{ session: 0, places: seats }] });

type Row = Registration & { id: string };
async function recordsOf(eventId: string): Promise<Row[]> {
  const snap = await registrations(db).where("eventId", "==", eventId).get();
  return snap.docs.map((doc) => ({ id: doc.id, ...doc.data() }));
}
const recordOf = async (id: string) => (await registrations(db).doc(id).get()).data();
const counterOf = async (eventId: string) => (await registrationCounters(db).doc(eventId).get()).data();

/** Mexico's member, who names the delegations of these tests. */
const author = { memberId: "member-mx", role: "member" as const };

/** A person Mexico's member named to a delegation, not yet answered. */
const named = (id: string, name: string, address: string, role: "head" | "delegate") => ({
  name,
  address,
  institution: "Compras MX",
  lang: "es" as const,
  role,
  id,
  state: "invited" as const,
  invitedAtMs: NOW.getTime(),
  namedBy: author,
});

describe("registration rooms", () => {
  it("gives exactly the room's seats, in the order of confirmation, however many confirm and allocate at once", async () => {
    const event = "rooms-rush";
    const people = 60;
    const places = 20;
    const seats = 5;
    await openRoomEvent(event, places, seats);
    // Two people in three ask for the room; everyone asks for the open forum, which has no room.
    const asksRoom = (i: number) => i % 3 !== 0;
    const pending = await Promise.all(
      Array.from({ length: people }, (_, i) =>
        requestRegistration({ db, clock, key: KEY }, event, {
          name: `Persona ${i}`,
          address: `rooms-rush-${i}@example.org`,
          institution: "Dirección de Compras",
          country: "CL",
          category: "observer",
          lang: "es",
          sessions: asksRoom(i) ? [0, 1] : [1],
        }),
      ),
    );
    let allConfirmed = false;
    const confirmations = Promise.all(
      pending.map(async (asked) => {
        if (asked.outcome !== "pending") throw new Error("request refused");
        expect((await confirmRegistration({ db, clock }, event, asked.id, asked.token)).outcome).toBe("confirming");
      }),
    ).finally(() => {
      allConfirmed = true;
    });
    const allocator = async () => {
      const decided: Decision[] = [];
      for (;;) {
        const last = allConfirmed;
        decided.push(...(await allocateConfirmations(decider(db, clock), event, 7)));
        if (last) return decided;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const runs = Array.from({ length: 5 }, allocator);
    await confirmations;
    const decisions = (await Promise.all(runs)).flat();
    expect(decisions).toHaveLength(people);
    expect(new Set(decisions.map((d) => d.id)).size).toBe(people);

    const records = (await recordsOf(event)).sort(byConfirmation);
    const holding = records.slice(0, places);
    expect(holding.map((r) => r.status.state)).toEqual(Array(places).fill("confirmed"));
    const askers = holding.filter((r) => r.sessions.includes(0));
    // The first askers in the order of confirmation hold the seats; the others hold the place
    // and wait for the room; nobody who did not ask, and nobody on the waiting list, holds one.
    expect(askers.slice(0, seats).map((r) => [r.seats, r.seatsWaiting])).toEqual(Array(seats).fill([[0], []]));
    expect(askers.slice(seats).map((r) => [r.seats, r.seatsWaiting])).toEqual(
      Array(askers.length - seats).fill([[], [0]]),
    );
    expect(holding.filter((r) => !r.sessions.includes(0)).every((r) => r.seats === undefined)).toBe(true);
    expect(records.slice(places).every((r) => r.seats === undefined && r.seatsWaiting === undefined)).toBe(true);
    expect(records.filter((r) => r.seats?.includes(0))).toHaveLength(seats);
    expect(await counterOf(event)).toMatchObject({ placesHeld: places, seatsHeld: { "0": seats } });
  }, 90_000);

  it("has an offer take a free seat, and a lapse or a cancellation give it back", async () => {
    const event = "rooms-offer";
    await openRoomEvent(event, 2, 2);
    const [a, b, c, d] = [
      await confirmed(db, clock, event, "ro-a", { sessions: [0] }),
      await confirmed(db, clock, event, "ro-b", { sessions: [0] }),
      await confirmed(db, clock, event, "ro-c", { sessions: [0, 1] }),
      await confirmed(db, clock, event, "ro-d", { sessions: [0] }),
    ];
    await allocateConfirmations(decider(db, clock), event);
    expect(await recordOf(a)).toMatchObject({ status: { state: "confirmed" }, seats: [0], seatsWaiting: [] });
    expect(await recordOf(c)).toMatchObject({ status: { state: "waitlisted", seq: 1 } });
    expect((await recordOf(c))?.seats).toBeUndefined();

    // The place a gives up is offered to c with the seat a held: an offer counts as held.
    const cancelled = await cancelRegistration(decider(db, clock), event, a);
    expect(cancelled).toMatchObject({
      outcome: "cancelled",
      offers: [{ id: c, status: { state: "offered" }, seats: { seats: [0], seatsWaiting: [] } }],
    });
    expect(await recordOf(a)).toMatchObject({ status: { state: "cancelled", from: "confirmed" } });
    expect((await recordOf(a))?.seats).toBeUndefined();
    expect(await recordOf(c)).toMatchObject({ status: { state: "offered" }, seats: [0], seatsWaiting: [] });
    expect(await counterOf(event)).toMatchObject({ placesHeld: 2, seatsHeld: { "0": 2 } });
    const offer = (await mailsTo(db, c)).at(-1);
    expect(offer?.key.purpose).toBe("registration.offered");
    expect(offer?.text).toContain("Sesiones en las que tiene lugar: Taller de compras y Foro abierto.");

    // c lets it lapse: the place and the seat pass on together to d.
    expect(await lapseOffers(decider(db, later))).toMatchObject([
      { id: d, status: { state: "offered" }, seats: { seats: [0], seatsWaiting: [] } },
    ]);
    expect((await recordOf(c))?.seats).toBeUndefined();
    expect(await counterOf(event)).toMatchObject({ placesHeld: 2, seatsHeld: { "0": 2 } });

    // d takes it (the seat stays counted once); b leaves and nobody is waiting: the seat is free.
    expect(await claimOffer(decider(db, clock), event, d)).toEqual({ outcome: "confirmed" });
    expect(await recordOf(d)).toMatchObject({ status: { state: "confirmed", via: "offer" }, seats: [0] });
    expect(await cancelRegistration(decider(db, clock), event, b)).toEqual({ outcome: "cancelled", offers: [] });
    expect(await counterOf(event)).toMatchObject({ placesHeld: 1, seatsHeld: { "0": 1 } });
  });

  it("gives a freed seat to the first person holding a place who waits for the room, and tells them", async () => {
    const event = "rooms-freed";
    await openRoomEvent(event, 4, 2);
    const [a, , c, d, e] = [
      await confirmed(db, clock, event, "rf-a", { sessions: [0] }),
      await confirmed(db, clock, event, "rf-b", { sessions: [0] }),
      await confirmed(db, clock, event, "rf-c", { sessions: [0], lang: "en" }),
      await confirmed(db, clock, event, "rf-d", { sessions: [0] }),
      await confirmed(db, clock, event, "rf-e", { sessions: [0] }),
    ];
    await allocateConfirmations(decider(db, clock), event);
    expect(await recordOf(c)).toMatchObject({ status: { state: "confirmed" }, seats: [], seatsWaiting: [0] });
    expect(await recordOf(d)).toMatchObject({ status: { state: "confirmed" }, seats: [], seatsWaiting: [0] });

    // The decision emails say which sessions came with the place, and that the room was full.
    const [placeA] = (await mailsTo(db, a)).filter((m) => m.key.purpose === "registration.confirmed");
    expect(placeA?.text).toContain("Sesiones en las que tiene lugar: Taller de compras.");
    const [placeC] = (await mailsTo(db, c)).filter((m) => m.key.purpose === "registration.confirmed");
    expect(placeC?.text).toContain(
      "The room of the session Procurement workshop was full: you hold the event place, without a seat in that session.",
    );
    expect(placeC?.text).toContain("in the order of confirmation, and you will be told by email");
    expect(placeC?.text).not.toContain("Sessions you hold a place in");

    // a leaves: the seat goes to c (confirmed before d), the place is offered to e without it.
    await cancelRegistration(decider(db, clock), event, a);
    expect(await recordOf(c)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(await recordOf(d)).toMatchObject({ seats: [], seatsWaiting: [0] });
    expect(await recordOf(e)).toMatchObject({ status: { state: "offered" }, seats: [], seatsWaiting: [0] });
    expect(await counterOf(event)).toMatchObject({ placesHeld: 4, seatsHeld: { "0": 2 } });
    const given = (await mailsTo(db, c)).at(-1);
    expect(given?.key.purpose).toBe("registration.seatGiven");
    expect(given?.subject).toBe(`A seat in Procurement workshop is now yours: Conference ${event}`);
    expect(purposesOf(await mailsTo(db, d))).toEqual(["registration.confirmed"]);

    // The committee gives the room two more places: d, then e (who holds an offer), get them.
    const before = (await registrationSettings(db).doc(event).get()).data();
    if (!before) throw new Error("settings");
    const after = { ...before, sessionRooms: [{ session: 0, places: 4 }] };
    await registrationSettings(db).doc(event).set(after);
    expect(await giveSeatsOfRaisedRooms(decider(db, clock), event, before, after)).toBe(2);
    expect(await giveSeatsOfRaisedRooms(decider(db, clock), event, before, after)).toBe(0);
    expect(await recordOf(d)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(await recordOf(e)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(await counterOf(event)).toMatchObject({ seatsHeld: { "0": 4 } });
    expect((await mailsTo(db, e)).at(-1)?.key.purpose).toBe("registration.seatGiven");

    // Fewer places than seats held take nobody's seat; the four holding one are told so, once,
    // and a seat freed then is not given.
    const lowered = { ...after, sessionRooms: [{ session: 0, places: 2 }] };
    await registrationSettings(db).doc(event).set(lowered);
    const changeDeps = { ...decider(db, clock), log: () => {} };
    expect(await onRoomsChanged(changeDeps, event, "change-1", after, lowered)).toBe(4);
    expect(await onRoomsChanged(changeDeps, event, "change-1", after, lowered)).toBe(0);
    const told = (await mailsTo(db, d)).at(-1);
    expect(told?.key.purpose).toBe("registration.roomLowered");
    expect(told?.text).toContain(
      "El comité redujo los lugares de la sala de Taller de compras (Conferencia rooms-freed). Nadie pierde un asiento ya dado, y el suyo se mantiene.",
    );
    await cancelRegistration(decider(db, clock), event, c);
    expect(await counterOf(event)).toMatchObject({ seatsHeld: { "0": 3 } });
    expect(await recordOf(d)).toMatchObject({ seats: [0] });
  });

  it("seats a delegate who already held a place in the rooms they had not asked for, while the room has one", async () => {
    const event = "rooms-delegates";
    await openRoomEvent(event, 5, 1);
    const [ana, ben] = [
      await confirmed(db, clock, event, "rd-ana", { sessions: [1] }),
      await confirmed(db, clock, event, "rd-ben"),
    ];
    await allocateConfirmations(decider(db, clock), event);
    expect((await recordOf(ana))?.seats).toBeUndefined();
    const delegation = `${event}__MX`;
    await delegations(db)
      .doc(delegation)
      .set({
        eventId: event,
        country: "MX",
        state: "accredited",
        people: [
          named(ana, "rd-ana", "persona-rd-ana@example.org", "head"),
          named(ben, "rd-ben", "persona-rd-ben@example.org", "delegate"),
        ],
        updatedBy: author,
        createdAtMs: NOW.getTime(),
        updatedAtMs: NOW.getTime(),
      });
    const accept = (id: string) =>
      answerInvitation(
        { db, clock, key: KEY },
        { d: delegation, p: id, t: newAnswerToken(KEY, delegation, id, NOW.getTime()) },
        "accept",
      );
    expect((await accept(ana)).outcome).toBe("accepted");
    expect(await recordOf(ana)).toMatchObject({ sessions: [0, 1], seats: [0], seatsWaiting: [] });
    expect((await accept(ben)).outcome).toBe("accepted");
    expect(await recordOf(ben)).toMatchObject({ sessions: [0, 1], seats: [], seatsWaiting: [0] });
    expect(await counterOf(event)).toMatchObject({ placesHeld: 2, seatsHeld: { "0": 1 } });
  });

  it("seats a private session's room only once the delegation is accredited, then in the order of confirmation", async () => {
    const event = "rooms-private";
    // Session 0 is private, with a room of one seat; session 1 comes with the event's place.
    await openEvent(
      db,
      event,
      5,
      NOW,
      { sessions: SESSIONS },
      { sessionRooms: [{ session: 0, places: 1 }], privateSessions: [0] },
    );
    // Ana already holds a place when she accepts; Ben's registration is made by his acceptance.
    const ana = await confirmed(db, clock, event, "rp-ana", { sessions: [1] });
    await allocateConfirmations(decider(db, clock), event);
    const benAddress = "persona-rp-ben@example.org";
    const ben = registrationId(KEY, event, benAddress);
    const delegation = `${event}__MX`;
    await delegations(db)
      .doc(delegation)
      .set({
        eventId: event,
        country: "MX",
        state: "submitted",
        people: [
          named(ana, "rp-ana", "persona-rp-ana@example.org", "head"),
          named(ben, "rp-ben", benAddress, "delegate"),
        ],
        updatedBy: author,
        createdAtMs: NOW.getTime(),
        updatedAtMs: NOW.getTime(),
      });
    const accept = (id: string) =>
      answerInvitation(
        { db, clock, key: KEY },
        { d: delegation, p: id, t: newAnswerToken(KEY, delegation, id, NOW.getTime()) },
        "accept",
      );
    expect((await accept(ana)).outcome).toBe("accepted");
    expect((await accept(ben)).outcome).toBe("accepted");
    await allocateConfirmations(decider(db, clock), event);

    // Both hold the event's place and come to every session, but not accredited: no seat taken
    // in the private room, none waited for.
    for (const id of [ana, ben]) {
      const record = await recordOf(id);
      expect(record).toMatchObject({ status: { state: "confirmed" }, category: "delegate", sessions: [0, 1] });
      expect(record?.seats ?? []).toEqual([]);
      expect(record?.seatsWaiting ?? []).toEqual([]);
    }
    expect((await counterOf(event))?.seatsHeld["0"] ?? 0).toBe(0);

    // Accredited: the one seat goes to Ana, who confirmed first; Ben waits for the room.
    const secretariat = { uid: "s", role: "secretariat" as const, memberId: "s", seat: false };
    await decideDelegation({ db, clock, key: KEY }, secretariat, {
      eventId: event,
      country: "MX",
      decision: "accredit",
    });
    expect(await recordOf(ana)).toMatchObject({ accredited: true, seats: [0], seatsWaiting: [] });
    expect(await recordOf(ben)).toMatchObject({ accredited: true, seats: [], seatsWaiting: [0] });
    expect(await counterOf(event)).toMatchObject({ placesHeld: 2, seatsHeld: { "0": 1 } });
  });

  it("seats those already holding a place when a session is given a room, in the order of confirmation, and tells only those left waiting", async () => {
    const event = "rooms-added";
    await openEvent(db, event, 5, NOW, { sessions: SESSIONS });
    const [a, b, c, d] = [
      await confirmed(db, clock, event, "ra-a", { sessions: [0, 1] }),
      await confirmed(db, clock, event, "ra-b", { sessions: [0] }),
      await confirmed(db, clock, event, "ra-c", { sessions: [0], lang: "en" }),
      await confirmed(db, clock, event, "ra-d", { sessions: [1] }),
    ];
    await allocateConfirmations(decider(db, clock), event);
    expect((await recordOf(a))?.seats).toBeUndefined();

    const before = (await registrationSettings(db).doc(event).get()).data();
    if (!before) throw new Error("settings");
    const after = { ...before, sessionRooms: [{ session: 0, places: 2 }] };
    await registrationSettings(db).doc(event).set(after);
    const changeDeps = { ...decider(db, clock), log: () => {} };
    expect(await onRoomsChanged(changeDeps, event, "room-added-1", before, after)).toBe(3);
    // A second delivery of the same change finds everyone decided.
    expect(await onRoomsChanged(changeDeps, event, "room-added-1", before, after)).toBe(0);
    expect(await recordOf(a)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(await recordOf(b)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(await recordOf(c)).toMatchObject({ seats: [], seatsWaiting: [0] });
    expect((await recordOf(d))?.seats).toBeUndefined();
    expect(await counterOf(event)).toMatchObject({ placesHeld: 4, seatsHeld: { "0": 2 } });
    expect(purposesOf(await mailsTo(db, a))).toEqual(["registration.confirmed"]);
    expect(purposesOf(await mailsTo(db, d))).toEqual(["registration.confirmed"]);
    const told = await mailsTo(db, c);
    expect(purposesOf(told)).toEqual(["registration.confirmed", "registration.roomAdded"]);
    expect(told.at(-1)?.subject).toBe(
      `The session Procurement workshop now has a room of its own: Conference ${event}`,
    );
    expect(told.at(-1)?.text).toContain("Its seats went to those who confirmed before you");

    // The one waiting is first for a seat freed, as for any room.
    await cancelRegistration(decider(db, clock), event, a);
    expect(await recordOf(c)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(await counterOf(event)).toMatchObject({ seatsHeld: { "0": 2 } });
  });
});

// A room given to a session while people confirm. The committee's change marks the room pending
// on the counter (registrations-open), and the allocator may decide before or after the
// registrationPlaces trigger seats it: either way the room's seats go to those holding a place
// who asked for it, in the order of confirmation, before anyone confirming later.
describe("a room added while people confirm", () => {
  /** The committee's change of settings, as the registrations-open callable makes it. */
  async function changeSettings(settings: Awaited<ReturnType<typeof settingsOf>>) {
    const { openRegistration } = await import("../../functions/src/committee/registrations/settings.js");
    const actor = { uid: "committee-cl", memberId: "committee-cl", role: "committee" as const, seat: true };
    await openRegistration({ db, clock }, actor, { settings });
  }
  const settingsOf = async (eventId: string) => {
    const found = (await registrationSettings(db).doc(eventId).get()).data();
    if (!found) throw new Error(`no settings for ${eventId}`);
    return found;
  };
  const changeDeps = () => ({ ...decider(db, clock), log: () => {} });

  for (const order of ["allocator", "seating"] as const) {
    it(`seats the earlier holders first when the ${order} runs first after the change`, async () => {
      const event = `rooms-race-${order}`;
      await openEvent(db, event, 6, NOW, { sessions: SESSIONS });
      const a = await confirmed(db, clock, event, `${order}-a`, { sessions: [0, 1] });
      const b = await confirmed(db, clock, event, `${order}-b`, { sessions: [0] });
      await allocateConfirmations(decider(db, clock), event);
      const before = await settingsOf(event);
      const after = { ...before, sessionRooms: [{ session: 0, places: 3 }] };
      await changeSettings(after);
      expect(await counterOf(event)).toMatchObject({ placesHeld: 2, roomsPending: [0] });
      // Two more confirm once the room exists; the trigger has not seated it yet.
      const c = await confirmed(db, clock, event, `${order}-c`, { sessions: [0] });
      const d = await confirmed(db, clock, event, `${order}-d`, { sessions: [0, 1] });
      const seat = () => onRoomsChanged(changeDeps(), event, `${event}-change`, before, after);
      if (order === "allocator") {
        await allocateConfirmations(decider(db, clock), event);
        // Decided while the room is pending: they hold the place and wait for the room.
        expect(await recordOf(c)).toMatchObject({ status: { state: "confirmed" }, seats: [], seatsWaiting: [0] });
        expect(await recordOf(d)).toMatchObject({ status: { state: "confirmed" }, seats: [], seatsWaiting: [0] });
        expect((await counterOf(event))?.seatsHeld).toEqual({});
        // a and b seated by the trigger, then the seat left to c, the first who waited.
        expect(await seat()).toBe(3);
      } else {
        expect(await seat()).toBe(2);
        await allocateConfirmations(decider(db, clock), event);
      }
      // A second delivery of the change finds everyone decided and the room open.
      expect(await seat()).toBe(0);
      expect(await recordOf(a)).toMatchObject({ seats: [0], seatsWaiting: [] });
      expect(await recordOf(b)).toMatchObject({ seats: [0], seatsWaiting: [] });
      expect(await recordOf(c)).toMatchObject({ seats: [0], seatsWaiting: [] });
      expect(await recordOf(d)).toMatchObject({ status: { state: "confirmed" }, seats: [], seatsWaiting: [0] });
      const counter = await counterOf(event);
      expect(counter).toMatchObject({ placesHeld: 4, seatsHeld: { "0": 3 } });
      expect(counter?.roomsPending).toBeUndefined();
      expect(purposesOf(await mailsTo(db, a))).toEqual(["registration.confirmed"]);
      expect(purposesOf(await mailsTo(db, b))).toEqual(["registration.confirmed"]);
      expect(purposesOf(await mailsTo(db, c))).toEqual(
        order === "allocator" ? ["registration.confirmed", "registration.seatGiven"] : ["registration.confirmed"],
      );
      expect(purposesOf(await mailsTo(db, d))).toEqual(["registration.confirmed"]);

      // Open now: a seat freed goes to the first waiting, as for any room.
      await cancelRegistration(decider(db, clock), event, a);
      expect(await recordOf(d)).toMatchObject({ seats: [0], seatsWaiting: [] });
      expect(await counterOf(event)).toMatchObject({ placesHeld: 3, seatsHeld: { "0": 3 } });
    });
  }

  it("keeps the order of confirmation for its seats while many confirm and allocators run as the room is added", async () => {
    const event = "rooms-race-rush";
    const places = 40;
    const seats = 12;
    const early = 10;
    const late = 30;
    await openEvent(db, event, places, NOW, { sessions: SESSIONS });
    const ask = (i: number) =>
      requestRegistration({ db, clock, key: KEY }, event, {
        name: `Persona ${i}`,
        address: `rooms-race-${i}@example.org`,
        institution: "Dirección de Compras",
        country: "CL",
        category: "observer",
        lang: "es",
        // Two people in three ask for the session given a room; everyone for the open forum.
        sessions: i % 3 !== 0 ? [0, 1] : [1],
      });
    const confirm = async (asked: Awaited<ReturnType<typeof ask>>) => {
      if (asked.outcome !== "pending") throw new Error("request refused");
      expect((await confirmRegistration({ db, clock }, event, asked.id, asked.token)).outcome).toBe("confirming");
    };
    // The first people hold their place before the session has a room.
    for (const asked of await Promise.all(Array.from({ length: early }, (_, i) => ask(i)))) await confirm(asked);
    await allocateConfirmations(decider(db, clock), event);
    const before = await settingsOf(event);
    const after = { ...before, sessionRooms: [{ session: 0, places: seats }] };

    const pending = await Promise.all(Array.from({ length: late }, (_, i) => ask(early + i)));
    let allConfirmed = false;
    const confirmations = Promise.all(pending.map(confirm)).finally(() => {
      allConfirmed = true;
    });
    const allocator = async () => {
      for (;;) {
        const last = allConfirmed;
        await allocateConfirmations(decider(db, clock), event, 7);
        if (last) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const runs = Array.from({ length: 4 }, allocator);
    // The committee gives the session a room once the allocators are deciding the later ones,
    // and the trigger seats it while they go on.
    const roomAdded = (async () => {
      for (let tries = 0; tries < 200 && ((await counterOf(event))?.decided ?? 0) <= early; tries += 1)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await changeSettings(after);
      return onRoomsChanged(changeDeps(), event, `${event}-change`, before, after);
    })();
    await Promise.all([confirmations, roomAdded, ...runs]);
    await allocateConfirmations(decider(db, clock), event);

    const records = (await recordsOf(event)).sort(byConfirmation);
    expect(records.map((r) => r.status.state)).toEqual(Array(early + late).fill("confirmed"));
    const askers = records.filter((r) => r.sessions.includes(0));
    expect(askers.slice(0, seats).map((r) => [r.seats, r.seatsWaiting])).toEqual(Array(seats).fill([[0], []]));
    expect(askers.slice(seats).map((r) => [r.seats, r.seatsWaiting])).toEqual(
      Array(askers.length - seats).fill([[], [0]]),
    );
    expect(records.filter((r) => !r.sessions.includes(0)).every((r) => r.seats === undefined)).toBe(true);
    const counter = await counterOf(event);
    expect(counter).toMatchObject({ placesHeld: places, seatsHeld: { "0": seats } });
    expect(counter?.roomsPending).toBeUndefined();
  }, 120_000);
});

// A room taken away from a session (the settings saved without it): the session comes with the
// event's place again, so its seats and waits are forgotten, on the people and on the counter.
describe("a room taken away, and a room still being seated", () => {
  const changeDeps = () => ({ ...decider(db, clock), log: () => {} });
  const settingsOf = async (eventId: string) => {
    const found = (await registrationSettings(db).doc(eventId).get()).data();
    if (!found) throw new Error(`no settings for ${eventId}`);
    return found;
  };

  it("forgets the seats and waits of a room taken away, tells those who waited once, and counts afresh a room given again", async () => {
    const event = "rooms-removed";
    await openRoomEvent(event, 6, 2);
    const a = await confirmed(db, clock, event, "rr-a", { sessions: [0, 1] });
    const b = await confirmed(db, clock, event, "rr-b", { sessions: [0] });
    const c = await confirmed(db, clock, event, "rr-c", { sessions: [0], lang: "en" });
    const d = await confirmed(db, clock, event, "rr-d", { sessions: [1] });
    await allocateConfirmations(decider(db, clock), event);
    expect(await recordOf(c)).toMatchObject({ seats: [], seatsWaiting: [0] });
    expect(await counterOf(event)).toMatchObject({ placesHeld: 4, seatsHeld: { "0": 2 } });

    const before = await settingsOf(event);
    const after = { ...before, sessionRooms: [] };
    await registrationSettings(db).doc(event).set(after);
    expect(await onRoomsChanged(changeDeps(), event, "room-removed-1", before, after)).toBe(3);
    // A second delivery of the same change finds nothing left to forget, and tells nobody again.
    expect(await onRoomsChanged(changeDeps(), event, "room-removed-1", before, after)).toBe(0);
    for (const id of [a, b, c, d]) {
      const record = await recordOf(id);
      expect(record?.status.state).toBe("confirmed");
      expect(record?.seats).toBeUndefined();
      expect(record?.seatsWaiting).toBeUndefined();
    }
    const counter = await counterOf(event);
    expect(counter).toMatchObject({ placesHeld: 4, seatsHeld: {} });
    expect(counter?.roomsPending).toBeUndefined();
    expect(purposesOf(await mailsTo(db, a))).toEqual(["registration.confirmed"]);
    expect(purposesOf(await mailsTo(db, b))).toEqual(["registration.confirmed"]);
    expect(purposesOf(await mailsTo(db, d))).toEqual(["registration.confirmed"]);
    const told = await mailsTo(db, c);
    expect(purposesOf(told)).toEqual(["registration.confirmed", "registration.roomRemoved"]);
    expect(told.at(-1)?.subject).toBe(
      `The session Procurement workshop no longer has limited places: Conference ${event}`,
    );
    expect(told.at(-1)?.text).toContain("the session comes with your place");

    // Someone confirming now holds the session with the place, as in any session without a room.
    const e = await confirmed(db, clock, event, "rr-e", { sessions: [0] });
    await allocateConfirmations(decider(db, clock), event);
    expect(await recordOf(e)).toMatchObject({ status: { state: "confirmed" } });
    expect((await recordOf(e))?.seats).toBeUndefined();
    // A cancellation gives back no seat of a room that is gone, and nobody is given one.
    await cancelRegistration(decider(db, clock), event, a);
    expect(await counterOf(event)).toMatchObject({ placesHeld: 4, seatsHeld: {} });

    // The room given again counts only the seats taken then: the old count does not linger.
    const again = { ...after, sessionRooms: [{ session: 0, places: 2 }] };
    await registrationSettings(db).doc(event).set(again);
    expect(await onRoomsChanged(changeDeps(), event, "room-added-2", after, again)).toBe(3);
    expect(await recordOf(b)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(await recordOf(c)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(await recordOf(e)).toMatchObject({ seats: [], seatsWaiting: [0] });
    expect(await counterOf(event)).toMatchObject({ placesHeld: 4, seatsHeld: { "0": 2 } });
  });

  it("forgets a room taken away while the allocators run, with nobody seated in it afterwards", async () => {
    const event = "rooms-removed-rush";
    await openRoomEvent(event, 30, 4);
    const early = await Promise.all(
      Array.from({ length: 8 }, (_, i) => confirmed(db, clock, event, `rrr-${i}`, { sessions: [0, 1] })),
    );
    await allocateConfirmations(decider(db, clock), event);
    const before = await settingsOf(event);
    const after = { ...before, sessionRooms: [] };
    const late = Promise.all(
      Array.from({ length: 12 }, (_, i) => confirmed(db, clock, event, `rrr-late-${i}`, { sessions: [0, 1] })),
    );
    const removed = (async () => {
      await registrationSettings(db).doc(event).set(after);
      return onRoomsChanged(changeDeps(), event, "room-removed-rush", before, after);
    })();
    const runs = Array.from({ length: 3 }, () => allocateConfirmations(decider(db, clock), event, 5));
    await Promise.all([late, removed, ...runs]);
    await allocateConfirmations(decider(db, clock), event);
    const records = await recordsOf(event);
    expect(records.map((r) => r.status.state)).toEqual(Array(early.length + 12).fill("confirmed"));
    // Anyone decided before the change could hold a seat; the trigger forgot them all.
    expect(records.filter((r) => (r.seats ?? []).length > 0 || (r.seatsWaiting ?? []).length > 0)).toEqual([]);
    expect(await counterOf(event)).toMatchObject({ placesHeld: 20, seatsHeld: {} });
    // Only those who waited were told, once each.
    const told = await Promise.all(early.map(async (id) => purposesOf(await mailsTo(db, id))));
    expect(told.filter((p) => p.includes("registration.roomRemoved")).length).toBe(4);
    expect(told.every((p) => p.filter((x) => x === "registration.roomRemoved").length <= 1)).toBe(true);
  }, 120_000);

  it("tells a place given while a room is pending that its seats are being given in order, never that it was full", async () => {
    const event = "rooms-pending-mail";
    await openEvent(db, event, 6, NOW, { sessions: SESSIONS });
    const a = await confirmed(db, clock, event, "rp-a", { sessions: [0] });
    await allocateConfirmations(decider(db, clock), event);
    const before = await settingsOf(event);
    const after = { ...before, sessionRooms: [{ session: 0, places: 2 }] };
    const { openRegistration } = await import("../../functions/src/committee/registrations/settings.js");
    const actor = { uid: "committee-cl", memberId: "committee-cl", role: "committee" as const, seat: true };
    await openRegistration({ db, clock }, actor, { settings: after });
    expect(await counterOf(event)).toMatchObject({ roomsPending: [0] });
    const b = await confirmed(db, clock, event, "rp-b", { sessions: [0], lang: "en" });
    await allocateConfirmations(decider(db, clock), event);
    const placed = await mailsTo(db, b);
    expect(purposesOf(placed)).toEqual(["registration.confirmed"]);
    expect(placed[0]?.text).toContain(
      "The session Procurement workshop has just been given a room of its own, and its seats are being given in the order of confirmation",
    );
    expect(placed[0]?.text).not.toContain("was full");

    // The room opens: the earlier holder is seated first, then the seat left is theirs, told so.
    expect(await onRoomsChanged(changeDeps(), event, `${event}-change`, before, after)).toBe(2);
    expect(await recordOf(a)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(await recordOf(b)).toMatchObject({ seats: [0], seatsWaiting: [] });
    expect(purposesOf(await mailsTo(db, b))).toEqual(["registration.confirmed", "registration.seatGiven"]);
    // Once the room is open and full, a place given says plainly that it was full.
    const c = await confirmed(db, clock, event, "rp-c", { sessions: [0], lang: "en" });
    await allocateConfirmations(decider(db, clock), event);
    const full = await mailsTo(db, c);
    expect(full[0]?.text).toContain("The room of the session Procurement workshop was full");
    expect(full[0]?.text).not.toContain("are being given in the order of confirmation");
  });
});
