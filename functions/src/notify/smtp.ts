import nodemailer from "nodemailer";
import type { SmtpSettings } from "../config.js";
import type { MailTransport } from "./delivery.js";

/**
 * The SMTP transport of the configured server. Timeouts add up to well under the outbox lease
 * (delivery.ts), so an attempt ends before anyone may take its message back.
 */
export function smtpTransport(settings: Pick<SmtpSettings, "host" | "port" | "user" | "password">): MailTransport {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    // Credentials never travel in clear: with a login, STARTTLS is required.
    requireTLS: settings.user !== "" && settings.port !== 465,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}
