import { z } from "zod";
import { ReasonSchema } from "./committee.js";
import { CountryCodeSchema, IdSchema, LangSchema } from "./common.js";
import { RoleSchema } from "./roles.js";

/**
 * An invitation to the console (collection `invitations`, id = SHA-256 of its token, so the
 * token itself is never stored and a leaked database cannot be used to accept one). Single use:
 * `acceptedBy` is set once. Who invited and who accepted are persons (member ids), never
 * accounts: the committee reads its country's invitations, and an account id beside a person
 * would map accounts to people, which only the secretariat reads.
 */
export const InvitationSchema = z
  .object({
    email: z.email("must be an email address").max(254),
    role: RoleSchema,
    countryId: CountryCodeSchema.optional(),
    /** The person the account will be linked to; created on acceptance if it does not exist. */
    memberId: IdSchema,
    name: z.string().trim().min(1).max(200),
    lang: LangSchema,
    /** The inviting person (member id). */
    invitedBy: IdSchema,
    /**
     * Why the secretariat links this address to a person who already has an account: accepting
     * it makes the new account the person's one account, and the earlier one loses its access.
     */
    linkReason: ReasonSchema.optional(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    /** The person whose account accepted it (the invitation's own memberId). */
    acceptedBy: IdSchema.optional(),
    acceptedAt: z.iso.datetime().optional(),
  })
  .strict()
  .refine((i) => i.role === "secretariat" || i.countryId !== undefined, {
    message: "a country's representative needs the country",
    path: ["countryId"],
  });
export type Invitation = z.infer<typeof InvitationSchema>;
export const INVITATIONS_COLLECTION = "invitations";
