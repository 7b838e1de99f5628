import { dayIn } from "../calendar/days.js";
import {
  type Event,
  isPublished,
  type Registration,
  type RegistrationRequest,
  type RegistrationSettings,
} from "../model/index.js";

/** Why an event takes no registration (or no confirmation) now; each has its own message for the person. */
export type EventRefusal = "unknownEvent" | "unpublished" | "cancelled" | "past" | "notOpen" | "notYetOpen" | "closed";

/** Why a request is refused though the event is open. */
export type RequestRefusal = "categoryNotOffered" | "unknownSession" | "privateSession";

/**
 * Whether the event's cancellation is public: the records workflow writes a draft into the
 * event's own document, and one person's draft marked cancelled ends nobody's registration until
 * a second person publishes it (changes.ts tells everyone then).
 */
export const cancelledForGood = (event: Event) => event.status === "cancelled" && isPublished(event);

/**
 * Whether the event takes registrations at `now`: it exists, is published, is planned (neither
 * held nor cancelled), its last day has not passed in its own time zone, the committee opened
 * registration, and `now` is within the opening and closing instants.
 */
export function eventRefusal(
  event: Event | undefined,
  settings: RegistrationSettings | undefined,
  now: Date,
): EventRefusal | undefined {
  if (event === undefined) return "unknownEvent";
  if (!isPublished(event)) return "unpublished";
  if (event.status === "cancelled") return "cancelled";
  if (event.status === "held" || isPast(event, now)) return "past";
  if (settings === undefined) return "notOpen";
  if (now.getTime() < settings.opensAtMs) return "notYetOpen";
  if (now.getTime() >= settings.closesAtMs) return "closed";
  return undefined;
}

/** An event is past once its last known day (the end, else the start) is over where it happens. */
function isPast(event: Event, now: Date): boolean {
  const last = (event.end ?? event.start)?.slice(0, 10);
  if (last === undefined) return false;
  const today = dayIn(now, event.timeZone ?? "UTC");
  return today.slice(0, last.length) > last;
}

/**
 * Whether the request fits what the event offers: its category, and sessions that exist and are
 * open to it. A private session is for accredited delegates only (`accredited`: the person's
 * registration carries the secretariat's accreditation of their country's delegation), so a
 * request from the public form, which nobody is accredited through, never gets one.
 */
export function requestRefusal(
  event: Event,
  settings: RegistrationSettings,
  request: RegistrationRequest,
  accredited = false,
): RequestRefusal | undefined {
  if (!settings.categories.includes(request.category)) return "categoryNotOffered";
  if (request.sessions.some((session) => session >= event.sessions.length)) return "unknownSession";
  const delegate = request.category === "delegate" && accredited;
  if (!delegate && request.sessions.some((s) => settings.privateSessions.includes(s))) return "privateSession";
  return undefined;
}

/**
 * The private sessions a registration holds a place in: those it asked for, if it is an
 * accredited delegate's, and none otherwise. The decision emails list them.
 */
export function privateSessionsOf(
  registration: Pick<Registration, "category" | "sessions" | "accredited">,
  settings: Pick<RegistrationSettings, "privateSessions">,
): number[] {
  if (registration.category !== "delegate" || registration.accredited !== true) return [];
  return registration.sessions.filter((session) => settings.privateSessions.includes(session));
}
