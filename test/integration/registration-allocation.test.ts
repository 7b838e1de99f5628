import { describe, expect, it } from "vitest";
import type {
  Event,
  Registration,
  RegistrationRequest,
  RegistrationSettings,
} from "../../functions/src/model/index.js";
import { allocateBatch, allocateConfirmations, type Decision } from "../../functions/src/registration/allocator.js";
import { cancelRegistration, claimOffer, lapseOffers } from "../../functions/src/registration/cancellation.js";
import { registrationId } from "../../functions/src/registration/keys.js";
import { waitlistPosition } from "../../functions/src/registration/positions.js";
import { confirmRegistration, requestRegistration } from "../../functions/src/registration/requests.js";
import { registrationCounters, registrationSettings, registrations } from "../../functions/src/registration/store.js";
import { emulatedProject } from "../support/functions-admin.js";
import {
  byConfirmation,
  decider as deciderAt,
  FORUM_AND_PRIVATE_MEETING,
  HOUR,
  KEY,
  openEvent as openRegistrationEvent,
} from "../support/registration-mail.js";

const PROJECT = `demo-registration-${process.pid}`;
const NOW = new Date("2027-03-01T12:00:00Z");
const clock = () => NOW;

const db = emulatedProject(PROJECT);

const deps = () => ({ db, clock, key: KEY });
/** What a deciding step needs: its emails are queued in the same transaction. */
const decider = (at: () => Date = clock) => deciderAt(db, at);

/** A published conference from 10 to 12 April 2027 in Santiago (its second session private), registration open around NOW with `places`. */
const openEvent = (
  id: string,
  places: number,
  fields: Partial<Event> = {},
  settings: Partial<RegistrationSettings> = {},
) =>
  openRegistrationEvent(
    db,
    id,
    places,
    NOW,
    {
      title: { es: `Conferencia ${id}`, en: `Conference ${id}` },
      start: "2027-04-10",
      end: "2027-04-12",
      sessions: FORUM_AND_PRIVATE_MEETING,
      source: "Written by test/integration/registration-allocation.test.ts",
      ...fields,
    },
    { privateSessions: [1], ...settings },
  );

const person = (i: number | string, fields: Partial<RegistrationRequest> = {}) => ({
  name: `Persona ${i}`,
  address: `persona${i}@example.org`,
  institution: "Dirección de Compras",
  country: "CL",
  category: "observer" as const,
  lang: "es" as const,
  ...fields,
});

/** Registers and confirms, returning the id (the registration is then "confirming"). */
async function confirmed(eventId: string, i: number | string): Promise<string> {
  const asked = await requestRegistration(deps(), eventId, person(i));
  if (asked.outcome !== "pending") throw new Error(`request refused: ${JSON.stringify(asked)}`);
  const outcome = await confirmRegistration({ db, clock }, eventId, asked.id, asked.token);
  expect(outcome).toEqual({ outcome: "confirming", id: asked.id });
  return asked.id;
}

async function recordsOf(eventId: string): Promise<(Registration & { id: string })[]> {
  const snap = await registrations(db).where("eventId", "==", eventId).get();
  return snap.docs.map((doc) => ({ id: doc.id, ...doc.data() }));
}

