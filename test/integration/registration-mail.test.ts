import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { allocateConfirmations, onRegistrationWritten } from "../../functions/src/registration/allocator.js";
import { cancelRegistration, claimOffer, lapseOffers } from "../../functions/src/registration/cancellation.js";
import { cancellationToken } from "../../functions/src/registration/keys.js";
import { registrations } from "../../functions/src/registration/store.js";
import { emulatedProject } from "../support/functions-admin.js";
import { confirmed, decider, HOUR, KEY, mailsTo, openEvent, purposesOf } from "../support/registration-mail.js";

// Each decision of the allocator, a cancellation, a claim and a lapse queues its email in the
// deciding transaction: exactly one per decision, in the person's language, never twice.

const PROJECT = `demo-registration-mail-${process.pid}`;
const NOW = new Date("2027-03-01T12:00:00Z");
const clock = () => NOW;
const later = () => new Date(NOW.getTime() + 49 * HOUR);

const db = emulatedProject(PROJECT);

const calendarOf = (content = "") => {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent("vevent");
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: vevent?.getFirstPropertyValue("uid"),
    sequence: vevent?.getFirstPropertyValue("sequence"),
    status: vevent?.getFirstPropertyValue("status"),
  };
};

describe("registration emails, queued with each decision", () => {
  it("queues one email per decision: a place with its calendar file, a position without one, in each person's language", async () => {
    const event = "mail-allocation";
    await openEvent(db, event, 2, NOW);
    const ids = [
      await confirmed(db, clock, event, "a1", { lang: "en", timeZone: "Europe/Madrid" }),
      await confirmed(db, clock, event, "a2", { lang: "pt" }),
      await confirmed(db, clock, event, "a3", { lang: "fr" }),
      await confirmed(db, clock, event, "a4"),
    ];
    await allocateConfirmations(decider(db, clock), event, 3);
    const mails = await Promise.all(ids.map((id) => mailsTo(db, id)));
    expect(mails.map(purposesOf)).toEqual([
      ["registration.confirmed"],
      ["registration.confirmed"],
      ["registration.waitlisted"],
      ["registration.waitlisted"],
    ]);
    expect(mails.map((m) => m[0]?.lang)).toEqual(["en", "pt", "fr", "es"]);
    const [first, , third, fourth] = mails.map((m) => m[0]);
    expect(first?.subject).toBe(`Place confirmed: Conference ${event}`);
    expect(first?.text).toMatch(/In your time zone \(Central European.*\): April 2, 2027/);
    expect(calendarOf(first?.calendar?.content)).toMatchObject({ method: "PUBLISH", sequence: 0, status: "CONFIRMED" });
    // Positions follow the numbers, across batches (the fourth was decided in a second batch).
    expect(third?.subject).toBe(`Liste d’attente, rang 1 : Conférence ${event}`);
    expect(fourth?.subject).toBe(`Lista de espera, puesto 2: Conferencia ${event}`);
    expect(third?.calendar).toBeUndefined();
    expect(fourth?.text).toContain("Esto no es una confirmación");
    // The owner's link is sealed in the stored message, opened only for delivery.
    const stored = (
      await db
        .collection("outbox")
        .doc(first?.id ?? "")
        .get()
    ).data();
    expect(stored?.text).toContain(`cancel?r=${ids[0]}&t=\u27E6sealed:0\u27E7`);
    expect(stored?.text).not.toContain(cancellationToken(KEY, ids[0] ?? ""));
    expect(first?.text).toContain(`/en/events/${event}/registration/cancel?r=${ids[0]}&t=`);
    expect(
      (
        await registrations(db)
          .doc(ids[0] ?? "")
          .get()
      ).data()?.calendarSequence,
    ).toBe(0);

    // A second delivery of the trigger, and the allocator run again, decide and queue nothing.
    const record = (
      await registrations(db)
        .doc(ids[3] ?? "")
        .get()
    ).data();
    expect(await onRegistrationWritten(decider(db, clock), { ...record, status: { state: "confirming" } })).toEqual([]);
    expect(await allocateConfirmations(decider(db, clock), event)).toEqual([]);
    expect((await Promise.all(ids.map((id) => mailsTo(db, id)))).map((m) => m.length)).toEqual([1, 1, 1, 1]);
  });

  it("tells a cancellation, the place offered, its claim and a lapse, each once, with the calendar entry updated", async () => {
    const event = "mail-cancellation";
    await openEvent(db, event, 1, NOW);
    const [holder, next, after] = [
      await confirmed(db, clock, event, "c1"),
      await confirmed(db, clock, event, "c2", { lang: "en", timeZone: "Asia/Tokyo" }),
      await confirmed(db, clock, event, "c3"),
    ];
    await allocateConfirmations(decider(db, clock), event);

    // The holder cancels: their entry is cancelled (same UID, next SEQUENCE), the first waiting is offered the place.
    await cancelRegistration(decider(db, clock), event, holder);
    expect(await cancelRegistration(decider(db, clock), event, holder)).toEqual({ outcome: "none" });
    const holderMails = await mailsTo(db, holder);
    expect(purposesOf(holderMails)).toEqual(["registration.confirmed", "registration.cancelled"]);
    const placed = calendarOf(holderMails[0]?.calendar?.content);
    const removed = calendarOf(holderMails[1]?.calendar?.content);
    expect(removed).toMatchObject({ method: "CANCEL", status: "CANCELLED", uid: placed.uid, sequence: 1 });
    const offered = await mailsTo(db, next);
    expect(purposesOf(offered)).toEqual(["registration.waitlisted", "registration.offered"]);
    expect(offered[1]?.subject).toBe(`A place is free for you: Conference ${event}`);
    expect(offered[1]?.text).toMatch(
      /before March 3, 2027.*9:00.AM \(Chile.*In your time zone \(Japan.*\), the deadline is March 3, 2027.*9:00.PM/s,
    );
    expect(offered[1]?.text).toContain(`/en/events/${event}/registration/claim?r=${next}&t=`);
    expect(offered[1]?.calendar).toBeUndefined();

    // Taking the offer confirms it, with the calendar file; a second claim queues nothing.
    expect(await claimOffer(decider(db, clock), event, next)).toEqual({ outcome: "confirmed" });
    expect(await claimOffer(decider(db, clock), event, next)).toEqual({ outcome: "none" });
    const claimed = await mailsTo(db, next);
    expect(purposesOf(claimed)).toEqual(["registration.waitlisted", "registration.offered", "registration.claimed"]);
    expect(calendarOf(claimed[2]?.calendar?.content)).toMatchObject({ method: "PUBLISH", sequence: 0 });

    // Then they cancel; the offer goes to the third, who lets it lapse: told once, and the place passes on.
    await cancelRegistration(decider(db, clock), event, next);
    const fourth = await confirmed(db, clock, event, "c4");
    await allocateConfirmations(decider(db, clock), event);
    expect(await lapseOffers(decider(db, later))).toHaveLength(1);
    expect(await lapseOffers(decider(db, later))).toEqual([]);
    const lapsed = await mailsTo(db, after);
    expect(purposesOf(lapsed)).toEqual(["registration.waitlisted", "registration.offered", "registration.lapsed"]);
    expect(lapsed[2]?.calendar).toBeUndefined();
    expect(purposesOf(await mailsTo(db, fourth))).toEqual(["registration.waitlisted", "registration.offered"]);
  });

  it("acknowledges leaving the waiting list without a calendar file, and never sends a waitlisted person a confirmation", async () => {
    const event = "mail-waitlist";
    await openEvent(db, event, 1, NOW);
    const [, waiting] = [await confirmed(db, clock, event, "w1"), await confirmed(db, clock, event, "w2")];
    await allocateConfirmations(decider(db, clock), event);
    await cancelRegistration(decider(db, clock), event, waiting);
    const mails = await mailsTo(db, waiting);
    expect(purposesOf(mails)).toEqual(["registration.waitlisted", "registration.cancelled"]);
    expect(mails.every((m) => m.calendar === undefined)).toBe(true);
    expect(mails[1]?.text).toContain("Salió de la lista de espera");
  });
});
