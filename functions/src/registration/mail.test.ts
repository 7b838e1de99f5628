import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { LANGS, type Lang, RegistrationSettingsSchema } from "../model/index.js";
import { type Notice, type RegistrationRecord, registrationMessage } from "./mail.js";
import { statusMail } from "./request-mail.js";

const deps = {
  key: "test-registration-key-0123456789abcdef-0123456789",
  sealKey: "test-outbox-key-0123456789abcdef-0123456789abcdef",
  origin: "https://www.compraspublicas.org",
  sender: "Red Interamericana <no-reply@compraspublicas.org>",
};
const event = {
  id: "santiago-2027",
  kind: "conference" as const,
  title: { es: "Conferencia <b>de</b> Santiago", en: "Santiago Conference" },
  status: "planned" as const,
  start: "2027-04-02",
  end: "2027-04-05",
  timeZone: "America/Santiago",
  hostCountries: ["CL"],
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  source: "mail.test.ts",
};
const settings = RegistrationSettingsSchema.parse({
  eventId: event.id,
  opensAtMs: 0,
  closesAtMs: 1,
  places: 10,
  categories: ["observer"],
  startTime: "09:00",
  endTime: "18:00",
});
const now = new Date("2027-03-01T12:00:00Z");
const person = (lang: Lang, timeZone?: string): RegistrationRecord => ({
  id: "0123456789abcdef0123456789abcdef",
  eventId: event.id,
  name: "Ana\nPérez",
  address: "ana@example.org",
  institution: "ChileCompra",
  country: "CL",
  category: "observer",
  lang,
  sessions: [],
  publicListConsent: false,
  requestedAtMs: 1_800_000_000_000,
  status: { state: "confirming" },
  ...(timeZone ? { timeZone } : {}),
});
const NOTICES: Notice[] = [
  { kind: "confirmed" },
  { kind: "claimed" },
  { kind: "waitlisted", position: 3 },
  { kind: "offered", untilMs: Date.parse("2027-03-03T12:00:00Z"), atMs: now.getTime() },
  { kind: "cancelled", from: "confirmed" },
  { kind: "cancelled", from: "waitlisted" },
  { kind: "lapsed", untilMs: Date.parse("2027-03-03T12:00:00Z") },
  { kind: "reminder", milestone: "before-7d" },
  { kind: "eventCancelled", held: true },
  { kind: "placesRaised", position: 2, change: "c1" },
  { kind: "placesLowered", change: "c2" },
  { kind: "eventChangedWaiting", change: "c3", position: 4 },
  { kind: "eventChangedWaiting", change: "c3", untilMs: Date.parse("2027-03-03T12:00:00Z") },
  { kind: "roomAdded", session: 0, change: "c4" },
];
const compose = (notice: Notice, lang: Lang = "en", timeZone?: string) =>
  registrationMessage(deps, { event, settings, now }, person(lang, timeZone), notice);

