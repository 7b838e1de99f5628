import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Event } from "../../functions/src/model/index.js";
import type { PublicSnapshot } from "../../functions/src/views/public-snapshot.js";
import { seedSnapshot, siteOver } from "../support/seeded-site.js";

const SANTIAGO = "iii-seminar-santiago-2005";
const SAO_PAULO = "ii-seminar-sao-paulo-2004";

/** Timed events in Santiago, in winter (UTC−4) and in summer (daylight time, UTC−3). */
const timed = (id: string, start: string, end: string): Event => ({
  id,
  kind: "workshop",
  title: { es: `Taller ${id}`, en: `Workshop ${id}` },
  status: "planned",
  start,
  end,
  timeZone: "America/Santiago",
  hostCountries: ["CL"],
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  source: "test fixture",
});

let snapshot: PublicSnapshot;
let site: ReturnType<typeof siteOver>;
beforeAll(async () => {
  snapshot = await seedSnapshot();
  site = siteOver(snapshot);
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await site.request(path, { headers });
  return { res, body: await res.text() };
};
const main = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));

describe("the events list", () => {
  it("lists the planned event as upcoming and the held ones as past, with dates, city and hosts", async () => {
    const { res, body } = await get("/en/events");
    expect(res.status).toBe(200);
    const html = main(body);
    const upcoming = html.slice(html.indexOf('id="upcoming"'), html.indexOf('id="past"'));
    const past = html.slice(html.indexOf('id="past"'));
    expect(upcoming).toContain("/en/events/next-event-united-states");
    expect(upcoming).toContain("United States");
    expect(past).toContain(`/en/events/${SANTIAGO}`);
    expect(past).toContain("Santiago de Chile");
    expect(past).toContain('<a href="/en/countries/cl">Chile</a>');
    expect(past).toContain("September 2004");
    expect(past).toContain("Date not stated");
    // Most recent first.
    expect(past.indexOf(SANTIAGO)).toBeLessThan(past.indexOf(SAO_PAULO));
  });

  it("pages the past events fifty at a time, keeping upcoming ones on the first page", async () => {
    const many = structuredClone(snapshot);
    for (let n = 0; n < 120; n++) {
      const { start: _start, end: _end, ...undated } = timed(`past-${n}`, "2000-01-01", "2000-01-01");
      many.events.push({ ...undated, status: "held", start: `${1900 + n}` });
    }
    const paged = siteOver(many);
    const page = async (query: string) => {
      const res = await paged.request(`/en/events${query}`);
      return { status: res.status, html: main(await res.text()) };
    };
    const first = await page("");
    expect(first.html).toContain("next-event-united-states");
    expect(first.html.match(/<li class="card">/g)).toHaveLength(51);
    expect(first.html).toContain("Page 1 of 3");
    expect(first.html).toContain('href="/en/events?page=2" rel="next"');
    const third = await page("?page=3");
    expect(third.status).toBe(200);
    expect(third.html).not.toContain("next-event-united-states");
    expect(third.html).toContain('href="/en/events?page=2" rel="prev"');
    expect(third.html).toContain("previous-event-peru");
    expect((await page("?page=4")).status).toBe(404);
    const bad = await paged.request("/es/events?page=abc");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("el número de página debe ser un entero positivo");
  });

  it("links to the events calendar in the page and in its head", async () => {
    const { body } = await get("/es/events");
    expect(main(body)).toContain('href="/es/calendar.ics"');
    expect(body).toMatch(/<link rel="alternate" type="text\/calendar" href="\/es\/calendar.ics"/);
  });
});

