import type { Firestore, Query, QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { Log } from "../log.js";
import {
  type Event,
  EventSchema,
  isPublished,
  RegistrationSettingsSchema,
  type RegistrationState,
  type RegistrationStatus,
  VERSIONS_SUBCOLLECTION,
} from "../model/index.js";
import { enqueueAll, stageMessages } from "../notify/outbox.js";
import { ALLOCATION_BATCH, type Decision, type DecisionDeps, decisionFields, offerFreedPlaces } from "./allocator.js";
import { type Notice, registrationMessage } from "./mail.js";
import { onRoomsChanged } from "./room-changes.js";
import { pendingRooms } from "./seats.js";
import { eventRecords, RUSH_RETRIES, registrationCounters, registrationSettings, registrations } from "./store.js";

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
    (hoursChanged ? await tellMoved(deps, eventId, change) : 0) +
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
          const context = { event, settings, now, roomsPending: pendingRooms(counter) };
          return registrationMessage(deps, context, record, notice).message;
        });
        const staged = await stageMessages(tx, db, clock, mails);
        for (const offer of offers) tx.update(registrations(db).doc(offer.id), decisionFields(offer));
        if (offers.length > 0) tx.set(registrationCounters(db).doc(eventId), next);
        staged.write();
        return offers;
      }, RUSH_RETRIES);
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
  let told = 0;
  for await (const page of pagesOf(
    registrations(db).where("eventId", "==", eventId).where("status.state", "==", "confirmed"),
  )) {
    const now = clock();
    told += await enqueueAll(
      db,
      clock,
      deps.log,
      page.docs.map(
        (doc) =>
          registrationMessage(
            deps,
            { event, settings: after.data, now },
            { ...doc.data(), id: doc.id },
            { kind: "placesLowered", change },
          ).message,
      ),
    );
  }
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
  let told = 0;
  for await (const page of pagesOf(
    registrations(deps.db)
      .where("eventId", "==", event.id)
      .where("status.state", "==", "waitlisted")
      .orderBy("status.seq", "asc"),
  )) {
    const now = deps.clock();
    told += await enqueueAll(
      deps.db,
      deps.clock,
      deps.log,
      page.docs.map(
        (doc, i) =>
          registrationMessage(
            deps,
            { event, settings, now },
            { ...doc.data(), id: doc.id },
            notice(page.offset + i + 1),
          ).message,
      ),
    );
  }
  return told;
}

/**
 * A query's documents a page at a time (`offset` counts those before the page), so telling a
 * list of thousands holds one page in memory and queues one page's messages at a time.
 */
async function* pagesOf<T>(query: Query<T>): AsyncGenerator<{ docs: QueryDocumentSnapshot<T>[]; offset: number }> {
  let offset = 0;
  let cursor: QueryDocumentSnapshot<T> | undefined;
  for (;;) {
    const page = await (cursor ? query.startAfter(cursor) : query).limit(ALLOCATION_BATCH).get();
    if (page.empty) return;
    yield { docs: page.docs, offset };
    offset += page.size;
    cursor = page.docs.at(-1);
    if (page.size < ALLOCATION_BATCH) return;
  }
}

/**
 * Every state but "cancelled": whoever asked and has not cancelled is told when the event is, a
 * request never confirmed (pending) or awaiting approval included.
 */
const LIVE: RegistrationState[] = ["pending", "confirming", "awaitingApproval", "confirmed", "waitlisted", "offered"];

/** What a published change of an event means for its registrations. */
type EventChange = "cancelled" | "moved" | undefined;

/**
 * What changed between the event its registrations knew (`told`) and the event published now:
 * cancelled, or other days, zone or place (the calendar entry's LOCATION is the event's city).
 */
function changeOf(told: Event, now: Event): EventChange {
  if (now.status === "cancelled") return told.status === "cancelled" ? undefined : "cancelled";
  const moved =
    told.start !== now.start ||
    told.end !== now.end ||
    told.timeZone !== now.timeZone ||
    JSON.stringify(told.city ?? null) !== JSON.stringify(now.city ?? null);
  return moved ? "moved" : undefined;
}

/**
 * Whether a write of an event may concern its registrations. Only what is published counts: the
 * records workflow unpublishes an event to edit it, and a draft (new dates, or cancelled) is one
 * person's proposal until a second publishes it, so people hear of the change when it is
 * published, never of a draft. A write that publishes the event is compared with the version
 * published before it by onEventWritten (which reads it); a write of an event that stays
 * published, with the event before it.
 */
