import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineInt, defineSecret, defineString } from "firebase-functions/params";
import { z } from "zod";

/**
 * Every setting of the system, declared in this one module. Settings that differ between
 * deployments are Firebase parameters and secrets: `firebase deploy` asks for any that have no
 * value (parameters in functions/.env.<project-id>, secrets in Cloud Secret Manager), and the
 * emulators take theirs from functions/.env.local and functions/.secret.local.
 *
 * REGION: São Paulo (southamerica-east1) is the Cloud Functions and Firestore region closest to
 * most of the network's members in Latin America. firebase.json repeats it for the Hosting
 * rewrite (a test keeps the two equal).
 */
export const REGION = "southamerica-east1";

/** The network's own address: SITE_ORIGIN's default, and the origin the console's preview renders for. */
export const DEFAULT_SITE_ORIGIN = "https://www.compraspublicas.org";

/** The public site's canonical origin, used in canonical links, feeds and the sitemap. */
export const SITE_ORIGIN = defineString("SITE_ORIGIN", {
  default: DEFAULT_SITE_ORIGIN,
  description: "The public site's canonical origin (scheme and host), used in canonical links, feeds and the sitemap.",
});

/** VIEW_MAX_AGE_MS's default: what production runs with. */
export const DEFAULT_VIEW_MAX_AGE_MS = 2000;

/** How long a site instance trusts its cached public view before checking for a newer one. */
export const VIEW_MAX_AGE_MS = defineInt("VIEW_MAX_AGE_MS", {
  default: DEFAULT_VIEW_MAX_AGE_MS,
  description: "Milliseconds a site instance trusts its cached public view before one read to check for a newer one.",
});

/**
 * Key of the HMAC that seals the site's paging cursors. It protects integrity only (a visitor
 * cannot forge a position or swap filters), and every instance must share it so a cursor works on
 * any of them. A secret, so the deployed key is in no file and `firebase deploy` asks for it.
 */
export const CURSOR_KEY = defineSecret("CURSOR_KEY");

const SiteSettingsSchema = z.object({
  SITE_ORIGIN: z.url({
    protocol: /^https?$/,
    error: "must be an http(s) origin such as https://www.compraspublicas.org",
  }),
  VIEW_MAX_AGE_MS: z.int().min(0),
  // Shorter keys are guessable enough to let a visitor seal cursors of their own.
  CURSOR_KEY: z.string().min(16, { error: "must be at least 16 characters" }),
});

/** A settings value the site cannot run with; the message names the parameter or secret to fix. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

/**
 * The `site` function's settings, checked. Call it inside a request handler only: parameters and
 * secrets have their values at run time, not while `firebase deploy` loads the code.
 */
export function siteSettings() {
  const parsed = SiteSettingsSchema.safeParse({
    SITE_ORIGIN: SITE_ORIGIN.value(),
    VIEW_MAX_AGE_MS: VIEW_MAX_AGE_MS.value(),
    CURSOR_KEY: CURSOR_KEY.value(),
  });
  if (!parsed.success) throw new SettingsError(`The site's settings are not usable:\n${z.prettifyError(parsed.error)}`);
  const { SITE_ORIGIN: origin, VIEW_MAX_AGE_MS: viewMaxAgeMs, CURSOR_KEY: cursorKey } = parsed.data;
  return { origin: new URL(origin).origin, viewMaxAgeMs, cursorKey };
}

/**
 * Cache lifetimes, in seconds, of public HTML and files: browsers (`maxAge`), the Hosting CDN
 * (`sMaxAge`), and how long either may still show a copy past that while it refreshes it
 * (`staleWhileRevalidate`). A visitor sees what was published within `htmlStalenessBound()`:
 * browsers keep nothing without asking (a 304 from the CDN costs a few bytes), the CDN asks the
 * function every 50 s, and the function answers an unchanged page with a 304 from memory.
 */
export const HTML_CACHE = { maxAge: 0, sMaxAge: 50, staleWhileRevalidate: 10 } as const;

/**
 * The longest, in seconds, a visitor may still see a page as it was before a change reached the
 * public view: the oldest copy a cache may serve under `cache` (a browser counts the age the CDN
 * states, so the two lifetimes do not add up), plus the time a site instance trusts its view.
 */
export function htmlStalenessBound(
  cache: { maxAge: number; sMaxAge: number; staleWhileRevalidate: number } = HTML_CACHE,
  viewMaxAgeMs = DEFAULT_VIEW_MAX_AGE_MS,
): number {
  return Math.max(cache.maxAge, cache.sMaxAge) + cache.staleWhileRevalidate + viewMaxAgeMs / 1000;
}

const functionsRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Content-hashed names of the static assets Hosting serves, written by `npm run build`
 * (scripts/build.mjs) beside functions/package.json.
 */
export function assetManifest(): Record<string, string> {
  const file = join(functionsRoot, "asset-manifest.json");
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` first, which hashes the site's assets.`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}

/** The committee console's production origin: its own Hosting site, on a subdomain of the network's. */
export const DEFAULT_CONSOLE_ORIGIN = "https://console.compraspublicas.org";

/**
 * The console's origin, where invitation links lead. The console is a Hosting site of its own,
 * so that no page of the public site shares an origin, and so its sign-in state, with it.
 */
export const CONSOLE_ORIGIN = defineString("CONSOLE_ORIGIN", {
  default: DEFAULT_CONSOLE_ORIGIN,
  description: "The committee console's origin (scheme and host), where invitation links lead.",
});

const ConsoleOriginSchema = z.url({
  protocol: /^https?$/,
  error: "must be an http(s) origin such as https://console.compraspublicas.org",
});

/** The console's origin, checked; like siteSettings, call it at run time only. */
export function consoleOrigin(): string {
  const parsed = ConsoleOriginSchema.safeParse(CONSOLE_ORIGIN.value());
  if (!parsed.success) {
    throw new SettingsError(`The CONSOLE_ORIGIN parameter is not usable:\n${z.prettifyError(parsed.error)}`);
  }
  return new URL(parsed.data).origin;
}

/** How long an invitation to the console stays valid, in days. */
export const INVITATION_TTL_DAYS = 14;

/** The SMTP server outgoing email is handed to (notify/). */
export const SMTP_HOST = defineString("SMTP_HOST", {
  description: "Host name of the SMTP server that sends the network's email (for example smtp.example.org).",
});

/** 587 is the submission port with STARTTLS, what most providers offer; 465 means TLS from the start. */
export const SMTP_PORT = defineInt("SMTP_PORT", {
  default: 587,
  description: "Port of the SMTP server: 587 (STARTTLS) or 465 (TLS from the start).",
});

/** Empty means the server takes mail without logging in, as MailDev does on the emulators. */
export const SMTP_USER = defineString("SMTP_USER", {
  default: "",
  description: "User name for logging in to the SMTP server (empty: no login).",
});

/** The From of every message; its domain must publish SPF, DKIM and DMARC records (see README). */
export const SMTP_SENDER = defineString("SMTP_SENDER", {
  default: "Red Interamericana de Compras Gubernamentales <no-reply@compraspublicas.org>",
  description: "The sender of every email, as 'Name <address>'; its domain needs SPF, DKIM and DMARC.",
});

/** The SMTP password: a secret, so it is in no file and `firebase deploy` asks for it. */
export const SMTP_PASSWORD = defineSecret("SMTP_PASSWORD");

const SmtpSettingsSchema = z.object({
  SMTP_HOST: z.string().trim().min(1, { error: "must name the SMTP server" }),
  SMTP_PORT: z.int().min(1).max(65535),
  SMTP_USER: z.string().trim(),
  SMTP_SENDER: z.string().regex(/^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/, {
    error: "must be an address or 'Name <address>' on one line",
  }),
  SMTP_PASSWORD: z.string(),
  SITE_ORIGIN: SiteSettingsSchema.shape.SITE_ORIGIN,
});

