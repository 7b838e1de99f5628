import { z } from "zod";
import { LangSchema, TimestampSchema } from "./common.js";
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
