import { OUTBOX_COLLECTION } from "../../functions/src/model/index.js";
import { type DeliveryDeps, deliverMessage, type MailTransport } from "../../functions/src/notify/delivery.js";
import { smtpTransport } from "../../functions/src/notify/smtp.js";
import type { SmtpSink } from "./smtp-sink.js";

/** The production SMTP transport, pointed at the test's SMTP server on loopback. */
export const transportTo = (sink: SmtpSink): MailTransport =>
  smtpTransport({ host: "127.0.0.1", port: sink.port, user: "", password: "" });

/** What delivery needs to hand the outbox's messages to `sink`: the test's own deps and the transport there. */
export const deliveryTo = (sink: SmtpSink, deps: Omit<DeliveryDeps, "transport">): DeliveryDeps => ({
  ...deps,
  transport: transportTo(sink),
});

/** Sends every waiting outbox message, as the outbox trigger would, one after the other. */
export async function deliverPending(deps: DeliveryDeps): Promise<void> {
  const waiting = await deps.db.collection(OUTBOX_COLLECTION).where("delivery.state", "==", "pending").get();
  for (const message of waiting.docs) await deliverMessage(deps, message.id);
}
