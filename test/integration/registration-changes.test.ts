import { describe, expect, it } from "vitest";
import { converterFor } from "../../functions/src/model/index.js";
import { allocateConfirmations } from "../../functions/src/registration/allocator.js";
import { cancelRegistration } from "../../functions/src/registration/cancellation.js";
import { onEventWritten, onSettingsWritten } from "../../functions/src/registration/changes.js";
import { confirmRegistration } from "../../functions/src/registration/requests.js";
import { registrationCounters, registrationSettings, registrations } from "../../functions/src/registration/store.js";
import { emulatedProject } from "../support/functions-admin.js";
import { askToRegister, confirmed, decider, mailsTo, openEvent, purposesOf } from "../support/registration-mail.js";

// The committee changes places, or cancels the event: the people concerned are told once each.

const PROJECT = `demo-registration-changes-${process.pid}`;
const NOW = new Date("2027-03-01T12:00:00Z");
const clock = () => NOW;

const db = emulatedProject(PROJECT);

const deps = () => ({ ...decider(db, clock), log: () => {} });
const stateOf = async (id: string) => (await registrations(db).doc(id).get()).data()?.status;

/** An event with `places`, and `people` confirmed in order; returns their ids. */
async function filled(event: string, places: number, people: number): Promise<string[]> {
  await openEvent(db, event, places, NOW);
  const ids: string[] = [];
  for (let i = 0; i < people; i++) ids.push(await confirmed(db, clock, event, `${event}-${i}`));
  await allocateConfirmations(decider(db, clock), event);
  return ids;
}

/** Person `i` asks to register (then "pending"); returns the registration's id and confirmation token. */
const asks = (event: string, i: string, fields: Record<string, unknown> = {}) =>
  askToRegister(db, clock, event, i, fields);

/** Sets the places as the committee would, returning the settings before and after. */
async function placesTo(event: string, places: number) {
  const ref = registrationSettings(db).doc(event);
  const before = (await ref.get()).data();
  await ref.update({ places });
  return { before, after: (await ref.get()).data() };
}

