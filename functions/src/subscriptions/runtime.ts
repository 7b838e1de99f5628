import { firestore } from "../admin.js";
import { outboxKey, subscriptionKey } from "../config.js";
import { cloudLog } from "../log.js";
import type { SubscriptionDeps } from "./subscribers.js";

/** The subscriptions' dependencies in a deployed function: Firestore, the clock, the keys, the site's origin. */
export function subscriptionDeps(origin: string): SubscriptionDeps {
  return {
    db: firestore(),
    clock: () => new Date(),
    log: cloudLog,
    key: subscriptionKey(),
    sealKey: outboxKey(),
    origin,
  };
}
