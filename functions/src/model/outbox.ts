import { z } from "zod";
import { LangSchema, TimestampSchema, TimeZoneSchema } from "./common.js";

/** Outgoing email: one document per message (see functions/src/notify). */
export const OUTBOX_COLLECTION = "outbox";

const LINE_BREAK = /[\r\n]/;

/**
 * Text that goes into a mail header (a name, a subject). A line break there would let a value
 * start a header of its own (header injection), so it is refused rather than stripped.
 */
export const HeaderTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((text) => !LINE_BREAK.test(text), {
    error: "must be on one line: line breaks (CR/LF) are not allowed in names and subjects",
  });

/** A mailbox address, checked before it reaches SMTP. */
export const EmailAddressSchema = z
  .string()
  .refine((text) => !LINE_BREAK.test(text), { error: "must be on one line", abort: true })
  .pipe(z.email({ error: "must be an email address such as name@example.org" }));

/**
 * Someone a message goes to, always built from the server's own records (members, their
 * private contacts, subscribers), never from what a client sent.
 */
export const RecipientSchema = z
  .object({
    /** Stable identity for idempotency keys, e.g. "member:ana-perez"; never the address. */
    id: z.string().min(1).max(200),
    name: HeaderTextSchema.optional(),
    address: EmailAddressSchema,
    lang: LangSchema,
    timeZone: TimeZoneSchema,
  })
  .strict();
export type Recipient = z.infer<typeof RecipientSchema>;

/** What makes a message unique: the same key never sends twice. */
export const MessageKeySchema = z
  .object({
    /** What the message is for, e.g. "commitment.reminder". */
    purpose: z.string().regex(/^[a-z][a-zA-Z0-9.-]*$/),
    recipient: z.string().min(1).max(200),
    /** Which occurrence of the purpose, e.g. "cl-2005-2006:90d". */
    occurrence: z.string().min(1).max(300),
  })
  .strict();
export type MessageKey = z.infer<typeof MessageKeySchema>;

export const DELIVERY_STATES = ["pending", "sending", "retrying", "sent", "failed", "unknown", "dropped"] as const;
/**
 * States a message never leaves: delivery keeps only its key and delivery record, and a
 * Firestore TTL (expireAt) deletes what is left.
 */
export const SETTLED_STATES = [
  "sent",
  "failed",
  "dropped",
] as const satisfies readonly (typeof DELIVERY_STATES)[number][];
export const DeliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

/** Where a message is in its delivery; times are epoch milliseconds. */
export const DeliverySchema = z
  .object({
    state: DeliveryStateSchema,
    attempts: z.int().min(0),
    /** pending/retrying: from when the sweeper may try it. */
    nextAttemptAtMs: z.number().optional(),
    /** sending: until when the claim holds; after it the sweeper reclaims it. */
    leaseExpiresAtMs: z.number().optional(),
    /** sending: which attempt holds the claim. */
    claimId: z.string().optional(),
    /** sending: whether the attempt may already have started talking to the SMTP server. */
    handedOver: z.boolean().optional(),
    messageId: z.string().optional(),
    /** sent: the server's final reply ("250 queued as ..."). */
    response: z.string().optional(),
    /** retrying/failed/unknown: what went wrong, as the server or the connection said it. */
    error: z.string().optional(),
    sentAtMs: z.number().optional(),
    /** unknown, settled: the Auth uid of the person who decided it arrived or must be resent. */
    reviewedBy: z.string().optional(),
    updatedAtMs: z.number(),
  })
  .strict();
export type Delivery = z.infer<typeof DeliverySchema>;

/** The largest calendar file a message may carry: one event with its time zone is a few kilobytes. */
export const CALENDAR_MAX_CHARS = 32_000;

/**
 * An iCalendar file sent with a message (as a text/calendar part and an .ics attachment), with
 * its iTIP method: PUBLISH adds or updates the entry its UID names, CANCEL removes it. It is
 * stored and sent as it is: it never carries a live token (outbox.ts refuses one).
 */
export const OutboxCalendarSchema = z
  .object({
    method: z.enum(["PUBLISH", "REQUEST", "CANCEL"]),
    content: z
      .string()
      .max(CALENDAR_MAX_CHARS)
      .refine((text) => text.startsWith("BEGIN:VCALENDAR"), { error: "must be an iCalendar file (BEGIN:VCALENDAR)" }),
  })
  .strict();
export type OutboxCalendar = z.infer<typeof OutboxCalendarSchema>;

const OutboxAddresseeSchema = z.object({ address: EmailAddressSchema, name: HeaderTextSchema.optional() }).strict();

/**
 * One message of the outbox. Until it is settled it holds what delivery needs: the address,
 * the texts (with a placeholder where a live token goes) and the tokens sealed (notify/seal.ts).
 * Once settled, delivery removes all of that and sets expireAt, so the TTL policy deletes the
 * rest (firestore.indexes.json).
 */
export const OutboxMessageSchema = z
  .object({
    key: MessageKeySchema,
    to: OutboxAddresseeSchema.optional(),
    lang: LangSchema,
    subject: HeaderTextSchema.optional(),
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    /** Extra headers (List-Id, List-Unsubscribe); values on one line. */
    headers: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/), HeaderTextSchema).optional(),
    /** A calendar file sent with the message (an event's entry, or its cancellation). */
    calendar: OutboxCalendarSchema.optional(),
    /** The live tokens the texts name by placeholder, sealed for this message. */
    sealed: z.array(z.string()).optional(),
    createdAtMs: z.number(),
    delivery: DeliverySchema,
    /** Settled messages: when Firestore's TTL policy deletes the document. */
    expireAt: TimestampSchema.optional(),
  })
  .strict();
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/**
 * What the secretariat reads of a message that waits for its decision (`unknown`), in
 * `outboxReview/{id}` beside the message: who it went to and its subject, never its body or its
 * tokens. Delivery writes it when it flags a message and deletes it when the message leaves
 * that state; clients read nothing of the outbox itself.
 */
export const OutboxReviewSchema = z
  .object({
    purpose: MessageKeySchema.shape.purpose,
    to: OutboxAddresseeSchema,
    subject: HeaderTextSchema,
    lang: LangSchema,
    state: z.literal("unknown"),
    attempts: z.int().min(0),
    error: z.string().optional(),
    createdAtMs: z.number(),
    updatedAtMs: z.number(),
  })
  .strict();
export type OutboxReview = z.infer<typeof OutboxReviewSchema>;
export const OUTBOX_REVIEW_COLLECTION = "outboxReview";
