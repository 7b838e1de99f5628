import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REGISTRATION_FORM, type RegistrationFormLimits } from "../../functions/src/config.js";
import { type MessageKey, translator } from "../../functions/src/i18n/index.js";
import type { LogEntry } from "../../functions/src/log.js";
import {
  converterFor,
  type Event,
  EventSchema,
  type Lang,
  OUTBOX_COLLECTION,
  PublicEventSchema,
  type RegistrationSettings,
} from "../../functions/src/model/index.js";
import { allocateConfirmations } from "../../functions/src/registration/allocator.js";
import type { RegistrationFormDeps } from "../../functions/src/registration/form-request.js";
import { registrationId } from "../../functions/src/registration/keys.js";
import { registerPath } from "../../functions/src/registration/links.js";
import { registrationSettings, registrations } from "../../functions/src/registration/store.js";
import { deriveSiteData, type SiteData } from "../../functions/src/site/data.js";
import { clearFirestore } from "../support/emulator-suite.js";
import { emulatedProject } from "../support/functions-admin.js";
import { attr, elementsOf, formsOf, textOf } from "../support/html.js";
import { deliverPending, deliveryTo } from "../support/outbox-delivery.js";
import { ORIGIN, seedSnapshot, siteWithForms } from "../support/seeded-site.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const PROJECT_ID = `demo-registration-form-${process.pid}`;
const KEY = "integration-test registration key, long enough";
const SEAL_KEY = "integration-test outbox key, long enough to use";
const SENDER = "Red Interamericana <no-reply@compraspublicas.org>";
const HOUR = 3_600_000;
const NOW = Date.parse("2027-03-01T12:00:00Z");
let now = NOW;
const clock = () => new Date(now);

const db = emulatedProject(PROJECT_ID);
let sink: SmtpSink;
let derived: SiteData;
const logged: LogEntry[] = [];
let limits: RegistrationFormLimits = REGISTRATION_FORM;

const registrationDeps = (): RegistrationFormDeps => ({
  db,
  clock,
  log: (entry) => logged.push(entry),
  key: KEY,
  sealKey: SEAL_KEY,
  origin: ORIGIN,
  sender: SENDER,
  limits,
});
const deliveryDeps = () =>
  deliveryTo(sink, { db, clock, sender: SENDER, log: (entry) => logged.push(entry), sealKey: SEAL_KEY });
const site = () => siteWithForms(() => derived, clock, logged, { registration: registrationDeps() });

/** A published conference in April 2027 in Santiago with two sessions: a forum in its own room, a private meeting. */
const conference = (id: string, fields: Partial<Event> = {}): Event =>
  EventSchema.parse({
    id,
    kind: "conference",
    title: { es: `Conferencia ${id}`, en: `Conference ${id}` },
    status: "planned",
    start: "2027-04-10",
    end: "2027-04-12",
    timeZone: "America/Santiago",
    hostCountries: ["CL"],
    sessions: [
      { type: "forum", title: { es: "Foro abierto", en: "Open forum" } },
      { type: "workshop", title: { es: "Reunión de jefes de agencia", en: "Heads of agency" } },
    ],
    source: "Written by test/integration/registration-form.test.ts",
    publication: "published",
    ...fields,
  });

