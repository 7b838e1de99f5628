import nodemailer from "nodemailer";
import type { SmtpSettings } from "../config.js";
import type { MailTransport } from "./delivery.js";

/**
 * The SMTP transport of the configured server. Timeouts add up to well under the outbox lease
 * (delivery.ts), so an attempt ends before anyone may take its message back.
 */
export function smtpTransport(settings: Pick<SmtpSettings, "host" | "port" | "user" | "password">): MailTransport {
  const options = {
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    // Credentials never travel in clear: with a login, STARTTLS is required.
    requireTLS: settings.user !== "" && settings.port !== 465,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
  return {
    async sendMail(message) {
      // Whether the whole message, its final "." included, went out. nodemailer's errors do not
      // say how far a lost connection got; its log does, once the data stream has ended. A
      // transport per message (nodemailer opens a connection per message anyway) keeps one
      // message's progress apart from another's sent at the same time.
      let messageEnded = false;
      const quiet = () => {};
      const logger = {
        trace: quiet,
        debug: quiet,
        info: (entry: { tnx?: unknown; outByteCount?: unknown } | undefined) => {
          if (entry?.tnx === "message" && entry.outByteCount !== undefined) messageEnded = true;
        },
        warn: quiet,
        error: quiet,
        fatal: quiet,
      };
      const transport = nodemailer.createTransport({ ...options, logger });
      try {
        return await transport.sendMail(message);
      } catch (error) {
        throw error instanceof Error ? Object.assign(error, { messageEnded }) : error;
      } finally {
        transport.close();
      }
    },
  };
}
