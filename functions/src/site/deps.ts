import type { Log } from "../log.js";
import type { RegistrationDeps } from "../registration/requests.js";
import type { SubscriptionDeps } from "../subscriptions/subscribers.js";
import type { SiteData } from "./data.js";
import type { PageCache } from "./page-cache.js";
import type { ShareCard } from "./share/card.js";

/** What the site needs from outside: the view, its settings, and the services a test replaces. */
export interface SiteDeps {
  /** The current public view; one small read per call at most (see PublicViewCache). */
  view: () => Promise<{ derived: SiteData }>;
  assets: Record<string, string>;
  /** The site's canonical origin (the SITE_ORIGIN parameter in production). */
  origin: string;
  /** Key of the HMAC that seals paging cursors (the CURSOR_KEY secret in production). */
  cursorKey: string;
  now?: () => Date;
  /** Where render failures are logged; Cloud Logging unless a test listens. */
  log?: Log;
  /** Draws a share image (share/render.ts unless a test makes it fail). */
  drawShareImage?: (card: ShareCard) => Promise<Uint8Array<ArrayBuffer>>;
  /** Rendered pages of this instance; pass one to share it with a server's fast path (handler.ts). */
  pages?: PageCache;
  /** Firestore, clock and key of the email subscriptions; without them their forms answer 500. */
  subscriptions?: SubscriptionDeps;
  /** Firestore, clock and REGISTRATION_KEY for the delegates' answer pages; without them they answer 500. */
  delegations?: RegistrationDeps;
}