describe("registration allocation", () => {
  it("gives exactly the places there are, in the order of confirmation, however many allocators run at once", async () => {
    const event = "rush-event";
    const people = 60;
    const places = 20;
    await openEvent(event, places);
    const pending = await Promise.all(
      Array.from({ length: people }, (_, i) => requestRegistration(deps(), event, person(`rush${i}`))),
    );
    // Everyone confirms at once while five allocators run side by side, each deciding small
    // batches over and over, so that batches, allocators and confirmations interleave in every
    // way the emulator allows; each makes one last pass once every confirmation is committed.
    let allConfirmed = false;
    const confirmations = Promise.all(
      pending.map(async (asked) => {
        if (asked.outcome !== "pending") throw new Error("request refused");
        const outcome = await confirmRegistration({ db, clock }, event, asked.id, asked.token);
        expect(outcome.outcome).toBe("confirming");
      }),
    ).finally(() => {
      allConfirmed = true;
    });
    const allocator = async () => {
      const decided: Decision[] = [];
      for (;;) {
        const last = allConfirmed;
        decided.push(...(await allocateConfirmations(decider(), event, 7)));
        if (last) return decided;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const runs = Array.from({ length: 5 }, allocator);
    await confirmations;
    const decisions = (await Promise.all(runs)).flat();
    // A last run finds nothing left: every state was made final exactly once.
    expect(await allocateConfirmations(decider(), event, 7)).toEqual([]);
    expect(decisions).toHaveLength(people);
    expect(new Set(decisions.map((d) => d.id)).size).toBe(people);

    const records = (await recordsOf(event)).sort(byConfirmation);
    expect(records).toHaveLength(people);
    expect(records.slice(0, places).map((r) => r.status.state)).toEqual(Array(places).fill("confirmed"));
    expect(records.slice(places).map((r) => r.status)).toEqual(
      Array.from({ length: people - places }, (_, i) => ({ state: "waitlisted", seq: i + 1, atMs: NOW.getTime() })),
    );
    const counter = (await registrationCounters(db).doc(event).get()).data();
    expect(counter).toMatchObject({ placesHeld: places, lastSeq: people - places, decided: people });
  }, 90_000);

  it("decides nothing twice when two allocators race over the same batch", async () => {
    const event = "race-event";
    await openEvent(event, 3);
    for (const i of [1, 2, 3, 4, 5]) await confirmed(event, `race${i}`);
    const [a, b] = await Promise.all([allocateBatch(decider(), event), allocateBatch(decider(), event)]);
    const all = [...(a ?? []), ...(b ?? [])];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((d) => d.id)).size).toBe(5);
    const states = (await recordsOf(event)).map((r) => r.status.state).sort();
    expect(states).toEqual(["confirmed", "confirmed", "confirmed", "waitlisted", "waitlisted"]);
  });

  it("offers a freed place to the first on the waiting list, before anyone who confirms later, and passes a lapsed offer on", async () => {
    const event = "cancel-event";
    await openEvent(event, 2);
    const [first, second, third, fourth] = [
      await confirmed(event, "c1"),
      await confirmed(event, "c2"),
      await confirmed(event, "c3"),
      await confirmed(event, "c4"),
    ];
    await allocateConfirmations(decider(), event);
    const stateOf = async (id: string) => (await registrations(db).doc(id).get()).data()?.status;
    expect(await stateOf(third)).toMatchObject({ state: "waitlisted", seq: 1 });
    expect(await waitlistPosition(db, event, 2)).toBe(2);

    const cancelled = await cancelRegistration(decider(), event, first);
    expect(cancelled).toEqual({
      outcome: "cancelled",
      offers: [
        { id: third, status: { state: "offered", seq: 1, untilMs: NOW.getTime() + 48 * HOUR, atMs: NOW.getTime() } },
      ],
    });
    expect(await stateOf(first)).toEqual({ state: "cancelled", from: "confirmed", by: "person", atMs: NOW.getTime() });
    // The fourth moved up to first place on the list without a write to their record.
    expect(await waitlistPosition(db, event, 2)).toBe(1);

    // Someone confirming now waits behind the list: the freed place is already offered.
    const late = await confirmed(event, "c5");
    await allocateConfirmations(decider(), event);
    expect(await stateOf(late)).toMatchObject({ state: "waitlisted", seq: 3 });

    expect(await claimOffer(decider(), event, third)).toEqual({ outcome: "confirmed" });
    expect(await claimOffer(decider(), event, third)).toEqual({ outcome: "none" });
    expect(await stateOf(third)).toEqual({ state: "confirmed", via: "offer", atMs: NOW.getTime() });
    expect((await registrationCounters(db).doc(event).get()).data()).toMatchObject({ placesHeld: 2, lastSeq: 3 });

    // Leaving the waiting list frees no place and offers nothing; cancelling twice does nothing.
    expect(await cancelRegistration(decider(), event, fourth)).toEqual({ outcome: "cancelled", offers: [] });
    expect(await cancelRegistration(decider(), event, fourth)).toEqual({ outcome: "none" });
    expect(await waitlistPosition(db, event, 3)).toBe(1);
    expect(await stateOf(second)).toMatchObject({ state: "confirmed" });

    // An offer not taken in time is void, even before the job passes it on.
    const later = () => new Date(NOW.getTime() + 49 * HOUR);
    expect(await cancelRegistration(decider(), event, second)).toMatchObject({
      offers: [{ id: late, status: { state: "offered" } }],
    });
    expect(await claimOffer(decider(later), event, late)).toEqual({ outcome: "expired" });

    // The job passes it on: the person it lapsed for leaves, the next on the list is offered the
    // place, and the places held do not change. A second run finds nothing due.
    const next = await confirmed(event, "c6");
    await allocateConfirmations(decider(), event);
    expect(await stateOf(next)).toMatchObject({ state: "waitlisted", seq: 4 });
    expect(await lapseOffers(decider(later))).toEqual([
      {
        id: next,
        status: { state: "offered", seq: 4, untilMs: later().getTime() + 48 * HOUR, atMs: later().getTime() },
      },
    ]);
    expect(await stateOf(late)).toEqual({
      state: "cancelled",
      from: "offered",
      by: "offerLapsed",
      atMs: later().getTime(),
    });
    expect(await lapseOffers(decider(later))).toEqual([]);
    expect((await registrationCounters(db).doc(event).get()).data()).toMatchObject({ placesHeld: 2, lastSeq: 4 });
  });

  it("keeps one registration per address per event, whatever the case of the address", async () => {
    const event = "duplicate-event";
    await openEvent(event, 5);
    const first = await requestRegistration(deps(), event, person("dup", { address: "Ana.Perez@Example.org" }));
    const again = await requestRegistration(deps(), event, person("dup", { address: "  ana.perez@example.ORG " }));
    expect(first.outcome).toBe("pending");
    expect(again.outcome).toBe("pending");
    if (first.outcome !== "pending" || again.outcome !== "pending") return;
    expect(again.id).toBe(first.id);
    expect(first.id).toBe(registrationId(KEY, event, "ana.perez@example.org"));
    // The second request replaced the first link: only the latest email confirms.
    expect(await confirmRegistration({ db, clock }, event, first.id, first.token)).toEqual({ outcome: "invalid" });
    expect(await confirmRegistration({ db, clock }, event, again.id, again.token)).toMatchObject({
      outcome: "confirming",
    });
    expect(await confirmRegistration({ db, clock }, event, again.id, again.token)).toEqual({
      outcome: "already",
      id: again.id,
      state: "confirming",
    });
    await allocateConfirmations(decider(), event);
    const third = await requestRegistration(deps(), event, person("dup", { address: "ANA.PEREZ@EXAMPLE.ORG" }));
    expect(third).toEqual({ outcome: "exists", id: first.id, state: "confirmed" });
    const records = await recordsOf(event);
    expect(records).toHaveLength(1);
    expect(records[0]?.address).toBe("ana.perez@example.org");
    expect((await registrationCounters(db).doc(event).get()).data()).toMatchObject({ placesHeld: 1 });
    // The same address registers for another event separately.
    await openEvent("duplicate-other", 5);
    const other = await requestRegistration(
      deps(),
      "duplicate-other",
      person("dup", { address: "ana.perez@example.org" }),
    );
    expect(other).toMatchObject({ outcome: "pending" });
    expect(other.outcome === "pending" && other.id).not.toBe(first.id);
  });

  it("refuses registration for an event that is past, closed, not open yet, cancelled, unpublished or unknown", async () => {
    await openEvent("past-event", 5, { start: "2027-02-20", end: "2027-02-28" });
    await openEvent("held-event", 5, { status: "held" });
    await openEvent("cancelled-event", 5, { status: "cancelled" });
    await openEvent("draft-event", 5, { publication: "draft" });
    await openEvent("closed-event", 5, {}, { opensAtMs: NOW.getTime() - 48 * HOUR, closesAtMs: NOW.getTime() });
    await openEvent("future-event", 5, {}, { opensAtMs: NOW.getTime() + HOUR, closesAtMs: NOW.getTime() + 48 * HOUR });
    const refusal = async (eventId: string) => requestRegistration(deps(), eventId, person("refused"));
    expect(await refusal("past-event")).toEqual({ outcome: "refused", reason: "past" });
    expect(await refusal("held-event")).toEqual({ outcome: "refused", reason: "past" });
    expect(await refusal("cancelled-event")).toEqual({ outcome: "refused", reason: "cancelled" });
    expect(await refusal("draft-event")).toEqual({ outcome: "refused", reason: "unpublished" });
    expect(await refusal("closed-event")).toEqual({ outcome: "refused", reason: "closed" });
    expect(await refusal("future-event")).toEqual({ outcome: "refused", reason: "notYetOpen" });
    expect(await refusal("no-such-event")).toEqual({ outcome: "refused", reason: "unknownEvent" });
    // An event without registration settings takes none.
    await openEvent("no-settings", 5);
    await registrationSettings(db).doc("no-settings").delete();
    expect(await refusal("no-settings")).toEqual({ outcome: "refused", reason: "notOpen" });
    // The event's last day is still open in its own time zone at 01:00 UTC the next day.
    await openEvent("last-day", 5, { start: "2027-02-28", end: "2027-02-28" });
    expect(
      await requestRegistration(
        { db, clock: () => new Date("2027-03-01T01:00:00Z"), key: KEY },
        "last-day",
        person("x"),
      ),
    ).toMatchObject({ outcome: "pending" });
    expect(await refusal("last-day")).toEqual({ outcome: "refused", reason: "past" });
    expect(await recordsOf("past-event")).toEqual([]);
  });

  it("refuses a confirmation once the event is cancelled, and a link that is wrong or expired", async () => {
    const event = "confirm-event";
    await openEvent(event, 5);
    const asked = await requestRegistration(deps(), event, person("late"));
    const expiring = await requestRegistration(deps(), event, person("expiring"));
    if (asked.outcome !== "pending" || expiring.outcome !== "pending") throw new Error("request refused");
    const wrong = `${asked.token.slice(0, -1)}${asked.token.endsWith("A") ? "B" : "A"}`;
    expect(await confirmRegistration({ db, clock }, event, asked.id, wrong)).toEqual({ outcome: "invalid" });
    expect(await confirmRegistration({ db, clock }, "other-event", asked.id, asked.token)).toEqual({
      outcome: "invalid",
    });
    const afterTwoDays = () => new Date(NOW.getTime() + 48 * HOUR);
    expect(await confirmRegistration({ db, clock: afterTwoDays }, event, expiring.id, expiring.token)).toEqual({
      outcome: "expired",
    });
    await db.collection("events").doc(event).update({ status: "cancelled" });
    expect(await confirmRegistration({ db, clock }, event, asked.id, asked.token)).toEqual({
      outcome: "refused",
      reason: "cancelled",
    });
    expect((await registrations(db).doc(asked.id).get()).data()?.status.state).toBe("pending");
  });

  it("refuses a category the event does not offer and a private session on the form, even to a delegate", async () => {
    const event = "category-event";
    await openEvent(event, 5, {}, { categories: ["delegate", "observer"] });
    expect(await requestRegistration(deps(), event, person("p", { category: "press" }))).toEqual({
      outcome: "refused",
      reason: "categoryNotOffered",
    });
    expect(await requestRegistration(deps(), event, person("p", { sessions: [1] }))).toEqual({
      outcome: "refused",
      reason: "privateSession",
    });
    expect(await requestRegistration(deps(), event, person("p", { sessions: [5] }))).toEqual({
      outcome: "refused",
      reason: "unknownSession",
    });
    // Private places come only through an accredited delegation (docs/registration.md, Delegations).
    expect(await requestRegistration(deps(), event, person("p", { category: "delegate", sessions: [0, 1] }))).toEqual({
      outcome: "refused",
      reason: "privateSession",
    });
    expect(
      await requestRegistration(deps(), event, person("p", { category: "delegate", sessions: [0] })),
    ).toMatchObject({ outcome: "pending" });
  });
});