const EVENTS = {
  open: conference("reg-open"),
  full: conference("reg-full"),
  other: conference("reg-other"),
  closed: conference("reg-closed"),
  notYet: conference("reg-not-yet"),
  past: conference("reg-past", { start: "2027-02-10", end: "2027-02-12", status: "held" }),
  cancelled: conference("reg-cancelled", { status: "cancelled" }),
  unpublished: conference("reg-unpublished", { publication: "draft" }),
  // As the demo event of `npm start`: the private session's title already says who it is for.
  private: conference("reg-private", {
    sessions: [
      { type: "forum", title: { es: "Foro abierto", en: "Open forum" }, topics: [], topicIds: [] },
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
  }),
};

async function openEvent(event: Event, settings: Partial<RegistrationSettings> = {}) {
  await db.collection("events").withConverter(converterFor("events")).doc(event.id).set(event);
  await registrationSettings(db)
    .doc(event.id)
    .set({
      eventId: event.id,
      opensAtMs: NOW - 24 * HOUR,
      closesAtMs: NOW + 24 * HOUR,
      places: 10,
      sessionRooms: [{ session: 0, places: 5 }],
      categories: ["delegate", "observer", "speaker", "press"],
      privateSessions: [1],
      approvalCategories: [],
      offerWindowHours: 48,
      startTime: "09:00",
      endTime: "18:00",
      ...settings,
    });
}

beforeAll(async () => {
  sink = await startSmtpSink();
  const snapshot = await seedSnapshot();
  // The public view as the site sees it: every event but the unpublished one.
  const shown = Object.values(EVENTS).filter((e) => e.publication === "published");
  derived = deriveSiteData({
    ...snapshot,
    events: [...snapshot.events, ...shown.map((e) => PublicEventSchema.parse(e))],
  });
});
afterAll(async () => {
  await sink?.close();
});
beforeEach(async () => {
  await clearFirestore(PROJECT_ID);
  sink.received.length = 0;
  logged.length = 0;
  now = NOW;
  limits = REGISTRATION_FORM;
  await openEvent(EVENTS.open);
});

interface Person {
  name: string;
  address: string;
  institution: string;
  country: string;
  category: string;
  lang: string;
  timeZone?: string;
  sessions?: string[];
  consent?: boolean;
}

const person = (i: number | string, fields: Partial<Person> = {}): Person => ({
  name: `Persona ${i}`,
  address: `persona${i}@example.org`,
  institution: "Dirección de Compras",
  country: "CL",
  category: "observer",
  lang: "es",
  ...fields,
});

const formBody = (p: Person) => {
  const body = new URLSearchParams({
    name: p.name,
    address: p.address,
    institution: p.institution,
    country: p.country,
    category: p.category,
    lang: p.lang,
    timeZone: p.timeZone ?? "America/Santiago",
  });
  for (const session of p.sessions ?? []) body.append("sessions", session);
  if (p.consent) body.set("consent", "yes");
  return body.toString();
};

/** The form as a browser sends it from the event page through Hosting (which sets Fastly-Client-IP). */
const register = (eventId: string, p: Person, page: Lang = "es", headers: Record<string, string> = {}) =>
  site().request(registerPath(page, eventId), {
    method: "POST",
    body: formBody(p),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: ORIGIN,
      "sec-fetch-site": "same-origin",
      "fastly-client-ip": "198.51.100.7",
      ...headers,
    },
  });

const post = (path: string, fields: Record<string, string> = {}) =>
  site().request(path, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });

/** Sends every waiting outbox message to the SMTP sink, as the outbox trigger would. */
const deliverAll = () => deliverPending(deliveryDeps());

/** The link to `page` of a registration in a received email's text, as a path the test site can request. */
function linkIn(mail: ParsedMail | undefined, page: "confirm" | "status" | "cancel"): string {
  const found = (mail?.text ?? "").match(
    new RegExp(`${ORIGIN.replace(/\./g, "\\.")}/\\S+/registration/${page}\\?\\S+`),
  );
  if (!found) throw new Error(`no ${page} link in:\n${mail?.text}`);
  const url = new URL(found[0]);
  return `${url.pathname}${url.search}`;
}

const mailTo = (address: string) =>
  sink.received.filter((m) => (m.to && "value" in m.to ? m.to.value[0]?.address : "") === address);

const textOfFirst = (html: string, tag: string) => {
  const found = elementsOf(html).find((e) => e.tagName === tag);
  return found ? textOf(found) : "";
};
const h1 = (html: string) => textOfFirst(html, "h1");
const pageText = (html: string) => textOfFirst(html, "body");

/** Registers `p`, confirms from the email's button and lets the allocator decide; returns the status page's path. */
async function registerAndConfirm(eventId: string, p: Person): Promise<string> {
  expect((await register(eventId, p)).status).toBe(200);
  await deliverAll();
  const mail = mailTo(p.address).at(-1);
  const page = await site().request(linkIn(mail, "confirm"));
  expect(page.status).toBe(200);
  const [button] = formsOf(await page.text()).filter((f) => f.method === "post");
  const confirmed = await post(button?.action ?? "", button?.fields);
  expect(confirmed.status).toBe(200);
  const status = statusLinkOf(await confirmed.text());
  await allocateConfirmations(registrationDeps(), eventId);
  return status;
}

