// The demo event of `npm start`: an upcoming event taking registrations, so a newcomer can
// register, fill its places, join the waiting list, cancel, see a place offered, name a
// delegation and check people in. Emulators only, marked as demo data in its title and source;
// the seed stays the 2005 report.
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";

export const DEMO_EVENT_ID = "demo-registration-seminar";
/** Days from today to the demo event's first day: upcoming, with time to try everything. */
export const DEMO_EVENT_LEAD_DAYS = 21;
const DAY_MS = 86_400_000;
const dayAfter = (now, days) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** The demo event's record, published and planned, DEMO_EVENT_LEAD_DAYS after `now`, for two days. */
export const demoEventOf = (now) => ({
  id: DEMO_EVENT_ID,
  kind: "seminar",
  title: {
    es: "[Demostración] Seminario de compras públicas con inscripción abierta",
    en: "[Demo] Public procurement seminar open for registration",
    pt: "[Demonstração] Seminário de compras públicas com inscrições abertas",
    fr: "[Démo] Séminaire sur les marchés publics ouvert aux inscriptions",
  },
  summary: {
    es: "Evento de demostración del emulador, para probar la inscripción: no existe.",
    en: "A demo event of the emulator, to try registration: it does not exist.",
  },
  status: "planned",
  start: dayAfter(now, DEMO_EVENT_LEAD_DAYS),
  end: dayAfter(now, DEMO_EVENT_LEAD_DAYS + 1),
  timeZone: "America/Santiago",
  city: { es: "Santiago", en: "Santiago" },
  // No host country: a published upcoming event would give its host a committee seat (the
  // Santiago rule) and change the demo logins' roles.
  hostCountries: [],
  organizerIds: [],
  attendingCountries: [],
  sessions: [
    {
      type: "forum",
      title: { es: "Foro abierto sobre compras electrónicas", en: "Open forum on e-procurement" },
      topics: [],
      topicIds: [],
    },
    {
      type: "workshop",
      title: {
        es: "Reunión privada de jefes de las agencias (solo delegados acreditados)",
        en: "Private meeting of the agencies' heads (accredited delegates only)",
      },
      topics: [],
      topicIds: [],
    },
  ],
  publication: "published",
  version: 1,
  source: "Demo data of the emulator (scripts/demo-event.mjs), not a real event",
});

/** Its registration: open since yesterday until the day before, 3 places, session 1 private, 2 delegates a country. */
export const demoSettingsOf = (now) => ({
  eventId: DEMO_EVENT_ID,
  opensAtMs: now.getTime() - DAY_MS,
  // Noon UTC the day before: a round morning hour in Santiago (09:00 or 08:00, as its clock goes).
  closesAtMs: Date.parse(`${dayAfter(now, DEMO_EVENT_LEAD_DAYS - 1)}T12:00:00Z`),
  startTime: "09:00",
  endTime: "18:00",
  places: 3,
  sessionRooms: [],
  categories: ["delegate", "observer", "speaker", "press"],
  privateSessions: [1],
  approvalCategories: [],
  countryQuota: 2,
  offerWindowHours: 48,
});

/**
 * Writes the demo event and its registration settings into the Firestore emulator at
 * `firestoreHost`, checked by the model's schemas. Called before the seed is loaded, whose
 * rebuild of the public view then shows the event (the view triggers may not be loaded yet). An existing demo event is left as the person
 * made it, unless it has passed: then it moves forward again with fresh settings.
 */
export async function ensureDemoEvent({ projectId, firestoreHost, now = new Date() }) {
  process.env.FIRESTORE_EMULATOR_HOST = firestoreHost;
  // Built by `npm run build`, which npm start runs first.
  const { EventSchema, RegistrationSettingsSchema, stripUndefined } = await import("../functions/lib/model/index.js");
  const app = initializeApp({ projectId }, `demo-event-${Date.now()}`);
  try {
    const db = getFirestore(app);
    const ref = db.doc(`events/${DEMO_EVENT_ID}`);
    const existing = (await ref.get()).data();
    if (existing && existing.start > now.toISOString().slice(0, 10)) return existing;
    const event = EventSchema.parse(demoEventOf(now));
    await db
      .doc(`registrationSettings/${DEMO_EVENT_ID}`)
      .set(stripUndefined(RegistrationSettingsSchema.parse(demoSettingsOf(now))));
    await ref.set(stripUndefined(event));
    return event;
  } finally {
    await deleteApp(app);
  }
}