describe("changes of places and of the event", () => {
  it("offers raised places to the next on the list and tells those still waiting their position, once", async () => {
    const event = "raised";
    const ids = await filled(event, 1, 4);
    const { before, after } = await placesTo(event, 3);
    const change = await onSettingsWritten(deps(), "change-1", before, after);
    expect(change.offered.map((o) => o.id)).toEqual([ids[1], ids[2]]);
    expect(await stateOf(ids[1] ?? "")).toMatchObject({ state: "offered", seq: 1 });
    expect((await registrationCounters(db).doc(event).get()).data()).toMatchObject({ placesHeld: 3 });
    expect(change.told).toBe(1);
    // The same change delivered again offers and tells nothing more.
    expect(await onSettingsWritten(deps(), "change-1", before, after)).toEqual({ offered: [], told: 0 });
    const mails = await Promise.all(ids.map((id) => mailsTo(db, id)));
    expect(mails.map(purposesOf)).toEqual([
      ["registration.confirmed"],
      ["registration.waitlisted", "registration.offered"],
      ["registration.waitlisted", "registration.offered"],
      ["registration.waitlisted", "registration.placesRaised"],
    ]);
    expect(mails[3]?.[1]?.text).toContain("en el puesto 1");
  });

  it("takes nobody's place when places are lowered below those held, and tells the holders and the list once", async () => {
    const event = "lowered";
    const ids = await filled(event, 3, 4);
    const { before, after } = await placesTo(event, 1);
    const change = await onSettingsWritten(deps(), "change-2", before, after);
    expect(change).toEqual({ offered: [], told: 4 });
    expect((await Promise.all(ids.map(stateOf))).map((s) => s?.state)).toEqual([
      "confirmed",
      "confirmed",
      "confirmed",
      "waitlisted",
    ]);
    expect((await onSettingsWritten(deps(), "change-2", before, after)).told).toBe(0);
    const last = await mailsTo(db, ids[0] ?? "");
    expect(purposesOf(last)).toEqual(["registration.confirmed", "registration.placesLowered"]);
    expect(last[1]?.text).toContain("Nadie pierde una plaza ya confirmada");
    // Raising them again to 2 while 3 are held offers nothing: still over.
    const again = await placesTo(event, 2);
    expect((await onSettingsWritten(deps(), "change-3", again.before, again.after)).offered).toEqual([]);
  });

  it("ends every registration of a cancelled event, telling each once, with the calendar entry cancelled for a place", async () => {
    const event = "cancelled-event";
    const ids = await filled(event, 1, 2);
    const events = db.collection("events").withConverter(converterFor("events"));
    const before = (await events.doc(event).get()).data();
    await events.doc(event).update({ status: "cancelled" });
    const after = (await events.doc(event).get()).data();
    expect(await onEventWritten(deps(), "cancel-1", before, after)).toBe(2);
    expect(await onEventWritten(deps(), "cancel-1", before, after)).toBe(0);
    expect(await onEventWritten(deps(), "cancel-2", after, after)).toBe(0);
    expect(await stateOf(ids[0] ?? "")).toMatchObject({ state: "cancelled", from: "confirmed", by: "eventCancelled" });
    const [held, waiting] = await Promise.all(ids.map((id) => mailsTo(db, id)));
    expect(purposesOf(held ?? [])).toEqual(["registration.confirmed", "registration.eventCancelled"]);
    expect(held?.[1]?.calendar?.method).toBe("CANCEL");
    expect(held?.[1]?.calendar?.content).toContain("SEQUENCE:1");
    expect(purposesOf(waiting ?? [])).toEqual(["registration.waitlisted", "registration.eventCancelled"]);
    expect(waiting?.[1]?.calendar).toBeUndefined();
  });

  it("tells nobody of a draft, cancelled or moved, until it is published", async () => {
    const event = "drafted";
    const ids = await filled(event, 1, 1);
    const events = db.collection("events").withConverter(converterFor("events"));
    const published = (await events.doc(event).get()).data();
    if (!published) throw new Error("no event");
    // The records workflow unpublishes an event to edit it; the draft is one person's proposal.
    const unpublished = { ...published, publication: "draft" as const };
    const cancelled = { ...unpublished, status: "cancelled" as const, start: "2027-05-02", end: "2027-05-03" };
    expect(await onEventWritten(deps(), "draft-1", published, unpublished)).toBe(0);
    expect(await onEventWritten(deps(), "draft-2", unpublished, cancelled)).toBe(0);
    expect(await stateOf(ids[0] ?? "")).toMatchObject({ state: "confirmed" });
    expect(purposesOf(await mailsTo(db, ids[0] ?? ""))).toEqual(["registration.confirmed"]);
  });

  it("sends those holding a place the updated calendar entry when the event's days or hours change, once", async () => {
    const event = "moved";
    const ids = await filled(event, 1, 2);
    const events = db.collection("events").withConverter(converterFor("events"));
    const before = (await events.doc(event).get()).data();
    await events.doc(event).update({ start: "2027-04-09", end: "2027-04-10" });
    const after = (await events.doc(event).get()).data();
    // The holder and the one waiting are told.
    expect(await onEventWritten(deps(), "move-1", before, after)).toBe(2);
    expect(await onEventWritten(deps(), "move-1", before, after)).toBe(0);
    const settingsBefore = (await registrationSettings(db).doc(event).get()).data();
    await registrationSettings(db).doc(event).update({ startTime: "10:00" });
    const settingsAfter = (await registrationSettings(db).doc(event).get()).data();
    expect((await onSettingsWritten(deps(), "hours-1", settingsBefore, settingsAfter)).told).toBe(2);
    const [held, waiting] = await Promise.all(ids.map((id) => mailsTo(db, id)));
    expect(purposesOf(held ?? [])).toEqual([
      "registration.confirmed",
      "registration.eventChanged",
      "registration.eventChanged",
    ]);
    const moved = held?.find((m) => m.key.occurrence.endsWith(":changed:move-1"))?.calendar?.content;
    const hours = held?.find((m) => m.key.occurrence.endsWith(":changed:hours-1"))?.calendar?.content;
    expect(moved).toContain("SEQUENCE:1");
    expect(moved).toContain("DTSTART;TZID=America/Santiago:20270409T090000");
    expect(hours).toContain("SEQUENCE:2");
    expect(hours).toContain("DTSTART;TZID=America/Santiago:20270409T100000");
    const record = await registrations(db)
      .doc(ids[0] ?? "")
      .get();
    expect(record.data()?.calendarSequence).toBe(2);
    // The one waiting holds no place: the new hours, never a calendar file.
    expect(purposesOf(waiting ?? [])).toEqual([
      "registration.waitlisted",
      "registration.eventChangedWaiting",
      "registration.eventChangedWaiting",
    ]);
    expect(waiting?.slice(1).map((m) => m.calendar)).toEqual([undefined, undefined]);
  });

  it("tells the waiting list its positions and an open offer its deadline when the event moves, without a calendar file", async () => {
    const event = "moved-list";
    const ids = await filled(event, 2, 5);
    // Person 1 gives up their place: person 2, first on the list, is offered it.
    await cancelRegistration(decider(db, clock), event, ids[1] ?? "");
    expect(await stateOf(ids[2] ?? "")).toMatchObject({ state: "offered" });
    await registrations(db)
      .doc(ids[4] ?? "")
      .update({ timeZone: "Europe/Madrid" });
    const events = db.collection("events").withConverter(converterFor("events"));
    const before = (await events.doc(event).get()).data();
    await events.doc(event).update({ city: { es: "Valparaíso", en: "Valparaíso" } });
    const after = (await events.doc(event).get()).data();
    // Person 0 holds a place; 2 has an offer; 3 and 4 wait; 1 cancelled and is not told.
    expect(await onEventWritten(deps(), "place-1", before, after)).toBe(4);
    expect(await onEventWritten(deps(), "place-1", before, after)).toBe(0);
    const mails = await Promise.all(ids.map((id) => mailsTo(db, id)));
    const told = mails.map((m) => m.filter((mail) => mail.key.occurrence.endsWith(":changed:place-1")));
    expect(told.map(purposesOf)).toEqual([
      ["registration.eventChanged"],
      [],
      ["registration.eventChangedWaiting"],
      ["registration.eventChangedWaiting"],
      ["registration.eventChangedWaiting"],
    ]);
    expect(told[0]?.[0]?.calendar?.content).toContain("LOCATION:Valparaíso");
    const [offer, first, second] = [told[2]?.[0], told[3]?.[0], told[4]?.[0]];
    expect([offer, first, second].map((m) => m?.calendar)).toEqual([undefined, undefined, undefined]);
    expect(offer?.text).toContain("sigue reservada para usted hasta el 3 de marzo de 2027");
    expect(offer?.text).toContain("/registration/claim?");
    expect(first?.text).toContain("en el puesto 1");
    expect(second?.text).toContain("en el puesto 2");
    // Both time zones for the one in Madrid: the event's and theirs.
    expect(second?.text).toMatch(/hora .*Chile/i);
    expect(second?.text).toMatch(/Europa central|Madrid/i);
    for (const mail of [offer, first, second]) expect(mail?.text).toContain("no tiene plaza");
  });

  it("tells everyone who asked of a cancelled event once, requests never confirmed and awaiting approval included", async () => {
    const event = "cancelled-requests";
    await openEvent(db, event, 5, NOW, {}, { approvalCategories: ["press"] });
    const asked = await asks(event, "pendiente", { lang: "pt" });
    const press = await asks(event, "prensa", { category: "press" });
    expect(await confirmRegistration({ db, clock }, event, press.id, press.token)).toMatchObject({
      outcome: "awaitingApproval",
    });
    const approval = press.id;
    const confirming = await confirmed(db, clock, event, "confirmando");
    const events = db.collection("events").withConverter(converterFor("events"));
    const before = (await events.doc(event).get()).data();
    await events.doc(event).update({ status: "cancelled" });
    const after = (await events.doc(event).get()).data();
    expect(await onEventWritten(deps(), "cancel-requests", before, after)).toBe(3);
    // The allocator reaching the confirmation afterwards finds it ended: no second email.
    expect(await allocateConfirmations(decider(db, clock), event)).toEqual([]);
    for (const id of [asked.id, approval, confirming]) {
      expect(await stateOf(id)).toMatchObject({ state: "cancelled", by: "eventCancelled" });
      const cancelled = (await mailsTo(db, id)).filter((m) => m.key.purpose === "registration.eventCancelled");
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0]?.calendar).toBeUndefined();
    }
    expect(await stateOf(asked.id)).toMatchObject({ from: "pending" });
    expect(await stateOf(approval)).toMatchObject({ from: "awaitingApproval" });
    // In the person's language.
    expect((await mailsTo(db, asked.id)).at(-1)?.subject).toBe(`Evento cancelado: Conferência ${event}`);
  });

  it("queues one email for a confirmation the allocator ends after the cancellation, whichever runs first", async () => {
    const event = "cancelled-race";
    await openEvent(db, event, 5, NOW);
    const late = await confirmed(db, clock, event, "tarde");
    const events = db.collection("events").withConverter(converterFor("events"));
    const before = (await events.doc(event).get()).data();
    await events.doc(event).update({ status: "cancelled" });
    const after = (await events.doc(event).get()).data();
    // The allocator sees the cancelled event first and ends it; then the trigger finds nothing.
    expect((await allocateConfirmations(decider(db, clock), event)).map((d) => d.status.state)).toEqual(["cancelled"]);
    expect(await onEventWritten(deps(), "cancel-race", before, after)).toBe(0);
    expect(purposesOf(await mailsTo(db, late))).toEqual(["registration.eventCancelled"]);
  });

  it("gives a place to a confirmation while the event's cancellation is only a draft, and ends nobody", async () => {
    const event = "cancelled-draft";
    await openEvent(db, event, 5, NOW);
    const waiting = await confirmed(db, clock, event, "borrador");
    // The records workflow writes a draft into the event's own document, unpublished.
    await db.collection("events").doc(event).update({ status: "cancelled", publication: "draft" });
    expect((await allocateConfirmations(decider(db, clock), event)).map((d) => d.status.state)).toEqual(["confirmed"]);
    expect(purposesOf(await mailsTo(db, waiting))).toEqual(["registration.confirmed"]);
  });
});
