import { firestore } from "../admin.js";
import { outboxKey, smtpSettings } from "../config.js";
import { cloudLog } from "../log.js";
import type { DeliveryDeps, MailTransport } from "./delivery.js";
import { smtpTransport } from "./smtp.js";

let transport: { key: string; value: MailTransport } | undefined;

/** The outbox's dependencies in a deployed function: Firestore, the clock, the configured SMTP server. */
export function outboxDeps(): DeliveryDeps {
  const settings = smtpSettings();
  // One transport per instance and settings, so warm invocations skip building it.
  const key = JSON.stringify([settings.host, settings.port, settings.user, settings.password]);
  if (transport?.key !== key) transport = { key, value: smtpTransport(settings) };
  return {
    db: firestore(),
    clock: () => new Date(),
    transport: transport.value,
    sender: settings.sender,
    log: cloudLog,
    sealKey: outboxKey(),
  };
}
