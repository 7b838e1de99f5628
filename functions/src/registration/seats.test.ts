import { describe, expect, it } from "vitest";
import { releaseSeats, roomsPendingAfter, seatsLeft, takeSeats, withPendingRooms } from "./seats.js";

const settings = {
  sessionRooms: [
    { session: 0, places: 2 },
    { session: 3, places: 1 },
  ],
  privateSessions: [] as number[],
};

describe("room seats", () => {
  it("takes a seat of each room asked for while one is left, in the order asked, and records a full room as waited for", () => {
    const held: Record<string, number> = { "3": 1 };
    expect(takeSeats({ category: "observer", sessions: [3, 0, 1] }, settings, held)).toEqual({
      seats: [0],
      seatsWaiting: [3],
    });
    expect(takeSeats({ category: "observer", sessions: [0] }, settings, held)).toEqual({
      seats: [0],
      seatsWaiting: [],
    });
    expect(takeSeats({ category: "observer", sessions: [0] }, settings, held)).toEqual({
      seats: [],
      seatsWaiting: [0],
    });
    expect(held).toEqual({ "0": 2, "3": 1 });
    expect(seatsLeft(settings, held)).toEqual(
      new Map([
        [0, 0],
        [3, 0],
      ]),
    );
  });

  it("seats a private session's room only for an accredited delegate, and records no wait for anyone else", () => {
    const privateRoom = { ...settings, privateSessions: [3] };
    const held: Record<string, number> = {};
    expect(takeSeats({ category: "delegate", sessions: [0, 3] }, privateRoom, held)).toEqual({
      seats: [0],
      seatsWaiting: [],
    });
    expect(takeSeats({ category: "observer", sessions: [3], accredited: true }, privateRoom, held)).toBeUndefined();
    expect(held).toEqual({ "0": 1 });
    expect(takeSeats({ category: "delegate", sessions: [3], accredited: true }, privateRoom, held)).toEqual({
      seats: [3],
      seatsWaiting: [],
    });
    expect(takeSeats({ category: "delegate", sessions: [3], accredited: true }, privateRoom, held)).toEqual({
      seats: [],
      seatsWaiting: [3],
    });
  });

  it("gives nothing and writes nothing for a person who asked for no room", () => {
    const held = {};
    expect(takeSeats({ category: "observer", sessions: [1, 2] }, settings, held)).toBeUndefined();
    expect(releaseSeats({}, held)).toEqual({ freed: [], fields: {} });
    expect(held).toEqual({});
  });

  it("keeps the seats and waits already recorded when more sessions are added, and never counts one twice", () => {
    const held: Record<string, number> = { "0": 1, "3": 1 };
    expect(
      takeSeats({ category: "observer", sessions: [0, 3], seats: [0], seatsWaiting: [3] }, settings, held),
    ).toEqual({
      seats: [0],
      seatsWaiting: [3],
    });
    expect(held).toEqual({ "0": 1, "3": 1 });
  });

  it("gives back the seats held, never below zero", () => {
    const held: Record<string, number> = { "0": 1 };
    expect(releaseSeats({ seats: [0, 3], seatsWaiting: [] }, held).freed).toEqual([0, 3]);
    expect(held).toEqual({ "0": 0, "3": 0 });
  });

  it("seats nobody in a pending room: whoever gets a place waits for it, and other rooms seat as before", () => {
    const held: Record<string, number> = {};
    expect(takeSeats({ category: "observer", sessions: [0, 3] }, settings, held, [3])).toEqual({
      seats: [0],
      seatsWaiting: [3],
    });
    expect(held).toEqual({ "0": 1 });
  });

  it("marks pending the rooms a change gives to sessions that had none, keeps those still pending, drops those removed", () => {
    const none = { sessionRooms: [] };
    expect(roomsPendingAfter(none, settings, [])).toEqual([0, 3]);
    expect(roomsPendingAfter({ sessionRooms: [{ session: 0, places: 1 }] }, settings, [])).toEqual([3]);
    expect(roomsPendingAfter(settings, settings, [3])).toEqual([3]);
    expect(roomsPendingAfter(settings, { sessionRooms: [{ session: 0, places: 5 }] }, [3])).toEqual([]);
    const counter = { eventId: "e", placesHeld: 1, lastSeq: 0, decided: 1, updatedAtMs: 0, seatsHeld: {} };
    expect(withPendingRooms({ ...counter, roomsPending: [3] }, [])).toEqual(counter);
    expect(withPendingRooms(counter, [3, 0])).toEqual({ ...counter, roomsPending: [0, 3] });
  });
});
