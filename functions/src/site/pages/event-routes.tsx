import type { Firestore } from "firebase-admin/firestore";
import type { Context, Hono } from "hono";
import { z } from "zod";
import { IdSchema } from "../../model/index.js";
import { eventsCalendar, hasCalendarDates } from "../feeds/icalendar.js";
import type { FileShelf } from "../files.js";
import { NotFoundError, type SiteEnv, sendFile, sendPage } from "../http.js";
import { NO_QUERY, one, params, query } from "../input.js";
import { EventPage } from "./event-page.js";
import { EventsPage } from "./events-page.js";
import { eventPageIsSettled, loadRegistrationPanel } from "./registration-form.js";

/** Past events per page: a network holds a few a year, but the list must stay light as it grows. */
const PAST_EVENTS_PER_PAGE = 50;

const EventsQuery = z.strictObject({
  page: one(
    10,
    z
      .string()
      .regex(/^[1-9]\d{0,5}$/, { error: "events.badPage" })
      .transform(Number),
  ),
});
const EventParams = z.object({ id: IdSchema });

function sendCalendar(c: Context<SiteEnv>, body: Uint8Array<ArrayBuffer>, filename: string) {
  return sendFile(c, body, "text/calendar; charset=utf-8", { "Content-Disposition": `inline; filename="${filename}"` });
}

function eventOf(c: Context<SiteEnv>, id: string) {
  const event = c.var.ctx.data.events.get(id);
  if (!event) throw new NotFoundError();
  return event;
}

/**
 * The events list and pages, and their iCalendar files (each built once per view version). With
 * `db`, an event's page also shows its registration (registration-form.tsx).
 */
export function registerEventPages(app: Hono<SiteEnv>, files: FileShelf, db?: Firestore): void {
  app.get("/:lang/events", query(EventsQuery), (c) => {
    const { ctx } = c.var;
    const page = c.req.valid("query").page ?? 1;
    const pages = Math.max(1, Math.ceil(ctx.data.pastEvents.length / PAST_EVENTS_PER_PAGE));
    if (page > pages) throw new NotFoundError();
    const past = ctx.data.pastEvents.slice((page - 1) * PAST_EVENTS_PER_PAGE, page * PAST_EVENTS_PER_PAGE);
    return sendPage(c, <EventsPage ctx={ctx} past={past} page={page} pages={pages} />);
  });
  app.get("/:lang/events/:id", params(EventParams), query(NO_QUERY), async (c) => {
    const { ctx } = c.var;
    const event = eventOf(c, c.req.valid("param").id);
    const registration = db ? await loadRegistrationPanel(db, event, ctx.now) : undefined;
    // Places left change without the view changing: the CDN's lifetime bounds how stale they are.
    if (db && !eventPageIsSettled(event, ctx.now)) c.set("pageKey", undefined);
    return sendPage(c, <EventPage ctx={ctx} event={event} registration={registration} />);
  });
  app.get("/:lang/calendar.ics", query(NO_QUERY), (c) => {
    const { ctx } = c.var;
    const calendar = files(ctx.data, `calendar.${ctx.lang}.ics`, () =>
      eventsCalendar(ctx, [...ctx.data.upcomingEvents, ...ctx.data.pastEvents]),
    );
    return sendCalendar(c, calendar, "compraspublicas.ics");
  });
  app.get("/:lang/events/:id/calendar.ics", params(EventParams), query(NO_QUERY), (c) => {
    const { ctx } = c.var;
    const event = eventOf(c, c.req.valid("param").id);
    // An event not known to the day has no calendar entry, so no file either.
    if (!hasCalendarDates(event)) throw new NotFoundError();
    const calendar = files(ctx.data, `events/${event.id}.${ctx.lang}.ics`, () => eventsCalendar(ctx, [event]));
    return sendCalendar(c, calendar, `${event.id}.ics`);
  });
}
