import { pick } from "../i18n/index.js";
import { type Event, RecipientSchema, type Registration } from "../model/index.js";
import { cancellationToken } from "../registration/keys.js";
import { ownerPath } from "../registration/links.js";
import type { NoticeDeps } from "./audit-reactions.js";
import { subjectValue } from "./mail/compose.js";
import type { NewMessage } from "./outbox.js";
import { composeMessage } from "./templates.js";

/**
 * The email telling a person the secretariat approved their category (their place or position is
 * being decided, another email follows) or declined it. Keyed by the registration and the moment
 * they asked, so a retried decision never mails twice, and a person who registers anew and is
 * decided again is told again. Queued in the deciding transaction (committee/registrations/approval.ts). The approved message carries the one-click
 * cancellation link (its keyed token sealed in the outbox); the declined one, the event's page.
 */
export function approvalMail(
  deps: Pick<NoticeDeps, "siteOrigin"> & { key: string; sealKey: string },
  decided: { id: string; registration: Registration; event: Event; decision: "approve" | "decline" },
): NewMessage {
  const { id, registration, event, decision } = decided;
  const lang = registration.lang;
  const recipient = RecipientSchema.parse({
    id: `registration:${id}`,
    name: subjectValue(registration.name),
    address: registration.address,
    lang,
    timeZone: registration.timeZone ?? event.timeZone ?? "UTC",
  });
  const params = {
    event: pick(event.title, lang).text,
    category: { keys: [`regApproval.category.${registration.category}` as const] },
  };
  const approved = decision === "approve";
  const token = cancellationToken(deps.key, id);
  return {
    purpose: approved ? "registration.approved" : "registration.declined",
    occurrence: `${id}@${registration.requestedAtMs}`,
    recipient,
    ...(approved ? { seal: { key: deps.sealKey, tokens: [token] } } : {}),
    content: composeMessage(
      approved
        ? {
            subject: "regApproval.approved.subject",
            paragraphs: ["regApproval.approved.body", "regApproval.approved.next"],
            params,
            action: {
              label: "regApproval.approved.action",
              path: ownerPath("cancel", lang, registration.eventId, id, deps.key),
            },
          }
        : {
            subject: "regApproval.declined.subject",
            paragraphs: ["regApproval.declined.body", "regApproval.declined.next"],
            params,
            action: {
              label: "regApproval.declined.action",
              path: `/${lang}/events/${encodeURIComponent(registration.eventId)}`,
            },
          },
      recipient,
      deps.siteOrigin,
    ),
  };
}
