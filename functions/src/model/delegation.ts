import { z } from "zod";
import { CountryCodeSchema, IdSchema, LangSchema } from "./common.js";
import { EmailAddressSchema, HeaderTextSchema } from "./outbox.js";
import { AuthorSchema } from "./versions.js";

/**
 * What a person named in a delegation has answered:
 * - invited: their email went out, they have not answered;
 * - accepted: they are a delegate of the event (a registration of category delegate, `delegationOf`
 *   their country);
 * - declined: they said no. An answer is final: a new invitation needs them removed and named again.
 */
export const DELEGATE_STATES = ["invited", "accepted", "declined"] as const;
export const DelegateStateSchema = z.enum(DELEGATE_STATES);

/** The head of delegation speaks for it; there is at most one, and exactly one to submit. */
export const DELEGATE_ROLES = ["head", "delegate"] as const;
export const DelegateRoleSchema = z.enum(DELEGATE_ROLES);

/** A person as the country's representative names them (the callable's payload, checked at the edge). */
export const DelegateInputSchema = z
  .object({
    // On one line: the name goes into the email's greeting and its To header.
    name: HeaderTextSchema.pipe(z.string().max(200)),
    address: z.string().trim().pipe(EmailAddressSchema),
    institution: z.string().trim().min(1, "must not be empty").max(300),
    lang: LangSchema,
    role: DelegateRoleSchema,
  })
  .strict();
export type DelegateInput = z.infer<typeof DelegateInputSchema>;

/** The longest delegation anyone can name, whatever the quota (the quota's own maximum). */
export const MAX_DELEGATES = 1000;

export const DelegateSchema = z
  .object({
    ...DelegateInputSchema.shape,
    /** Trimmed and lower-cased, as registration keys it. */
    address: EmailAddressSchema,
    /** The id of the registration the person gets by accepting (registration/keys.ts's registrationId). */
    id: z.string().regex(/^[0-9a-f]{32}$/),
    state: DelegateStateSchema,
    /** When this invitation was made: part of the answer link's key, so naming a person again voids the old link. */
    invitedAtMs: z.int(),
    answeredAtMs: z.int().optional(),
    /** The person who named them, never an account. */
    namedBy: AuthorSchema,
    /**
     * Named into a delegation already accredited: the secretariat has not yet accredited them.
     * A flag on the person, not a state of the delegation, because the people accredited before
     * stay accredited meanwhile (their registrations and private seats untouched); accrediting
     * again clears it (registration/delegations/delegations.ts).
     */
    awaitingAccreditation: z.literal(true).optional(),
  })
  .strict();
export type Delegate = z.infer<typeof DelegateSchema>;

/**
 * Where a delegation stands: drafted and edited by its country (draft, or returned by the
 * secretariat with a reason), then submitted, then accredited by the secretariat. Only an
 * accredited delegation's delegates hold places in private sessions.
 */
export const DELEGATION_STATES = ["draft", "submitted", "accredited", "returned"] as const;
export const DelegationStateSchema = z.enum(DELEGATION_STATES);
export type DelegationState = z.infer<typeof DelegationStateSchema>;

/** One country's delegation to one event: `delegations/{eventId}__{country}`. */
export const DelegationSchema = z
  .object({
    eventId: IdSchema,
    country: CountryCodeSchema,
    state: DelegationStateSchema,
    people: z.array(DelegateSchema).max(MAX_DELEGATES),
    /** Why the secretariat returned it, while it is returned. */
    returnReason: z.string().max(1_000).optional(),
    /** Who changed it last, who submitted it and who accredited or returned it: persons, never accounts. */
    updatedBy: AuthorSchema,
    submittedBy: AuthorSchema.optional(),
    decidedBy: AuthorSchema.optional(),
    createdAtMs: z.int(),
    updatedAtMs: z.int(),
    submittedAtMs: z.int().optional(),
    decidedAtMs: z.int().optional(),
  })
  .strict();
export type Delegation = z.infer<typeof DelegationSchema>;

/** The people of an accredited delegation the secretariat has yet to accredit (none for any other state). */
export const awaitingAccreditation = (delegation: Pick<Delegation, "state" | "people">): Delegate[] =>
  delegation.state === "accredited" ? delegation.people.filter((person) => person.awaitingAccreditation) : [];

/** The id of a country's delegation to an event: one per country per event, by construction. */
export const delegationId = (eventId: string, country: string) => `${eventId}__${country}`;
