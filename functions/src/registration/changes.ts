import type { QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { Log } from "../log.js";
import {
  EventSchema,
  RegistrationSettingsSchema,
  type RegistrationState,
  type RegistrationStatus,
} from "../model/index.js";
import { enqueueAll, stageMessages } from "../notify/outbox.js";
import { ALLOCATION_BATCH, type Decision, type DecisionDeps, decisionFields, offerFreedPlaces } from "./allocator.js";
import { type Notice, registrationMessage } from "./mail.js";
import { onRoomsChanged } from "./room-changes.js";
import { eventRecords, registrationCounters, registrationSettings, registrations } from "./store.js";

// What the committee changes after registration opened, and who is told: more places are offered
// to the next people on the waiting list; fewer places take nobody's place; a cancelled event
// ends every registration. Each person concerned is told once: decisions in the deciding
// transaction, the rest under a key naming the change (the trigger's event id), so a trigger
// delivered twice queues nothing more.

type ChangeDeps = DecisionDeps & { log: Log };

export interface PlacesChange {
  offered: Decision[];
  told: number;
}

/**
 * The registration settings of an event were written. More places: the freed places are offered
 * to the first on the waiting list (each told by the offer's email, in the same transaction, a
 * batch at a time), and those still waiting hear their new position. Fewer places: nobody loses a
 * place held; while more are held than there now are, no freed place is offered (the allocator
 * and cancellation count against the new number), and if that is so now, those holding a place
 * and those waiting are told. Anything else changes nothing here.
 */
export async function onSettingsWritten(
  deps: ChangeDeps,
  change: string,
  beforeData: unknown,
  afterData: unknown,
): Promise<PlacesChange> {
  const before = RegistrationSettingsSchema.safeParse(beforeData);
  const after = RegistrationSettingsSchema.safeParse(afterData);
  const none: PlacesChange = { offered: [], told: 0 };
  if (!before.success || !after.success) return none;
  const eventId = after.data.eventId;
  const { db, clock } = deps;
  const hoursChanged = before.data.startTime !== after.data.startTime || before.data.endTime !== after.data.endTime;
  const changedTold =
    (hoursChanged ? await tellHoursChanged(deps, eventId, change) : 0) +
    (await onRoomsChanged(deps, eventId, change, before.data, after.data));
  if (before.data.places === after.data.places) return { offered: [], told: changedTold };
  const event = (await eventRecords(db).doc(eventId).get()).data();
  if (!event) return none;

  const offered: Decision[] = [];
  if (after.data.places > before.data.places) {
    for (;;) {
      const batch = await db.runTransaction(async (tx) => {
        const [counterSnap, settingsSnap] = await Promise.all([
          tx.get(registrationCounters(db).doc(eventId)),
          tx.get(registrationSettings(db).doc(eventId)),
        ]);
        const counter = counterSnap.data();
        const settings = settingsSnap.data();
        if (!counter || !settings) return [];
        const now = clock();
        const {
          offers,
          records,
          counter: next,
        } = await offerFreedPlaces(
          tx,
          db,
          eventId,
          settings,
          { ...counter, updatedAtMs: now.getTime() },
          now.getTime(),
        );
        const mails = offers.map((offer, i) => {
          const record = records[i];
          if (!record || offer.status.state !== "offered") throw new Error("an offer without its record");
          const notice: Notice = { kind: "offered", untilMs: offer.status.untilMs, atMs: offer.status.atMs };
          return registrationMessage(deps, { event, settings, now }, record, notice).message;
        });
        const staged = await stageMessages(tx, db, clock, mails);
        for (const offer of offers) tx.update(registrations(db).doc(offer.id), decisionFields(offer));
        if (offers.length > 0) tx.set(registrationCounters(db).doc(eventId), next);
        staged.write();
        return offers;
      });
      offered.push(...batch);
      if (batch.length < ALLOCATION_BATCH) break;
    }
    const told = await tellWaiting(deps, event, after.data, (position) => ({
      kind: "placesRaised",
      position,
      change,
    }));
    return { offered, told: told + changedTold };
  }

  const counter = (await registrationCounters(db).doc(eventId).get()).data();
  // Still room for everyone holding a place: nobody's situation changes.
  if (!counter || counter.placesHeld <= after.data.places) return { offered: [], told: changedTold };
  const holding = await registrations(db)
    .where("eventId", "==", eventId)
    .where("status.state", "==", "confirmed")
    .get();
  const now = clock();
  let told = await enqueueAll(
    db,
    clock,
    deps.log,
    holding.docs.map(
      (doc) =>
        registrationMessage(
          deps,
          { event, settings: after.data, now },
          { ...doc.data(), id: doc.id },
          {
            kind: "placesLowered",
            change,
          },
        ).message,
    ),
  );
  told += await tellWaiting(deps, event, after.data, (position) => ({
    kind: "placesLowered",
    position,
    change,
  }));
  return { offered, told: told + changedTold };
}

/** Tells everyone still on the waiting list their position, under the change's key. */
async function tellWaiting(
  deps: ChangeDeps,
  event: Parameters<typeof registrationMessage>[1]["event"],
  settings: Parameters<typeof registrationMessage>[1]["settings"],
  notice: (position: number) => Notice,
): Promise<number> {
  const { db, clock } = deps;
  const waiting = await registrations(db)
    .where("eventId", "==", event.id)
    .where("status.state", "==", "waitlisted")
    .orderBy("status.seq", "asc")
    .get();
  const now = clock();
  return enqueueAll(
    db,
    clock,
    deps.log,
    waiting.docs.map(
      (doc, i) =>
        registrationMessage(deps, { event, settings, now }, { ...doc.data(), id: doc.id }, notice(i + 1)).message,
    ),
  );
}

/** The states that hold something a cancelled event takes away. */
const LIVE: RegistrationState[] = ["pending", "confirming", "confirmed", "waitlisted", "offered"];

/** Whether a write of an event concerns its registrations: a cancellation, or other days or zone. */
export function concernsRegistrations(beforeData: unknown, afterData: unknown): boolean {
  const before = EventSchema.safeParse(beforeData);
  const after = EventSchema.safeParse(afterData);
  if (!after.success) return false;
  if (after.data.status === "cancelled") return !before.success || before.data.status !== "cancelled";
  return (
    before.success &&
    (before.data.start !== after.data.start ||
      before.data.end !== after.data.end ||
      before.data.timeZone !== after.data.timeZone)
  );
}

/**
 * An event was written. Cancelled (where it was not): every registration that holds something
 * ends (`by: "eventCancelled"`), a batch per transaction, each told in the same transaction;
 * those who held a place get the calendar entry cancelled. Its days or zone changed: those
 * holding a place get the updated entry. A trigger delivered twice finds nothing left to end,
 * and the change's key (the trigger's event id) queues no second update. Returns how many
 * people were told.
 */
export async function onEventWritten(
  deps: ChangeDeps,
  change: string,
  beforeData: unknown,
  afterData: unknown,
): Promise<number> {
  if (!concernsRegistrations(beforeData, afterData)) return 0;
  const after = EventSchema.parse(afterData);
  if (after.status !== "cancelled") return tellHoursChanged(deps, after.id, change);
  const event = after;
  const { db, clock } = deps;
  let ended = 0;
  for (;;) {
    const count = await db.runTransaction(async (tx) => {
      const batch = await tx.get(
        registrations(db).where("eventId", "==", event.id).where("status.state", "in", LIVE).limit(ALLOCATION_BATCH),
      );
      if (batch.empty) return 0;
      const [settingsSnap, counterSnap] = await Promise.all([
        tx.get(registrationSettings(db).doc(event.id)),
        tx.get(registrationCounters(db).doc(event.id)),
      ]);
      const settings = settingsSnap.data();
      const counter = counterSnap.data();
      const now = clock();
      const ends = batch.docs.map((doc) => {
        const record = { ...doc.data(), id: doc.id };
        const from = record.status.state as Exclude<RegistrationState, "cancelled">;
        const status: RegistrationStatus = { state: "cancelled", from, by: "eventCancelled", atMs: now.getTime() };
        // A pending request never confirmed has had no email but its confirmation link: it just ends.
        const mail =
          settings && from !== "pending"
            ? registrationMessage(deps, { event, settings, now }, record, {
                kind: "eventCancelled",
                held: from === "confirmed",
              })
            : undefined;
        return { ref: doc.ref, status, mail };
      });
      const staged = await stageMessages(
        tx,
        db,
        clock,
        ends.flatMap((e) => (e.mail ? [e.mail.message] : [])),
      );
      for (const { ref, status, mail } of ends)
        tx.update(ref, {
          status,
          ...(mail?.calendarSequence !== undefined ? { calendarSequence: mail.calendarSequence } : {}),
        });
      if (counter)
        tx.set(registrationCounters(db).doc(event.id), {
          ...counter,
          placesHeld: 0,
          seatsHeld: {},
          updatedAtMs: now.getTime(),
        });
      staged.write();
      return ends.length;
    });
    ended += count;
    if (count < ALLOCATION_BATCH) return ended;
  }
}

/**
 * Tells everyone holding a place at the event that its days or hours changed, with the calendar
 * entry updated (the next SEQUENCE), a batch per transaction. A person already told of this
 * change (a trigger delivered twice) is skipped, and their SEQUENCE stays.
 */
async function tellHoursChanged(deps: ChangeDeps, eventId: string, change: string): Promise<number> {
  const { db, clock } = deps;
  let told = 0;
  let cursor: QueryDocumentSnapshot | undefined;
  for (;;) {
    const { size, queued, last } = await db.runTransaction(async (tx) => {
      const holding = registrations(db)
        .where("eventId", "==", eventId)
        .where("status.state", "==", "confirmed")
        .limit(ALLOCATION_BATCH);
      const batch = await tx.get(cursor ? holding.startAfter(cursor) : holding);
      const [settingsSnap, eventSnap] = await Promise.all([
        tx.get(registrationSettings(db).doc(eventId)),
        tx.get(eventRecords(db).doc(eventId)),
      ]);
      const settings = settingsSnap.data();
      const event = eventSnap.data();
      if (batch.empty || !settings || !event) return { size: 0, queued: 0, last: undefined };
      const now = clock();
      const mails = batch.docs.map((doc) =>
        registrationMessage(
          deps,
          { event, settings, now },
          { ...doc.data(), id: doc.id },
          { kind: "eventChanged", change },
        ),
      );
      const staged = await stageMessages(
        tx,
        db,
        clock,
        mails.map((m) => m.message),
      );
      batch.docs.forEach((doc, i) => {
        const sequence = mails[i]?.calendarSequence;
        if (staged.queued[i] && sequence !== undefined) tx.update(doc.ref, { calendarSequence: sequence });
      });
      staged.write();
      return { size: batch.size, queued: staged.count, last: batch.docs.at(-1) };
    });
    told += queued;
    cursor = last;
    if (size < ALLOCATION_BATCH) return told;
  }
}
