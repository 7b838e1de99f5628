import type { MessageKey, Translate } from "../i18n/index.js";
import type { RegistrationStatus } from "../model/index.js";

/** Where a registration stands, as a sentence tells it: its state, and for a cancellation, why. */
export type Standing = Exclude<RegistrationStatus["state"], "cancelled"> | "cancelled" | "lapsed" | "declined";

export function standingOf(status: RegistrationStatus): Standing {
  if (status.state !== "cancelled") return status.state;
  if (status.by === "offerLapsed") return "lapsed";
  if (status.by === "declined") return "declined";
  return "cancelled";
}

/** The status page's sentences (site/pages/registration-routes.tsx). */
export const STATUS_PAGE_SENTENCES: Record<Standing, MessageKey> = {
  pending: "regform.status.pending",
  confirming: "regform.status.confirming",
  awaitingApproval: "regform.status.awaitingApproval",
  confirmed: "regform.status.confirmed",
  waitlisted: "regform.status.waitlisted",
  offered: "regform.status.offered",
  cancelled: "regform.status.cancelled",
  lapsed: "regform.status.lapsed",
  declined: "regform.status.declined",
};

/**
 * The status email's sentences (request-mail.ts). It goes only to an address holding something
 * (asking again while pending or after a cancellation sends a new confirmation link instead), so
 * the other standings read as "being decided", which they are not told anyway.
 */
export const STATUS_MAIL_SENTENCES: Record<Standing, MessageKey> = {
  pending: "regform.mail.status.confirming",
  confirming: "regform.mail.status.confirming",
  awaitingApproval: "regform.mail.status.awaitingApproval",
  confirmed: "regform.mail.status.confirmed",
  waitlisted: "regform.mail.status.waitlisted",
  offered: "regform.mail.status.offered",
  cancelled: "regform.mail.status.confirming",
  lapsed: "regform.mail.status.confirming",
  declined: "regform.mail.status.confirming",
};

/**
 * One sentence saying where a registration stands, in `t`'s language, from `sentences` (the
 * page's or the email's). `position` is the waiting-list position (the number counts those
 * ahead: positions.ts), `time` writes an offer's deadline in the reader's zone.
 */
export function statusSentence(
  t: Translate,
  status: RegistrationStatus,
  said: { position?: number; time: (atMs: number) => string },
  sentences: Record<Standing, MessageKey>,
): string {
  const key = sentences[standingOf(status)];
  if (status.state === "waitlisted") return t(key, { position: said.position ?? status.seq });
  if (status.state === "offered") return t(key, { until: said.time(status.untilMs) });
  return t(key);
}
