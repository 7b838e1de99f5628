import { z } from "zod";
import { ReasonSchema } from "./committee.js";
import { IdSchema, LangSchema, TimestampSchema } from "./common.js";
import { EmailAddressSchema } from "./outbox.js";

/** People who asked for the network's news by email, keyed by a keyed hash of their address. */
export const SUBSCRIBERS_COLLECTION = "subscribers";
/** Request counters of the subscription form, per client and per address (see subscriptions/limits.ts). */
export const SUBSCRIPTION_LIMITS_COLLECTION = "subscriptionLimits";

/** A confirmation waiting for its link: only the token's hash is stored, the token is in the email. */
export const PendingConfirmationSchema = z
  .object({
    tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    expiresAtMs: z.number(),
    /** The address as the visitor typed it, and the language they chose for the emails. */
    address: EmailAddressSchema,
    lang: LangSchema,
    requestedAtMs: z.number(),
  })
  .strict();

export const SubscriberSchema = z
  .object({
    /** Only a confirmed subscriber gets mail; a pending one has never clicked the link. */
    status: z.enum(["pending", "confirmed"]),
    /** Set on confirmation, from the confirmed request. */
    address: EmailAddressSchema.optional(),
    lang: LangSchema.optional(),
    confirmedAtMs: z.number().optional(),
    pending: PendingConfirmationSchema.optional(),
    /** TTL field: a never-confirmed request is deleted by Firestore after it expires. */
    expireAt: TimestampSchema.optional(),
  })
  .strict();
export type Subscriber = z.infer<typeof SubscriberSchema>;

/** One fixed window of a request limit. */
export const LimitCounterSchema = z
  .object({
    windowStartMs: z.number(),
    count: z.int().min(0),
    /** TTL field: the counter is deleted by Firestore once its window is over. */
    expireAt: TimestampSchema.optional(),
  })
  .strict();
export type LimitCounter = z.infer<typeof LimitCounterSchema>;

/**
 * A publisher's request, with a document's publication, that subscribers hear of it again: a
 * correction worth telling. Kept in the publication's audit entry.
 */
export const NotifySubscribersSchema = z.object({ reason: ReasonSchema }).strict();
export type NotifySubscribers = z.infer<typeof NotifySubscribersSchema>;

/** The news ledger: one document per published document, written by the server alone. */
export const PUBLICATION_NEWS_COLLECTION = "publicationNews";

/** What a publication's audit entry brought subscribers (see subscriptions/news-ledger.ts). */
export const NEWS_OUTCOMES = ["first", "notice", "silent", "tooSoon"] as const;

/**
 * `publicationNews/{documentId}`: which audit entries sent a document's news, so a correction
 * republished mails nobody, a new notice goes out at most once a day, and a trigger delivered
 * twice finds its own entry and finishes what it began.
 */
export const PublicationNewsSchema = z
  .object({
    documentId: IdSchema,
    /** The publication that sent the first news. */
    first: z.object({ entry: z.string().min(1), atMs: z.number() }).strict(),
    /** The last new notice a publisher asked for, with its reason. */
    notice: z
      .object({ entry: z.string().min(1), atMs: z.number(), reason: z.string() })
      .strict()
      .optional(),
    /** The last publication looked at, and what it sent. */
    last: z.object({ entry: z.string().min(1), atMs: z.number(), outcome: z.enum(NEWS_OUTCOMES) }).strict(),
  })
  .strict();
export type PublicationNews = z.infer<typeof PublicationNewsSchema>;
