import type { Context, Hono } from "hono";
import { eventsCalendar, hasCalendarDates } from "../feeds/icalendar.js";
import { NotFoundError, PUBLIC_CACHE, type SiteEnv, sendPage } from "../http.js";
import { EventPage } from "./event-page.js";
import { EventsPage } from "./events-page.js";

function sendCalendar(c: Context<SiteEnv>, body: string, filename: string) {
  c.header("Content-Type", "text/calendar; charset=utf-8");
  c.header("Content-Disposition", `inline; filename="${filename}"`);
  c.header("Cache-Control", PUBLIC_CACHE);
  c.header("Vary", "Accept-Encoding");
  return c.body(body);
}

function eventOf(c: Context<SiteEnv>) {
  const event = c.var.ctx.data.events.get(c.req.param("id") ?? "");
  if (!event) throw new NotFoundError();
  return event;
}

/** The events list and pages, and their iCalendar files. */
export function registerEventPages(app: Hono<SiteEnv>): void {
  app.get("/:lang/events", (c) => sendPage(c, <EventsPage ctx={c.var.ctx} />));
  app.get("/:lang/events/:id", (c) => sendPage(c, <EventPage ctx={c.var.ctx} event={eventOf(c)} />));
  app.get("/:lang/calendar.ics", (c) => {
    const { ctx } = c.var;
    const events = [...ctx.data.upcomingEvents, ...ctx.data.pastEvents];
    return sendCalendar(c, eventsCalendar(ctx, events), "compraspublicas.ics");
  });
  app.get("/:lang/events/:id/calendar.ics", (c) => {
    const event = eventOf(c);
    // An event not known to the day has no calendar entry, so no file either.
    if (!hasCalendarDates(event)) throw new NotFoundError();
    return sendCalendar(c, eventsCalendar(c.var.ctx, [event]), `${event.id}.ics`);
  });
}
