import { dayIn } from "../../calendar/days.js";
import type { Event } from "../../model/index.js";

/** Whether the event's first day has come where it happens (or it is marked held): its delegations are final then. */
export function hasStarted(event: Event, now: Date): boolean {
  if (event.status === "held") return true;
  const first = event.start?.slice(0, 10);
  if (first === undefined) return false;
  return dayIn(now, event.timeZone ?? "UTC").slice(0, first.length) >= first;
}