function statusLinkOf(html: string): string {
  const link = elementsOf(html).find(
    (e) => e.tagName === "a" && (attr(e, "href") ?? "").includes("/registration/status?"),
  );
  const href = link ? attr(link, "href") : undefined;
  if (!href) throw new Error("no status link on the page");
  return href;
}

describe("registering on the public site without JavaScript", () => {
  it("shows the form on the event page, registers, confirms from the emailed link's button, and the status page shows the place", async () => {
    const t = translator("en");
    const eventPage = await site().request("/en/events/reg-open");
    expect(eventPage.status).toBe(200);
    // Places left change without the view changing: the instance keeps no copy, the CDN a short one.
    expect(eventPage.headers.get("cache-control")).toContain("s-maxage=50");
    const html = await eventPage.text();
    const [form] = formsOf(html).filter((f) => f.action === "/en/events/reg-open/registration");
    expect(form?.method).toBe("post");
    expect(pageText(html)).toContain(t("regform.placesLeft", { count: 10, places: 10 }));
    const consent = elementsOf(html).find((e) => attr(e, "id") === "reg-consent");
    expect(consent?.attrs.some((a) => a.name === "checked")).toBe(false);
    // The person's own time zone starts as the event's.
    expect(form?.fields.timeZone).toBe("America/Santiago");

    // The form's address itself is no page: asked for with GET, it leads to the event page's form.
    const get = await site().request("/en/events/reg-open/registration");
    expect([get.status, get.headers.get("location")]).toEqual([303, "/en/events/reg-open#registration"]);

    const ana = person("ana", { address: "Ana.Perez@example.org", lang: "en", sessions: ["0"], consent: true });
    const sent = await register("reg-open", ana, "en");
    expect(sent.status).toBe(200);
    expect(sent.headers.get("cache-control")).toBe("no-store");
    expect(h1(await sent.text())).toBe(t("regform.sent.title"));

    await deliverAll();
    const [mail] = mailTo(ana.address);
    expect(mail?.subject).toBe(t("regform.mail.confirm.subject", { event: "Conference reg-open" }));
    // The one-click cancellation rides along (RFC 8058), visible in the text too.
    const listUnsubscribe = mail?.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    expect(listUnsubscribe).toContain("/en/events/reg-open/registration/cancel?");
    expect(mail?.text).toContain("/en/events/reg-open/registration/cancel?");

    // Opening the link (as a mail scanner does) shows a button and confirms nobody.
    const confirmLink = linkIn(mail, "confirm");
    const page = await site().request(confirmLink);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const pageHtml = await page.text();
    expect(elementsOf(pageHtml).some((e) => e.tagName === "meta" && attr(e, "content") === "no-referrer")).toBe(true);
    const id = registrationId(KEY, "reg-open", ana.address);
    expect((await registrations(db).doc(id).get()).data()?.status.state).toBe("pending");

    const [button] = formsOf(pageHtml).filter((f) => f.method === "post");
    const confirmed = await post(button?.action ?? "", button?.fields);
    expect(confirmed.status).toBe(200);
    const confirmedHtml = await confirmed.text();
    expect(h1(confirmedHtml)).toBe(t("regform.confirming.title"));
    const status = statusLinkOf(confirmedHtml);

    // Before the allocator: the status page says it is being decided and reloads itself.
    const deciding = await (await site().request(status)).text();
    expect(pageText(deciding)).toContain(t("regform.status.confirming"));
    expect(elementsOf(deciding).some((e) => attr(e, "http-equiv") === "refresh")).toBe(true);

    await allocateConfirmations(registrationDeps(), "reg-open");
    const decided = await site().request(status);
    expect(decided.status).toBe(200);
    expect(decided.headers.get("cache-control")).toBe("no-store");
    expect(pageText(await decided.text())).toContain(t("regform.status.confirmed"));
    expect((await registrations(db).doc(id).get()).data()).toMatchObject({
      address: "ana.perez@example.org",
      sessions: [0],
      publicListConsent: true,
      timeZone: "America/Santiago",
      status: { state: "confirmed" },
    });

    // The event page counts the place taken.
    const after = await (await site().request("/en/events/reg-open")).text();
    expect(pageText(after)).toContain(t("regform.placesLeft", { count: 9, places: 10 }));

    // Nothing but keyed hashes in the logs: no address, no IP, no token.
    const logText = JSON.stringify(logged).toLowerCase();
    expect(logText).not.toContain("ana.perez");
    expect(logText).not.toContain("198.51.100.7");
    expect(logText).not.toContain(new URL(confirmLink, ORIGIN).searchParams.get("t")?.toLowerCase());
    expect(logText).not.toContain(new URL(status, ORIGIN).searchParams.get("t")?.toLowerCase());
  });

  it("puts whoever confirms after the places are taken on the waiting list, with their position", async () => {
    const t = translator("es");
    await openEvent(EVENTS.full, { places: 1, sessionRooms: [] });
    await registerAndConfirm("reg-full", person("first"));
    const second = await registerAndConfirm("reg-full", person("second"));
    const third = await registerAndConfirm("reg-full", person("third"));
    expect(pageText(await (await site().request(second)).text())).toContain(
      t("regform.status.waitlisted", { position: 1 }),
    );
    expect(pageText(await (await site().request(third)).text())).toContain(
      t("regform.status.waitlisted", { position: 2 }),
    );
    const eventPage = await (await site().request("/es/events/reg-full")).text();
    expect(pageText(eventPage)).toContain(t("regform.full"));
    expect(formsOf(eventPage).some((f) => f.action === "/es/events/reg-full/registration")).toBe(true);
  });

  it("never offers a private session on the form, says in one sentence who it is for, and tells a forged tick why it is refused", async () => {
    for (const lang of ["es", "en", "pt", "fr"] as const) {
      const t = translator(lang);
      // The conference: the forum in its own room, the private meeting; the demo's: no room at all.
      await openEvent(EVENTS.private, { sessionRooms: [] });
      for (const id of ["reg-open", "reg-private"]) {
        const html = await (await site().request(`/${lang}/events/${id}`)).text();
        const elements = elementsOf(html);
        const boxes = elements.filter((e) => e.tagName === "input" && attr(e, "name") === "sessions");
        expect(
          boxes.map((e) => attr(e, "value")),
          `${id} in ${lang}`,
        ).toEqual(id === "reg-open" ? ["0"] : []);
        const text = pageText(html);
        expect(text.split(t("regform.session.privateOne")).length - 1, `${id} in ${lang}`).toBe(1);
        // No label says a note twice, and none says the private note the session's title carries.
        for (const label of elements.filter((e) => e.tagName === "label")) {
          const said = textOf(label);
          const notes = said.match(/\([^)]*\)/g) ?? [];
          expect(new Set(notes).size, said).toBe(notes.length);
          expect(said).not.toMatch(/acreditados.*acreditados|accredited.*accredited/);
        }
      }
    }
    // A forged tick of the private session (or a page cached before it became private) says why.
    const t = translator("es");
    const forged = await register("reg-private", person("forged", { category: "delegate", sessions: ["1"] }));
    expect(forged.status).toBe(400);
    const html = await forged.text();
    const error = elementsOf(html).find((e) => attr(e, "id") === "reg-sessions-error");
    expect(error ? textOf(error) : "").toBe(t("regform.error.privateSession"));
    // The legitimate path beside it: the same person without the tick is registered.
    expect((await register("reg-private", person("forged", { category: "delegate" }))).status).toBe(200);
    expect((await registrations(db).get()).size).toBe(1);
  });

  it("labels each time zone by the name people know it by, in the page's language, the value staying the zone's code", async () => {
    for (const [lang, chile, madrid] of [
      ["es", "hora de Chile", "hora de Europa central (Madrid)"],
      ["en", "Chile Time", "Central European Time (Madrid)"],
    ] as const) {
      const html = await (await site().request(`/${lang}/events/reg-open`)).text();
      const elements = elementsOf(html);
      const select = elements.find((e) => attr(e, "id") === "reg-timeZone");
      const options = elements.filter((e) => e.tagName === "option" && e.parentNode === select);
      const zones = options.map((o) => attr(o, "value"));
      const labels = options.map((o) => textOf(o));
      const label = (zone: string) => labels[zones.indexOf(zone)];
      expect(label("America/Santiago")).toBe(chile);
      expect(label("Europe/Madrid")).toBe(madrid);
      // The event's zone is chosen; no option reads as a code; no two read the same.
      const chosen = options.find((o) => o.attrs.some((a) => a.name === "selected"));
      expect(chosen ? attr(chosen, "value") : undefined).toBe("America/Santiago");
      expect(labels.filter((l) => /\w\/\w/.test(l))).toEqual([]);
      expect(new Set(labels).size).toBe(labels.length);
      // West to east: Honolulu, Mexico City, Santiago, then UTC and Madrid.
      const order = ["Pacific/Honolulu", "America/Mexico_City", "America/Santiago", "UTC", "Europe/Madrid"];
      expect(order.map((zone) => zones.indexOf(zone))).toEqual(
        order.map((zone) => zones.indexOf(zone)).sort((a, b) => a - b),
      );
    }
    // What the person chose is still the code: it is what the emails' hours use.
    expect((await register("reg-open", person("zone", { timeZone: "Europe/Madrid" }))).status).toBe(200);
    const [record] = (await registrations(db).get()).docs;
    expect(record?.data().timeZone).toBe("Europe/Madrid");
  });

  it("says beside each session with its own room how many places are left in it, or that it is full, and the status page which sessions are held", async () => {
    const t = translator("es");
    await openEvent(EVENTS.full, { places: 3, sessionRooms: [{ session: 0, places: 2 }] });
    const eventPage = async () => pageText(await (await site().request("/es/events/reg-full")).text());
    expect(await eventPage()).toContain(t("regform.room.seatsLeft", { count: 2, places: 2 }));
    const first = await registerAndConfirm("reg-full", person("room1", { sessions: ["0"] }));
    expect(await eventPage()).toContain(t("regform.room.seatsLeft", { count: 1, places: 2 }));
    expect(pageText(await (await site().request(first)).text())).toContain(
      t("regmail.seats.held", { sessions: "Foro abierto" }),
    );
    await registerAndConfirm("reg-full", person("room2", { sessions: ["0"] }));
    const full = await eventPage();
    expect(full).toContain(t("regform.room.full"));
    expect(full).toContain(t("regform.placesLeft", { count: 1, places: 3 }));
    // The third holds the event's place without the room, and their status page says so.
    const third = pageText(
      await (await site().request(await registerAndConfirm("reg-full", person("room3", { sessions: ["0"] })))).text(),
    );
    expect(third).toContain(t("regform.status.confirmed"));
    expect(third).toContain(t("regmail.seats.full", { session: "Foro abierto" }));
  });

  it("cancels in one click (RFC 8058) and offers the freed place to the first on the waiting list, who takes it", async () => {
    const t = translator("es");
    await openEvent(EVENTS.full, { places: 1, sessionRooms: [] });
    await registerAndConfirm("reg-full", person("holder"));
    const waiting = await registerAndConfirm("reg-full", person("waiting"));
    const cancelLink = linkIn(mailTo("personaholder@example.org")[0], "cancel");

    // Opening the cancel link changes nothing; the mail client's one-click POST cancels, 200, no redirect.
    const cancelPage = await site().request(cancelLink);
    expect(cancelPage.status).toBe(200);
    const [button] = formsOf(await cancelPage.text()).filter((f) => f.method === "post");
    expect(button?.fields).toEqual({ "List-Unsubscribe": "One-Click" });
    const holder = registrationId(KEY, "reg-full", "personaholder@example.org");
    expect((await registrations(db).doc(holder).get()).data()?.status.state).toBe("confirmed");
    const cancelled = await post(cancelLink, { "List-Unsubscribe": "One-Click" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.headers.get("location")).toBeNull();
    expect((await registrations(db).doc(holder).get()).data()?.status).toMatchObject({ state: "cancelled" });

    // The first on the list sees the offer on their status page and takes it with the claim button.
    const statusHtml = await (await site().request(waiting)).text();
    expect(pageText(statusHtml)).toContain(t("regform.status.claim"));
    const claimHref = elementsOf(statusHtml)
      .filter((e) => e.tagName === "a")
      .map((e) => attr(e, "href") ?? "")
      .find((href) => href.includes("/registration/claim?"));
    const claimPage = await site().request(claimHref ?? "");
    expect(claimPage.status).toBe(200);
    const [claim] = formsOf(await claimPage.text()).filter((f) => f.method === "post");
    const claimed = await post(claim?.action ?? "");
    expect(claimed.status).toBe(200);
    expect(pageText(await (await site().request(waiting)).text())).toContain(t("regform.status.confirmed"));
    // A place claimed twice is refused with a clear sentence.
    const again = await post(claim?.action ?? "");
    expect(again.status).toBe(400);
    expect(pageText(await again.text())).toContain(t("regform.claim.none"));
  });

  it("refuses an offer claimed after its window, in a clear sentence", async () => {
    const t = translator("es");
    await openEvent(EVENTS.full, { places: 1, sessionRooms: [], offerWindowHours: 1 });
    await registerAndConfirm("reg-full", person("holder"));
    const waiting = await registerAndConfirm("reg-full", person("late"));
    await post(linkIn(mailTo("personaholder@example.org")[0], "cancel"));
    const claimHref = elementsOf(await (await site().request(waiting)).text())
      .map((e) => attr(e, "href") ?? "")
      .find((href) => href.includes("/registration/claim?"));
    now += 2 * HOUR;
    const page = await site().request(claimHref ?? "");
    expect(page.status).toBe(400);
    expect(pageText(await page.text())).toContain(t("regform.claim.expired"));
    const pressed = await post(claimHref ?? "");
    expect(pressed.status).toBe(400);
    expect(pageText(await pressed.text())).toContain(t("regform.claim.expired"));
  });
});

