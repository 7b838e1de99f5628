import type { Firestore, Transaction } from "firebase-admin/firestore";
import { COLLECTIONS, converterFor, REGISTRATION_COLLECTIONS, schemaConverter } from "../model/index.js";

/** The registration collections, each read and written through its schema. */
export const registrations = (db: Firestore) =>
  db
    .collection(REGISTRATION_COLLECTIONS.registrations.path)
    .withConverter(schemaConverter(REGISTRATION_COLLECTIONS.registrations.schema));

export const registrationSettings = (db: Firestore) =>
  db
    .collection(REGISTRATION_COLLECTIONS.registrationSettings.path)
    .withConverter(schemaConverter(REGISTRATION_COLLECTIONS.registrationSettings.schema));

export const registrationCounters = (db: Firestore) =>
  db
    .collection(REGISTRATION_COLLECTIONS.registrationCounters.path)
    .withConverter(schemaConverter(REGISTRATION_COLLECTIONS.registrationCounters.schema));

/** The events registrations are for, read through their schema. */
export const eventRecords = (db: Firestore) =>
  db.collection(COLLECTIONS.events.path).withConverter(converterFor("events"));
export const registrationFigures = (db: Firestore) =>
  db
    .collection(REGISTRATION_COLLECTIONS.registrationFigures.path)
    .withConverter(schemaConverter(REGISTRATION_COLLECTIONS.registrationFigures.schema));

/**
 * What every decision about an event's places reads in its transaction, side by side: the
 * event's counter, its registration settings and its record (each undefined when absent).
 */
export async function placesState(tx: Transaction, db: Firestore, eventId: string) {
  const [counter, settings, event] = await Promise.all([
    tx.get(registrationCounters(db).doc(eventId)),
    tx.get(registrationSettings(db).doc(eventId)),
    tx.get(eventRecords(db).doc(eventId)),
  ]);
  return { counter: counter.data(), settings: settings.data(), event: event.data() };
}

/**
 * The attempts of a transaction that a rush makes contend (the allocator's, a confirmation's,
 * and every other one writing the event's counter: a cancellation, an offer passed on, a delegate
 * accepting, accreditation, a country's withdrawal, the committee's changes of places and rooms):
 * Firestore retries an aborted one with a growing pause, so a loser waits rather than fails.
 */
export const RUSH_RETRIES = { maxAttempts: 30 };
