import type { Firestore } from "firebase-admin/firestore";
import {
  type Document,
  type NotifySubscribers,
  PUBLICATION_NEWS_COLLECTION,
  type PublicationNews,
  PublicationNewsSchema,
} from "../model/index.js";

/** A new notice of the same document goes out at most once in this long. */
export const NOTICE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** What one publication sends subscribers: nothing, or the messages of one occurrence. */
export type NewsDecision =
  | { outcome: "first" | "notice"; occurrence: string }
  | { outcome: "silent" | "tooSoon"; occurrence?: undefined };

/** The outbox occurrence of a document's first news, and of a new notice (one per audit entry). */
export const firstNews = (documentId: string) => `${documentId}:first`;
const noticeNews = (documentId: string, entry: string) => `${documentId}:notice:${entry}`;

/**
 * Decides, in a transaction on the document's news ledger, what the publication recorded by
 * audit entry `entry` sends subscribers: its first publication sends the news; a later one (a
 * correction republished) sends nothing unless the publisher asked for a new notice with a
 * reason, and then only if no notice of the document went out in the last day. A document
 * published before the ledger existed (the seed, say) carries its first publication date
 * (`publishedOn`, which unpublishing keeps): its news went out then. The same entry decided again
 * (the trigger delivered twice, or run again after a crash) gets the same answer, so the outbox's
 * own keys finish what the first run began.
 */
export async function decideNews(
  db: Firestore,
  clock: () => Date,
  entry: string,
  publication: { document: Document; before?: unknown; notifySubscribers?: NotifySubscribers },
): Promise<NewsDecision> {
  const { document, notifySubscribers } = publication;
  const ref = db.collection(PUBLICATION_NEWS_COLLECTION).doc(document.id);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const parsed = snap.exists ? PublicationNewsSchema.safeParse(snap.data()) : undefined;
    const ledger = parsed?.success ? parsed.data : undefined;
    const atMs = clock().getTime();
    if (ledger?.first.entry === entry) return { outcome: "first", occurrence: firstNews(document.id) };
    if (ledger?.notice?.entry === entry) return { outcome: "notice", occurrence: noticeNews(document.id, entry) };

    const publishedBefore = ledger !== undefined || hasPublishDate(publication.before);
    let decision: NewsDecision;
    if (!publishedBefore) decision = { outcome: "first", occurrence: firstNews(document.id) };
    else if (!notifySubscribers) decision = { outcome: "silent" };
    else if (ledger?.notice && atMs - ledger.notice.atMs < NOTICE_INTERVAL_MS) decision = { outcome: "tooSoon" };
    else decision = { outcome: "notice", occurrence: noticeNews(document.id, entry) };

    const next: PublicationNews = {
      documentId: document.id,
      // A document first published before the ledger: its first news is the one it had then.
      first: ledger?.first ?? { entry: decision.outcome === "first" ? entry : "before-ledger", atMs },
      notice:
        decision.outcome === "notice" && notifySubscribers
          ? { entry, atMs, reason: notifySubscribers.reason }
          : ledger?.notice,
      last: { entry, atMs, outcome: decision.outcome },
    };
    tx.set(ref, JSON.parse(JSON.stringify(PublicationNewsSchema.parse(next))));
    return decision;
  });
}

const hasPublishDate = (record: unknown): boolean =>
  typeof record === "object" &&
  record !== null &&
  typeof (record as { publishedOn?: unknown }).publishedOn === "string";