describe("what a registration request reveals", () => {
  it("answers an address that is new, pending or registered with the same page, and never makes a second registration", async () => {
    limits = { ...REGISTRATION_FORM, perAddress: { max: 10, windowMs: 24 * HOUR } };
    const address = "known@example.org";
    const first = await register("reg-open", person("k", { address }));
    const firstHtml = await first.text();
    const pending = await register("reg-open", person("k", { address: "KNOWN@example.org " }));
    await registerAndConfirm("reg-open", person("k2", { address: "other@example.org" }));
    await deliverAll();
    // Confirm the known address, then ask again for it and for an unknown one.
    sink.received.length = 0;
    const id = registrationId(KEY, "reg-open", address);
    await registerAndConfirm("reg-open", person("k", { address }));
    const known = await register("reg-open", person("k", { address: "Known@Example.org" }));
    const unknown = await register("reg-open", person("u", { address: "unknown@example.org" }));
    const answers = [first, pending, known, unknown].map((r) => r.status);
    expect(answers).toEqual([200, 200, 200, 200]);
    const bodies = [firstHtml, await pending.text(), await known.text(), await unknown.text()];
    expect(new Set(bodies).size).toBe(1);

    // Only the mailbox learns the difference: the known address gets its status, with the place.
    await deliverAll();
    // (The allocator's "place confirmed" email reaches it too: the status email is the one asked for here.)
    const statusSubject = translator("es")("regform.mail.status.subject", { event: "Conferencia reg-open" });
    const statuses = mailTo(address).filter((m) => m.subject === statusSubject);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]?.text).toContain(translator("es")("regform.mail.status.confirmed"));
    expect(mailTo("unknown@example.org")[0]?.subject).toBe(
      translator("es")("regform.mail.confirm.subject", { event: "Conferencia reg-open" }),
    );
    const records = await registrations(db).where("eventId", "==", "reg-open").get();
    expect(records.docs.filter((d) => d.id === id)).toHaveLength(1);
    expect(records.size).toBe(3);
    expect((await registrations(db).doc(id).get()).data()?.status.state).toBe("confirmed");
  });

  it("limits emails per address the same way whether the address is known or not", async () => {
    limits = { ...REGISTRATION_FORM, perAddress: { max: 1, windowMs: 24 * HOUR } };
    await registerAndConfirm("reg-open", person("x", { address: "held@example.org" }));
    const known = await register("reg-open", person("x", { address: "held@example.org" }));
    await register("reg-open", person("y", { address: "fresh@example.org" }));
    const unknown = await register("reg-open", person("y", { address: "fresh@example.org" }));
    expect([known.status, unknown.status]).toEqual([429, 429]);
    expect(pageText(await known.text())).toBe(pageText(await unknown.text()));
  });
});