export function concernsRegistrations(beforeData: unknown, afterData: unknown): boolean {
  const after = EventSchema.safeParse(afterData);
  if (!after.success || !isPublished(after.data)) return false;
  const before = EventSchema.safeParse(beforeData);
  if (!before.success || !isPublished(before.data)) return true;
  return changeOf(before.data, after.data) !== undefined;
}

/**
 * The event as it was last published before `version` (the records workflow keeps each version,
 * the seed's first one included), or undefined when this is its first publication: nobody can
 * have registered for an event never published.
 */
async function publishedBefore(db: Firestore, id: string, version: number | undefined): Promise<Event | undefined> {
  if (version === undefined) return undefined;
  // Every version, not a query on `record.publication`: a record kept from before the console
  // (the seed) may have no publication field, which reads as published.
  const versions = await eventRecords(db).doc(id).collection(VERSIONS_SUBCOLLECTION).get();
  const earlier = versions.docs
    .map((doc) => ({ version: Number(doc.get("version")), record: EventSchema.safeParse(doc.get("record")) }))
    .flatMap((v) => (v.version < version && v.record.success && isPublished(v.record.data) ? [v] : []))
    .sort((a, b) => b.version - a.version)[0];
  return earlier?.record.data;
}

/**
 * A published write of an event. Cancelled (where the event its registrations knew was not):
 * every registration not cancelled ends (`by: "eventCancelled"`), a batch per transaction, each
 * person told in the same transaction and in their language; those who held a place get the
 * calendar entry cancelled. Its days, zone or place changed: see tellMoved. A trigger delivered
 * twice finds nothing left to end, and the change's key (the trigger's event id) queues no
 * second update. Returns how many people were told.
 */
export async function onEventWritten(
  deps: ChangeDeps,
  change: string,
  beforeData: unknown,
  afterData: unknown,
): Promise<number> {
  if (!concernsRegistrations(beforeData, afterData)) return 0;
  const after = EventSchema.parse(afterData);
  const before = EventSchema.safeParse(beforeData);
  const told =
    before.success && isPublished(before.data) ? before.data : await publishedBefore(deps.db, after.id, after.version);
  const what = told ? changeOf(told, after) : undefined;
  if (what === undefined) return 0;
  if (what === "moved") return tellMoved(deps, after.id, change);
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
        // A confirmation the allocator decides after the cancellation is ended and told there
        // (allocator.ts) under this very key (purpose, recipient, occurrence): whichever of the
        // two commits first tells the person, and the other finds the message queued.
        const mail = settings
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
    }, RUSH_RETRIES);
    ended += count;
    if (count < ALLOCATION_BATCH) return ended;
  }
}

/**
 * The event's days, hours or place changed: everyone concerned is told once, with the new dates
 * and hours in the event's zone and their own. Those holding a place get the calendar entry
 * updated (the same UID, the next SEQUENCE), a batch per transaction that records the SEQUENCE;
 * those on the waiting list (with their position) and those offered a place (with the offer's
 * deadline) get no calendar file, since they hold no place. A person already told of this change
 * (a trigger delivered twice) is skipped, and their SEQUENCE stays.
 */
async function tellMoved(deps: ChangeDeps, eventId: string, change: string): Promise<number> {
  const held = await tellHolders(deps, eventId, change);
  const [settings, event] = await Promise.all([
    registrationSettings(deps.db).doc(eventId).get(),
    eventRecords(deps.db).doc(eventId).get(),
  ]).then(([s, e]) => [s.data(), e.data()] as const);
  if (!settings || !event) return held;
  const waiting = await tellWaiting(deps, event, settings, (position) => ({
    kind: "eventChangedWaiting",
    change,
    position,
  }));
  let offered = 0;
  for await (const page of pagesOf(
    registrations(deps.db).where("eventId", "==", eventId).where("status.state", "==", "offered"),
  )) {
    const now = deps.clock();
    offered += await enqueueAll(
      deps.db,
      deps.clock,
      deps.log,
      page.docs.flatMap((doc) => {
        const record = { ...doc.data(), id: doc.id };
        if (record.status.state !== "offered") return [];
        const notice: Notice = { kind: "eventChangedWaiting", change, untilMs: record.status.untilMs };
        return [registrationMessage(deps, { event, settings, now }, record, notice).message];
      }),
    );
  }
  return held + waiting + offered;
}

/** Those holding a place: the updated calendar entry, its SEQUENCE recorded in the same transaction. */
async function tellHolders(deps: ChangeDeps, eventId: string, change: string): Promise<number> {
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