describe("a registration's emails", () => {
  it.each(LANGS)("fills every placeholder and carries the cancellation link in %s", (lang) => {
    for (const notice of NOTICES) {
      const { message } = compose(notice, lang, "Europe/Madrid");
      const { subject, text } = message.content;
      expect(`${subject}\n${text}`, `${lang} ${notice.kind}`).not.toMatch(/\{\w+\}/);
      expect(message.content.lang).toBe(lang);
      expect(text).toContain(`/${lang}/events/santiago-2027/registration/cancel?r=${person(lang).id}&t=`);
      expect(message.headers?.["List-Unsubscribe"]).toMatch(/^<https:\/\/www\.compraspublicas\.org\/.+\/cancel\?/);
      expect(message.seal?.tokens).toHaveLength(1);
      expect(message.recipient).toMatchObject({ id: `registration:${person(lang).id}`, name: "Ana Pérez" });
    }
  });

  it("gives the hours in the event's zone and in the person's, and only once when they are the same", () => {
    const abroad = compose({ kind: "confirmed" }, "en", "Europe/Madrid").message.content.text;
    expect(abroad).toMatch(
      /When: April 2, 2027.*9:00.*April 5, 2027.*6:00.PM \(Chile.*\); each day from 09:00 to 18:00\./,
    );
    // 09:00 in Santiago (UTC-3) is 14:00 in Madrid (UTC+2); 18:00 on the 5th (UTC-4) is 00:00 on the 6th.
    expect(abroad).toMatch(
      /In your time zone \(Central European.*\): April 2, 2027.*2:00.PM.*April 6, 2027.*12:00.AM\./,
    );
    const home = compose({ kind: "confirmed" }, "es").message.content.text;
    expect(home).toContain("Cuándo:");
    expect(home).not.toContain("En su zona horaria");
  });

  it("tells a waitlisted person their position, never a confirmation, and sends no calendar file", () => {
    const { message } = compose({ kind: "waitlisted", position: 3 }, "es");
    expect(message.purpose).toBe("registration.waitlisted");
    expect(message.content.subject).toBe("Lista de espera, puesto 3: Conferencia <b>de</b> Santiago");
    expect(message.content.text).toContain("Esto no es una confirmación");
    expect(message.content.text).not.toMatch(/confirmada/);
    expect(message.calendar).toBeUndefined();
    expect(message.content.html).not.toContain("<b>de</b>");
  });

  it("offers a place with the claim button and the deadline in both zones", () => {
    const { message } = compose(NOTICES[3] as Notice, "en", "Asia/Tokyo");
    expect(message.content.text).toMatch(/before March 3, 2027.*9:00.AM \(Chile/);
    expect(message.content.text).toMatch(/In your time zone \(Japan.*\), the deadline is March 3, 2027.*9:00.PM\./);
    expect(message.content.text).toContain(
      "Take the place: https://www.compraspublicas.org/en/events/santiago-2027/registration/claim?",
    );
    expect(message.calendar).toBeUndefined();
  });

  it("attaches the calendar entry to a place and cancels the same entry with the next SEQUENCE", () => {
    const placed = compose({ kind: "confirmed" });
    expect(placed.calendarSequence).toBe(0);
    expect(placed.message.calendar?.method).toBe("PUBLISH");
    const record = { ...person("en"), calendarSequence: 0 };
    const cancelled = registrationMessage(deps, { event, settings, now }, record, {
      kind: "cancelled",
      from: "confirmed",
    });
    expect(cancelled.calendarSequence).toBe(1);
    expect(cancelled.message.calendar?.method).toBe("CANCEL");
    const uid = (text = "") =>
      new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")?.getFirstPropertyValue("uid");
    expect(uid(cancelled.message.calendar?.content)).toBe(uid(placed.message.calendar?.content));
    // A reminder repeats the entry the person has, at the same SEQUENCE.
    const reminder = registrationMessage(
      deps,
      { event, settings, now },
      { ...record, calendarSequence: 0 },
      { kind: "reminder", milestone: "before-1d" },
    );
    expect(reminder.calendarSequence).toBeUndefined();
    expect(reminder.message.calendar?.content).toContain("SEQUENCE:0");
    // Leaving the waiting list or an offer removes no entry: none was sent.
    expect(compose({ kind: "cancelled", from: "waitlisted" }).message.calendar).toBeUndefined();
    expect(compose({ kind: "cancelled", from: "offered" }).message.calendar).toBeUndefined();
    for (const notice of NOTICES) {
      const { calendar } = compose(notice).message;
      if (calendar) expect(calendar.content).not.toContain("cancel?r=");
    }
  });

  it("tells the waiting list and an open offer of a moved event with the new hours in both zones, never a calendar file", () => {
    const waiting = compose({ kind: "eventChangedWaiting", change: "m1", position: 4 }, "en", "Europe/Madrid");
    expect(waiting.message.calendar).toBeUndefined();
    expect(waiting.calendarSequence).toBeUndefined();
    expect(waiting.message.content.text).toContain("position 4");
    expect(waiting.message.content.text).toContain("you do not hold a place");
    expect(waiting.message.content.text).toMatch(/Chile/);
    expect(waiting.message.content.text).toMatch(/Central European/);
    const offer = compose(
      { kind: "eventChangedWaiting", change: "m1", untilMs: Date.parse("2027-03-03T12:00:00Z") },
      "en",
      "Europe/Madrid",
    );
    expect(offer.message.calendar).toBeUndefined();
    // The deadline in the event's zone (09:00 in Santiago) and in theirs (13:00 in Madrid), and the claim link.
    expect(offer.message.content.text).toContain("March 3, 2027 at 9:00");
    expect(offer.message.content.text).toContain("March 3, 2027 at 1:00");
    expect(offer.message.content.text).toContain("/registration/claim?");
    // One email per person and change, whatever they held: the change names the occurrence.
    expect(waiting.message.occurrence).toBe(offer.message.occurrence);
    expect(waiting.message.purpose).toBe("registration.eventChangedWaiting");
  });
});

describe("the emails of a registration with rooms", () => {
  const withRooms = {
    ...event,
    sessions: [
      { type: "workshop" as const, title: { es: "Taller", en: "Workshop" }, topics: [], topicIds: [] },
      { type: "forum" as const, title: { es: "Foro", en: "Forum" }, topics: [], topicIds: [] },
    ],
  };
  const roomSettings = { ...settings, sessionRooms: [{ session: 0, places: 5 }] };
  const holder = (lang: Lang, seats: number[], seatsWaiting: number[]): RegistrationRecord => ({
    ...person(lang),
    sessions: [0, 1],
    seats,
    seatsWaiting,
  });
  const text = (record: RegistrationRecord, notice: Notice) =>
    registrationMessage(deps, { event: withRooms, settings: roomSettings, now }, record, notice).message.content;

  it.each(LANGS)("lists the sessions held, says a full room plainly, and names a seat given, in %s", (lang) => {
    const cases: [RegistrationRecord, Notice][] = [
      [holder(lang, [], [0]), { kind: "confirmed" }],
      [holder(lang, [], [0]), { kind: "offered", untilMs: now.getTime() + 3_600_000, atMs: now.getTime() }],
      [holder(lang, [0], []), { kind: "seatGiven", sessions: [0], atMs: now.getTime() }],
      [holder(lang, [0], []), { kind: "roomLowered", session: 0, waiting: false, change: "c3" }],
      [holder(lang, [], [0]), { kind: "roomLowered", session: 0, waiting: true, change: "c3" }],
    ];
    for (const [record, notice] of cases) {
      const { subject, text: body } = text(record, notice);
      expect(`${subject}\n${body}`, `${notice.kind} in ${lang}`).not.toMatch(/\{\w+\}/);
    }
  });

  it("says which sessions come with the place and what happens while a room is full", () => {
    const full = text(holder("en", [], [0]), { kind: "confirmed" }).text;
    expect(full).toContain("Sessions you hold a place in: Forum.");
    expect(full).toContain(
      "The room of the session Workshop was full: you hold the event place, without a seat in that session. If a seat in that room is freed, it goes to the first person waiting for it, in the order of confirmation, and you will be told by email.",
    );
    const seated = text(holder("en", [0], []), { kind: "confirmed" }).text;
    expect(seated).toContain("Sessions you hold a place in: Workshop and Forum.");
    expect(seated).not.toContain("was full");
    const given = text(holder("es", [0], []), { kind: "seatGiven", sessions: [0], atMs: now.getTime() });
    expect(given.subject).toBe("Ya tiene asiento en Taller: Conferencia <b>de</b> Santiago");
    expect(given.text).toContain("Se liberó un asiento en la sala de Taller");
    // Nobody who asked for no session reads a word about them.
    expect(text({ ...person("en") }, { kind: "confirmed" }).text).not.toContain("Sessions");
  });

  it("says the same in the status email while a place is held, and nothing of rooms on the waiting list", () => {
    const status = (record: RegistrationRecord) =>
      statusMail(deps.origin, deps.key, record, withRooms, roomSettings, record.id, undefined).text;
    const held = status({ ...holder("en", [], [0]), status: { state: "confirmed", via: "confirmation", atMs: 0 } });
    expect(held).toContain("Sessions you hold a place in: Forum.");
    expect(held).toContain("The room of the session Workshop was full");
    const waiting = status({ ...holder("en", [], []), status: { state: "waitlisted", seq: 2, atMs: 0 } });
    expect(waiting).not.toContain("Sessions you hold");
  });

  it("names the private session an accredited delegate holds, and tells one not yet accredited when they will", () => {
    const privateSettings = { ...roomSettings, sessionRooms: [], privateSessions: [1] };
    const delegate = (accredited: boolean): RegistrationRecord => ({
      ...holder("en", [], []),
      category: "delegate",
      delegationOf: "MX",
      ...(accredited ? { accredited: true } : {}),
    });
    const said = (record: RegistrationRecord) =>
      registrationMessage(deps, { event: withRooms, settings: privateSettings, now }, record, { kind: "confirmed" })
        .message.content.text;
    const accredited = said(delegate(true));
    expect(accredited).toContain("Sessions you hold a place in: Workshop.");
    expect(accredited).toContain("As an accredited delegate, you hold a place in the private sessions: Forum.");
    const notYet = said(delegate(false));
    expect(notYet).toContain("Sessions you hold a place in: Workshop.");
    expect(notYet).not.toContain("you hold a place in the private sessions");
    expect(notYet).toContain("Sessions for accredited delegates only: Forum. You will hold a place in them once");
    const status = statusMail(
      deps.origin,
      deps.key,
      { ...delegate(true), status: { state: "confirmed", via: "confirmation", atMs: 0 } },
      withRooms,
      privateSettings,
      "r1",
      undefined,
    ).text;
    expect(status).toContain("private sessions: Forum.");
  });

  it("names the person's zone in the status email as the form's choice reads, never by its code", () => {
    const record = { ...holder("es", [], []), timeZone: "Europe/Madrid" };
    const text = statusMail(deps.origin, deps.key, record, withRooms, roomSettings, record.id, undefined).text;
    expect(text).toContain("Fechas en su zona horaria (hora de Europa central (Madrid)).");
    expect(text).not.toContain("Europe/");
  });
});

describe("the email of a delegate their country withdrew", () => {
  const country = { es: "Chile", en: "Chile", pt: "Chile", fr: "Chili" } as const;
  it.each(LANGS)("says in %s who withdrew them and what they gave up, once per registration", (lang) => {
    const { message } = compose({ kind: "withdrawn", country: country[lang], from: "confirmed" }, lang);
    const { subject, text } = message.content;
    expect(`${subject}\n${text}`).not.toMatch(/\{\w+\}|regWithdraw/);
    expect(subject).toContain(country[lang]);
    expect(text).toContain(country[lang]);
    expect(message.purpose).toBe("registration.withdrawn");
  });

  it("cancels the calendar entry of a place held, and sends none to someone who only waited", () => {
    const held = compose({ kind: "withdrawn", country: "Chile", from: "confirmed" }, "en");
    expect(held.message.content.text).toContain("The representatives of Chile in the Network withdrew you");
    expect(held.message.content.text).toContain(
      "Your place at the event goes to the first person on the waiting list.",
    );
    expect(held.message.calendar).toBeDefined();
    expect(held.calendarSequence).toBe(0);
    const waited = compose({ kind: "withdrawn", country: "Chile", from: "waitlisted" }, "en");
    expect(waited.message.content.text).toContain("You are no longer on the event's waiting list.");
    expect(waited.message.calendar).toBeUndefined();
  });
});

describe("the emails of a room still being seated, or taken away", () => {
  const withRooms = {
    ...event,
    sessions: [
      { type: "workshop" as const, title: { es: "Taller", en: "Workshop" }, topics: [], topicIds: [] },
      { type: "forum" as const, title: { es: "Foro", en: "Forum" }, topics: [], topicIds: [] },
    ],
  };
  const roomSettings = { ...settings, sessionRooms: [{ session: 0, places: 5 }] };
  const waiter = (lang: Lang): RegistrationRecord => ({
    ...person(lang),
    sessions: [0, 1],
    seats: [],
    seatsWaiting: [0],
  });
  const said = (lang: Lang, notice: Notice, roomsPending?: number[]) =>
    registrationMessage(
      deps,
      { event: withRooms, settings: roomSettings, now, ...(roomsPending ? { roomsPending } : {}) },
      waiter(lang),
      notice,
    ).message.content;
  const offer: Notice = { kind: "offered", untilMs: now.getTime() + 3_600_000, atMs: now.getTime() };
  const removed: Notice = { kind: "roomRemoved", session: 0, change: "c5" };

  it.each(LANGS)("says in %s that a pending room's seats are given in order, never that it was full", (lang) => {
    const full = said(lang, { kind: "confirmed" }).text;
    for (const notice of [{ kind: "confirmed" } as const, { kind: "claimed" } as const, offer]) {
      const { subject, text } = said(lang, notice, [0]);
      expect(`${subject}\n${text}`, `${notice.kind} in ${lang}`).not.toMatch(/\{\w+\}|regmail\./);
      expect(text).not.toBe(full);
    }
    // The same words for a room full as before: only a pending room changes them.
    expect(said(lang, { kind: "confirmed" }, [1]).text).toBe(full);
  });

  it("tells a place given while the room is pending the true sentence, and an offer its own", () => {
    const placed = said("en", { kind: "confirmed" }, [0]).text;
    expect(placed).toContain("Sessions you hold a place in: Forum.");
    expect(placed).toContain(
      "The session Workshop has just been given a room of its own, and its seats are being given in the order of confirmation: you hold the event place, and if a seat in that session is yours, you will be told by email.",
    );
    expect(placed).not.toContain("was full");
    const offered = said("en", offer, [0]).text;
    expect(offered).toContain("the place offered comes without a seat in that session for now");
    expect(offered).not.toContain("is full");
    expect(said("es", { kind: "confirmed" }, [0]).text).toContain(
      "La sesión Taller acaba de recibir una sala propia y sus asientos se están dando por orden de confirmación",
    );
  });

  it.each(LANGS)(
    "tells in %s someone waiting for a room taken away that the session comes with their place",
    (lang) => {
      const { message } = registrationMessage(deps, { event: withRooms, settings, now }, waiter(lang), removed);
      const { subject, text } = message.content;
      expect(`${subject}\n${text}`).not.toMatch(/\{\w+\}|regmail\./);
      expect(subject).toMatch(/Workshop|Taller/);
      expect(message.purpose).toBe("registration.roomRemoved");
      expect(message.calendar).toBeUndefined();
    },
  );

  it("keys the room taken away by the committee's change, so a trigger delivered twice tells once", () => {
    const first = registrationMessage(deps, { event: withRooms, settings, now }, waiter("en"), removed).message;
    expect(first.content.subject).toBe("The session Workshop no longer has limited places: Santiago Conference");
    expect(first.content.text).toContain("You were waiting for a seat in it and no longer need one");
    const again = registrationMessage(deps, { event: withRooms, settings, now }, waiter("en"), removed).message;
    expect(again.occurrence).toBe(first.occurrence);
    const later = registrationMessage(deps, { event: withRooms, settings, now }, waiter("en"), {
      ...removed,
      change: "c6",
    }).message;
    expect(later.occurrence).not.toBe(first.occurrence);
  });
});