describe("attacks on the registration form and its links", () => {
  it("refuses a POST without the browser's same-origin headers or from another site, and the form from the site works", async () => {
    const bare = await site().request(registerPath("es", "reg-open"), {
      method: "POST",
      body: formBody(person("csrf")),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(bare.status).toBe(403);
    const forged = await register("reg-open", person("csrf"), "es", {
      origin: "https://attacker.example",
      "sec-fetch-site": "cross-site",
    });
    expect(forged.status).toBe(403);
    expect(pageText(await forged.text())).toContain(translator("es")("regform.error.origin"));
    expect((await db.collection(OUTBOX_COLLECTION).get()).size).toBe(0);
    expect((await registrations(db).get()).size).toBe(0);
    expect((await register("reg-open", person("csrf"))).status).toBe(200);
    expect((await registrations(db).get()).size).toBe(1);
  });

  it("refuses a confirmation token reused, wrong, or for another event; a status token for another event or forged", async () => {
    const t = translator("es");
    await openEvent(EVENTS.other);
    await register("reg-open", person("tok"));
    await deliverAll();
    const link = linkIn(mailTo("personatok@example.org")[0], "confirm");
    const url = new URL(link, ORIGIN);
    const r = url.searchParams.get("r") ?? "";
    const token = url.searchParams.get("t") ?? "";
    // Another event's path with this registration's token; a token one character off.
    const wrongEvent = await site().request(`/es/events/reg-other/registration/confirm?r=${r}&t=${token}`);
    expect(wrongEvent.status).toBe(400);
    expect(pageText(await wrongEvent.text())).toContain(t("regform.invalid.confirm"));
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await post("/es/events/reg-open/registration/confirm", { r, t: flipped })).status).toBe(400);
    expect((await post("/es/events/reg-other/registration/confirm", { r, t: token })).status).toBe(400);
    const id = registrationId(KEY, "reg-open", "personatok@example.org");
    expect((await registrations(db).doc(id).get()).data()?.status.state).toBe("pending");

    // The legitimate button works once; the same token again is refused.
    const confirmed = await post("/es/events/reg-open/registration/confirm", { r, t: token });
    expect(confirmed.status).toBe(200);
    const status = statusLinkOf(await confirmed.text());
    const reused = await post("/es/events/reg-open/registration/confirm", { r, t: token });
    expect(reused.status).toBe(400);
    expect(pageText(await reused.text())).toContain(t("regform.invalid.confirm"));

    // The status, cancel and claim links open nothing of another event, nor with a forged token.
    const statusUrl = new URL(status, ORIGIN);
    const ownerToken = statusUrl.searchParams.get("t") ?? "";
    for (const page of ["status", "cancel", "claim"]) {
      const other = await site().request(`/es/events/reg-other/registration/${page}?r=${r}&t=${ownerToken}`);
      expect(other.status).toBe(400);
      expect(pageText(await other.text())).toContain(t("regform.invalid.owner"));
      const forged = await site().request(`/es/events/reg-open/registration/${page}?r=${r}&t=${"A".repeat(22)}`);
      expect(forged.status).toBe(400);
    }
    expect((await post(`/es/events/reg-other/registration/cancel?r=${r}&t=${ownerToken}`)).status).toBe(400);
    expect((await post(`/es/events/reg-open/registration/cancel?r=${r}&t=${"A".repeat(22)}`)).status).toBe(400);
    expect((await registrations(db).doc(id).get()).data()?.status.state).toBe("confirming");
    expect((await site().request(status)).status).toBe(200);
  });

  it("refuses registration for an event that is past, closed, not yet open, cancelled or unpublished, in a clear sentence, and shows no form", async () => {
    const t = translator("en");
    await openEvent(EVENTS.past);
    await openEvent(EVENTS.cancelled);
    await openEvent(EVENTS.unpublished);
    await openEvent(EVENTS.closed, { opensAtMs: NOW - 48 * HOUR, closesAtMs: NOW - HOUR });
    await openEvent(EVENTS.notYet, { opensAtMs: NOW + HOUR, closesAtMs: NOW + 48 * HOUR });
    const cases: [Event, string][] = [
      [EVENTS.past, t("regform.state.past")],
      [EVENTS.cancelled, t("regform.state.cancelled")],
      [EVENTS.unpublished, t("regform.state.unpublished")],
      // The sentence up to its date, which is written in the event's zone.
      [EVENTS.closed, t("regform.state.closed").split("{")[0] ?? ""],
      [EVENTS.notYet, t("regform.state.notYetOpen").split("{")[0] ?? ""],
    ];
    for (const [event, sentence] of cases) {
      const refused = await register(event.id, person(`late-${event.id}`), "en");
      expect(refused.status, event.id).toBe(400);
      expect(pageText(await refused.text()), event.id).toContain(sentence);
      if (event.publication !== "published") continue;
      const page = await (await site().request(`/en/events/${event.id}`)).text();
      expect(pageText(page), event.id).toContain(sentence);
      expect(
        formsOf(page).some((f) => f.action.endsWith("/registration")),
        event.id,
      ).toBe(false);
    }
    expect((await registrations(db).get()).size).toBe(0);
    expect((await db.collection(OUTBOX_COLLECTION).get()).size).toBe(0);
  });

  it("brings a refused form back with each error beside its field, in the page's language, keeping what was typed, with markup inert", async () => {
    const script = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    type Expected = Partial<
      Record<"name" | "address" | "country" | "category" | "timeZone" | "lang" | "sessions", MessageKey>
    >;
    const cases: { lang: Lang; fields: Partial<Person>; errors: Expected }[] = [
      { lang: "fr", fields: { name: script, address: "not an address" }, errors: { address: "regform.error.address" } },
      {
        lang: "pt",
        fields: { name: "", institution: script, country: "XX" },
        errors: { name: "regform.error.name", country: "regform.error.country" },
      },
      {
        lang: "en",
        fields: { category: "minister", timeZone: "Mars/Olympus", lang: "de" },
        errors: { category: "regform.error.category", timeZone: "regform.error.timeZone", lang: "regform.error.lang" },
      },
      { lang: "es", fields: { sessions: ["7"] }, errors: { sessions: "regform.error.sessions" } },
      // A private session asked on the form: only an accredited delegation gives its places.
      { lang: "es", fields: { sessions: ["1"] }, errors: { sessions: "regform.error.privateSession" } },
      {
        lang: "en",
        fields: { name: "x".repeat(201), address: "a@b.org\r\nBcc: victim@example.org" },
        errors: { name: "regform.error.name", address: "regform.error.address" },
      },
    ];
    for (const { lang, fields, errors } of cases) {
      const t = translator(lang);
      const typed = person("bad", { institution: script, ...fields });
      const response = await register("reg-open", typed, lang);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const html = await response.text();
      const elements = elementsOf(html);
      // Inert: the markup typed is text in a value, never an element of the page.
      expect(elements.some((e) => e.tagName === "script" && textOf(e).includes("alert"))).toBe(false);
      expect(elements.some((e) => e.tagName === "img" && attr(e, "src") === "x")).toBe(false);
      for (const [field, key] of Object.entries(errors)) {
        const error = elements.find((e) => attr(e, "id") === `reg-${field}-error`);
        expect(error ? textOf(error) : "", `${field} in ${lang}`).toBe(t(key));
      }
      for (const field of ["name", "address", "institution"] as const) {
        const input = elements.find((e) => attr(e, "id") === `reg-${field}`);
        // As a browser reads it: HTML turns a CR LF in an attribute into LF.
        expect(input ? attr(input, "value") : undefined, field).toBe(typed[field].replace(/\r\n?/g, "\n"));
      }
    }
    expect((await registrations(db).get()).size).toBe(0);
    expect((await db.collection(OUTBOX_COLLECTION).get()).size).toBe(0);
  });

  it("keeps a name with markup inert in the confirmation email", async () => {
    const name = `<b onmouseover="alert(1)">Ana</b>`;
    await register("reg-open", person("html", { name }));
    await deliverAll();
    const [mail] = mailTo("personahtml@example.org");
    expect(String(mail?.html)).not.toContain("<b onmouseover");
    expect(String(mail?.html)).toContain("&lt;b onmouseover");
  });
});
