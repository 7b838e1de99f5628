import type { Context, Hono } from "hono";
import { eventsCalendar, hasCalendarDates } from "../feeds/icalendar.js";
import { BadRequestError, NotFoundError, PUBLIC_CACHE, type SiteEnv, sendPage } from "../http.js";
import { EventPage } from "./event-page.js";
import { EventsPage } from "./events-page.js";

/** Past events per page: a network holds a few a year, but the list must stay light as it grows. */
export const PAST_EVENTS_PER_PAGE = 50;

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
  app.get("/:lang/events", (c) => {
    const { ctx } = c.var;
    const raw = c.req.query("page");
    if (raw !== undefined && !/^[1-9]\d{0,5}$/.test(raw)) throw new BadRequestError(ctx.t("events.badPage"));
    const page = raw === undefined ? 1 : Number(raw);
    const pages = Math.max(1, Math.ceil(ctx.data.pastEvents.length / PAST_EVENTS_PER_PAGE));
    if (page > pages) throw new NotFoundError();
    const past = ctx.data.pastEvents.slice((page - 1) * PAST_EVENTS_PER_PAGE, page * PAST_EVENTS_PER_PAGE);
    return sendPage(c, <EventsPage ctx={ctx} past={past} page={page} pages={pages} />);
  });
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