describe("an event page", () => {
  it("shows the Santiago seminar's facts in Spanish", async () => {
    const { res, body } = await get(`/es/events/${SANTIAGO}`);
    expect(res.status).toBe(200);
    const html = main(body);
    expect(html).toContain("III Seminario Interamericano en E-Compras Gubernamentales");
    expect(html).toMatch(/20\s?–\s?23 de junio de 2005/);
    expect(html).toContain("hora de Chile");
    expect(html).toContain("Santiago de Chile");
    expect(html).toContain("Organización de los Estados Americanos");
    expect(html).toContain("Gobierno de Chile");
    expect(html).toMatch(/Altos funcionarios<\/dt><dd>38<\/dd>/);
    expect(html).toMatch(/Países<\/dt><dd>18<\/dd>/);
    expect(html).toMatch(/Instituciones multilaterales<\/dt><dd>2<\/dd>/);
    for (const heading of ["Mesas de trabajo", "Foros de discusión", "Presentaciones"]) expect(html).toContain(heading);
    expect(html).toContain("Firma digital y seguridad");
    expect(html).toContain('href="/es/library?topic=sme-participation"');
    expect(html).toContain('href="/es/countries/jm">Jamaica</a>');
    expect(html).toContain('href="/es/documents/santiago-2005-executive-report"');
    expect(html).toContain(`href="/es/events/${SANTIAGO}/calendar.ics"`);
    expect(html).not.toContain('role="note"');
  });

  it("shows the same facts in English, dated in the event's own time zone", async () => {
    const html = main((await get(`/en/events/${SANTIAGO}`)).body);
    expect(html).toContain("III Inter-American Seminar on E-Government Procurement");
    expect(html).toMatch(/June 20\s?–\s?23, 2005/);
    expect(html).toContain("Chile Time");
    expect(html).toMatch(/High-level officials<\/dt><dd>38<\/dd>/);
    expect(html).toMatch(/Countries<\/dt><dd>18<\/dd>/);
    expect(html).toMatch(/Multilateral institutions<\/dt><dd>2<\/dd>/);
    for (const heading of ["Workshops", "Discussion forums", "Presentations"]) expect(html).toContain(heading);
    expect(html).toContain("Security and digital signature");
    expect(html).toContain("Institutionalization of initiatives");
  });

  it("says so, visibly and with the text's language, when the event is not written in the visitor's language", async () => {
    const html = main((await get(`/pt/events/${SANTIAGO}`)).body);
    expect(html).toContain('role="note"');
    expect(html).toContain("Este conteúdo não está disponível em português; é exibido em Español.");
    expect(html).toContain('<span lang="es">III Seminario Interamericano');
    expect(html).toMatch(/20\s?–\s?23 de junho de 2005/);
  });

  it("shows only the month for the II seminar, and offers no calendar file for it", async () => {
    const html = main((await get(`/es/events/${SAO_PAULO}`)).body);
    expect(html).toContain('<time datetime="2004-09">septiembre de 2004</time>');
    expect(html).not.toMatch(/\d+ de septiembre/);
    expect(html).not.toContain("calendar.ics");
    expect((await get(`/es/events/${SAO_PAULO}/calendar.ics`)).res.status).toBe(404);
  });

  it("says the date is not stated when the report gives none", async () => {
    expect(main((await get("/es/events/previous-event-peru")).body)).toContain("Fecha no indicada");
    expect(main((await get("/en/events/previous-event-peru")).body)).toContain("Date not stated");
  });

  it("answers an unknown event with a localized 404", async () => {
    const es = await get("/es/events/no-such-event");
    expect(es.res.status).toBe(404);
    expect(es.body).toContain("Página no encontrada");
    const en = await get("/en/events/no-such-event");
    expect(en.res.status).toBe(404);
    expect(en.body).toContain("Page not found");
    expect((await get("/en/events/no-such-event/calendar.ics")).res.status).toBe(404);
  });
});

