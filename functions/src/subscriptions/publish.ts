import type { Firestore, QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { Log } from "../log.js";
import {
  type Document,
  DocumentSchema,
  type NotifySubscribers,
  NotifySubscribersSchema,
  SubscriberSchema,
} from "../model/index.js";
import { enqueueAll } from "../notify/outbox.js";
import { unsubscribeToken } from "./keys.js";
import { logs } from "./logs.js";
import { decideNews, firstNews, type NewsDecision } from "./news-ledger.js";
import { subscribers } from "./subscribers.js";
import { listHeaders, publicationMessage } from "./templates.js";

export interface PublicationDeps {
  db: Firestore;
  clock: () => Date;
  log: Log;
  key: string;
  /** The OUTBOX_KEY secret (config.ts), which seals each subscriber's unsubscribe token in the queue. */
  sealKey: string;
  origin: string;
  /** Subscribers read per query (one page of the confirmed list). */
  pageSize?: number;
}

/**
 * Queues the news of one published document for every confirmed subscriber, in their language,
 * one message each, keyed by (occurrence, subscriber): its first news, or a new notice the ledger
 * allowed (see news-ledger.ts); the trigger delivered twice, or run again after a crash halfway,
 * queues only what is missing. Subscribers are read a page at a
 * time in id order, and each page's messages are created through one BulkWriter (enqueueAll), so 10,000
 * subscribers cost 10,000 reads and 10,000 creates without holding them all or flooding Firestore.
 */
export async function queuePublication(
  deps: PublicationDeps,
  document: Document,
  occurrence = firstNews(document.id),
  notice?: NotifySubscribers,
): Promise<{ queued: number; already: number }> {
  const { db, clock, log, key, origin } = deps;
  const pageSize = deps.pageSize ?? 500;
  let queued = 0;
  let already = 0;
  let after: QueryDocumentSnapshot | undefined;
  for (;;) {
    // Results come in document id order (Firestore's implicit last ordering), which the cursor
    // continues from, so the single-field index on status serves the query.
    let page = subscribers(db).where("status", "==", "confirmed").limit(pageSize);
    if (after !== undefined) page = page.startAfter(after);
    const { docs } = await page.get();
    const messages = docs.flatMap((snapshot) => {
      const parsed = SubscriberSchema.safeParse(snapshot.data());
      if (!parsed.success || !parsed.data.address || !parsed.data.lang) return [];
      const { address, lang } = parsed.data;
      const id = snapshot.id;
      return [
        {
          purpose: "subscription.published",
          occurrence,
          recipient: { id: `subscriber:${id}`, address, lang, timeZone: "UTC" },
          content: publicationMessage(origin, { id, lang }, document, key, notice),
          headers: listHeaders(origin, lang, id, key),
          seal: { key: deps.sealKey, tokens: [unsubscribeToken(key, id)] },
        },
      ];
    });
    const created = await enqueueAll(db, clock, log, messages);
    queued += created;
    already += messages.length - created;
    if (docs.length < pageSize) break;
    after = docs[docs.length - 1];
  }
  logs.publicationQueued(log, document.id, document.version, queued, already);
  return { queued, already };
}

/**
 * The document an audit entry says was just published, or undefined for any other entry: the
 * trigger on `audit` creation hands every entry here.
 */
export function publishedDocument(entry: { action?: unknown; after?: unknown }): Document | undefined {
  if (entry.action !== "document.publish") return undefined;
  const parsed = DocumentSchema.safeParse(entry.after);
  return parsed.success && parsed.data.status === "published" ? parsed.data : undefined;
}

/**
 * The audit trigger's work for subscribers: a document's publication (audit entry `entryId`)
 * sends its news once, the first time; a correction republished sends nothing unless the
 * publisher asked for a new notice, at most once a day (news-ledger.ts). Any other entry: nothing.
 */
export async function newsOfPublication(
  deps: PublicationDeps,
  entryId: string,
  entry: { action?: unknown; after?: unknown; before?: unknown; notifySubscribers?: unknown },
): Promise<(NewsDecision & { queued: number; already: number }) | undefined> {
  const document = publishedDocument(entry);
  if (!document) return undefined;
  const asked = NotifySubscribersSchema.safeParse(entry.notifySubscribers);
  const notifySubscribers: NotifySubscribers | undefined = asked.success ? asked.data : undefined;
  const decision = await decideNews(deps.db, deps.clock, entryId, {
    document,
    before: entry.before,
    notifySubscribers,
  });
  if (decision.outcome === "silent" || decision.outcome === "tooSoon") {
    logs.publicationSilent(deps.log, document.id, document.version, decision.outcome);
    return { ...decision, queued: 0, already: 0 };
  }
  const notice = decision.outcome === "notice" ? notifySubscribers : undefined;
  return { ...decision, ...(await queuePublication(deps, document, decision.occurrence, notice)) };
}