/** The mail-sending functions' settings, checked; like siteSettings, call it at run time only. */
export function smtpSettings() {
  const parsed = SmtpSettingsSchema.safeParse({
    SMTP_HOST: SMTP_HOST.value(),
    SMTP_PORT: SMTP_PORT.value(),
    SMTP_USER: SMTP_USER.value(),
    SMTP_SENDER: SMTP_SENDER.value(),
    SMTP_PASSWORD: SMTP_USER.value() ? SMTP_PASSWORD.value() : "",
    SITE_ORIGIN: SITE_ORIGIN.value(),
  });
  if (!parsed.success) throw new SettingsError(`The email settings are not usable:\n${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  return {
    host: d.SMTP_HOST,
    port: d.SMTP_PORT,
    user: d.SMTP_USER,
    password: d.SMTP_PASSWORD,
    sender: d.SMTP_SENDER,
    origin: new URL(d.SITE_ORIGIN).origin,
  };
}
export type SmtpSettings = ReturnType<typeof smtpSettings>;

/**
 * The calendar the daily jobs count days in, and the time zone of their schedule: the host's
 * (Chile), so "90 days before the end" turns over at the host's midnight.
 */
export const JOBS_TIME_ZONE = "America/Santiago";

/**
 * Key of the email subscriptions (subscriptions/keys.ts): it keys the hash that names a
 * subscriber's record (so neither a record id nor a log line can be reversed into an address by
 * trying likely addresses), the hash of a client's IP, and the HMAC of each unsubscribe link. A
 * secret shared by the `site` function and the publication trigger. Changing it orphans every
 * subscriber and breaks every unsubscribe link already sent, so set it once.
 */
export const SUBSCRIPTION_KEY = defineSecret("SUBSCRIPTION_KEY");

const SubscriptionKeySchema = z.string().min(32, { error: "must be at least 32 characters (a long random value)" });

/** The subscriptions' key, checked; like siteSettings, call it at run time only. */
export function subscriptionKey(): string {
  const parsed = SubscriptionKeySchema.safeParse(SUBSCRIPTION_KEY.value());
  if (!parsed.success) throw new SettingsError(`SUBSCRIPTION_KEY is not usable:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Key of event registration (registration/keys.ts): it keys the hash that names a registration
 * (of the event and the address, so neither a record id nor a log line gives the address back)
 * and the HMAC of each cancellation link. Changing it orphans every registration and breaks
 * every cancellation link already sent, so set it once.
 */
export const REGISTRATION_KEY = defineSecret("REGISTRATION_KEY");

/** The registrations' key, checked; like siteSettings, call it at run time only. */
export function registrationKey(): string {
  const parsed = SubscriptionKeySchema.safeParse(REGISTRATION_KEY.value());
  if (!parsed.success) throw new SettingsError(`REGISTRATION_KEY is not usable:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Key that seals the live tokens a queued email carries (confirmation, invitation and
 * unsubscribe links; notify/seal.ts), so the outbox's copy of a message opens nothing. A secret
 * shared by whatever queues such a message (the site, the invite callable, the publication
 * trigger) and whatever sends it (the outbox trigger and sweeper). Changing it only fails the
 * messages queued under the old key that are still waiting to go.
 */
export const OUTBOX_KEY = defineSecret("OUTBOX_KEY");

/** The outbox's sealing key, checked; like siteSettings, call it at run time only. */
export function outboxKey(): string {
  const parsed = SubscriptionKeySchema.safeParse(OUTBOX_KEY.value());
  if (!parsed.success) throw new SettingsError(`OUTBOX_KEY is not usable:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Limits of the subscription form. A confirmation link is valid for 48 hours, so a person back
 * from a weekend still finds it working. Per address: three confirmation emails a day at most,
 * whoever asks, so the form cannot flood a stranger's inbox. Per client (a hash of the IP, an
 * IPv6 /64 counted as one): twenty requests an hour, enough for an office behind one address.
 */
export const SUBSCRIPTIONS = {
  confirmationTtlMs: 48 * 3_600_000,
  perAddress: { max: 3, windowMs: 24 * 3_600_000 },
  perClient: { max: 20, windowMs: 3_600_000 },
  /**
   * Confirmation emails of the whole site in an hour: the cap no caller can dodge, however many
   * addresses and client addresses they use (a caller of the function's own URL can forge the
   * client address; see clientIpOf). Far above the network's real traffic.
   */
  global: { max: 300, windowMs: 3_600_000 },
} as const;

/** The request limits of the subscription form (a test passes smaller ones). */
export type SubscriptionLimits = { [K in "perAddress" | "perClient" | "global"]: { max: number; windowMs: number } };

/**
 * Limits of the registration form (site/pages/registration-routes.tsx), counted like the
 * subscription form's. Per address and event: three emails a day (a confirmation link, or the
 * status of what the address already holds), so asking again cannot flood anybody's inbox. Per
 * client: thirty requests an hour, for a delegation registering from one office. The cap for the
 * whole site is far above a meeting's rush and is counted over `shards` documents, each taking
 * its share: a single counter document sustains about one write per second, an opening rush far
 * more.
 */
export const REGISTRATION_FORM = {
  perAddress: { max: 3, windowMs: 24 * 3_600_000 },
  perClient: { max: 30, windowMs: 3_600_000 },
  global: { max: 20_000, windowMs: 3_600_000, shards: 50 },
} as const;

/** The request limits of the registration form (a test passes smaller ones). */
export type RegistrationFormLimits = {
  perAddress: { max: number; windowMs: number };
  perClient: { max: number; windowMs: number };
  global: { max: number; windowMs: number; shards: number };
};