/** Parses an iCalendar text with ical.js, resolving TZIDs with the file's own VTIMEZONEs. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((vevent) => ({
    vevent,
    event: new ICAL.Event(vevent),
    dtstart: vevent.getFirstProperty("dtstart"),
    dtend: vevent.getFirstProperty("dtend"),
  }));
}

describe("the iCalendar files", () => {
  it("serves every event known to the day, as text/calendar with the page cache", async () => {
    const { res, body } = await get("/es/calendar.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const uids = parseCalendar(body).map((e) => e.event.uid);
    expect(uids).toEqual([`${SANTIAGO}@compraspublicas.org`]);
  });

  it("makes the Santiago seminar an all-day event with an exclusive end", async () => {
    const { body } = await get(`/en/events/${SANTIAGO}/calendar.ics`);
    expect(body).toContain("DTSTART;VALUE=DATE:20050620");
    expect(body).toContain("DTEND;VALUE=DATE:20050624");
    const [entry] = parseCalendar(body);
    expect(entry?.dtstart?.type).toBe("date");
    expect(entry?.event.startDate.toString()).toBe("2005-06-20");
    expect(entry?.event.endDate.toString()).toBe("2005-06-24");
    expect(entry?.event.summary).toBe("III Inter-American Seminar on E-Government Procurement");
    expect(entry?.event.location).toBe("Santiago de Chile, Chile");
    expect(entry?.event.uid).toBe(`${SANTIAGO}@compraspublicas.org`);
  });

  it("keeps the same UID across languages and requests", async () => {
    const uid = async (lang: string) => parseCalendar((await get(`/${lang}/calendar.ics`)).body)[0]?.event.uid;
    expect(await uid("fr")).toBe(await uid("es"));
  });

  it("writes timed events in their own zone with a VTIMEZONE giving the right UTC offset", async () => {
    const withTimed = structuredClone(snapshot);
    withTimed.events.push(
      timed("winter-workshop", "2026-06-20T09:00", "2026-06-20T17:30"),
      timed("summer-workshop", "2027-01-15T10:00", "2027-01-16"),
    );
    const res = await siteOver(withTimed).request("/es/calendar.ics");
    const body = await res.text();
    expect(body).toContain("BEGIN:VTIMEZONE\r\nTZID:America/Santiago");
    expect(body).toContain("DTSTART;TZID=America/Santiago:20260620T090000");
    const entries = new Map(parseCalendar(body).map((e) => [e.event.uid, e]));
    const winter = entries.get("winter-workshop@compraspublicas.org");
    expect(winter?.dtstart?.getParameter("tzid")).toBe("America/Santiago");
    expect(winter?.event.startDate.toJSDate().toISOString()).toBe("2026-06-20T13:00:00.000Z");
    expect(winter?.event.endDate.toJSDate().toISOString()).toBe("2026-06-20T21:30:00.000Z");
    const summer = entries.get("summer-workshop@compraspublicas.org");
    expect(summer?.dtstart?.getParameter("tzid")).toBe("America/Santiago");
    expect(summer?.event.startDate.toJSDate().toISOString()).toBe("2027-01-15T13:00:00.000Z");
    // A date-only end of a timed event runs to the end of that day.
    expect(summer?.event.endDate.toJSDate().toISOString()).toBe("2027-01-17T03:00:00.000Z");
    // The all-day seminar beside them carries no zone.
    expect(entries.get(`${SANTIAGO}@compraspublicas.org`)?.dtstart?.getParameter("tzid")).toBeUndefined();
  });

  it("does not depend on the server's own time zone", async () => {
    const withTimed = structuredClone(snapshot);
    withTimed.events.push(timed("winter-workshop", "2026-06-20T09:00", "2026-06-20T17:30"));
    const before = process.env.TZ;
    process.env.TZ = "Asia/Tokyo";
    try {
      const body = await (await siteOver(withTimed).request("/en/events/winter-workshop/calendar.ics")).text();
      expect(body).toContain("DTSTART;TZID=America/Santiago:20260620T090000");
      expect(body).toContain("DTEND;TZID=America/Santiago:20260620T173000");
    } finally {
      process.env.TZ = before;
    }
  });
});
