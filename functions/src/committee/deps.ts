import type { Firestore } from "firebase-admin/firestore";
import type { Log } from "../log.js";

/**
 * What every console action runs against, passed in so tests bring their own database and
 * clock. The console's own emails (an invitation's) need where they go out from and where
 * their links lead; without `notices`, none is sent.
 */
export interface CommitteeDeps {
  db: Firestore;
  clock: () => Date;
  notices?: {
    log: Log;
    /** The public site's origin, for links to its pages. */
    siteOrigin: string;
    /** The console's address, for links to its screens. */
    consoleBase: string;
    /** The OUTBOX_KEY secret, which seals the invitation's link in the queued email. */
    sealKey: string;
  };
}
