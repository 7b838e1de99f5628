import type { Firestore } from "firebase-admin/firestore";
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
