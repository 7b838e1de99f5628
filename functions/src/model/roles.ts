import { z } from "zod";
import { CountryCodeSchema, IdSchema, LangSchema } from "./common.js";

/**
 * The network's roles in the committee console.
 * - secretariat: the network's administrators; everything the committee does, plus people,
 *   roles, invitations, manual committee seats and the hosting commitment.
 * - committee: a representative of a country that holds an Executive Committee seat; edits,
 *   reviews and publishes content.
 * - member: a representative of any member country; drafts and submits, never publishes.
 */
export const ROLES = ["secretariat", "committee", "member"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** A Firebase Auth uid, as the Auth emulator and production issue them (1 to 128 characters). */
export const UidSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "must be an account id (letters, digits, _ and -)");

/**
 * An account of the console (collection `accounts`, id = Auth uid): who the signed-in person is
 * in the network. Only Cloud Functions write it; the claims trigger mirrors it into the token.
 *
 * `role` is the role the secretariat assigned. A representative assigned `committee` acts as
 * committee only while their country holds a seat (the Santiago rule moves seats, not roles),
 * and as a member otherwise.
 */
export const AccountSchema = z
  .object({
    id: UidSchema,
    memberId: IdSchema,
    role: RoleSchema,
    /** The country represented; the secretariat represents none. */
    countryId: CountryCodeSchema.optional(),
    /** The language the console and its error messages use for this person. */
    lang: LangSchema.optional(),
  })
  .strict()
  .refine((a) => a.role === "secretariat" || a.countryId !== undefined, {
    message: "a country's representative needs the country",
    path: ["countryId"],
  });
export type Account = z.infer<typeof AccountSchema>;

/**
 * The custom claims on a console account's ID token: what firestore.rules and the callables
 * read. `role` is the role in effect (committee only with a seat); `seat` says whether the
 * account's country holds an Executive Committee seat.
 */
export const AccountClaimsSchema = z
  .object({
    role: RoleSchema,
    memberId: IdSchema,
    countryId: CountryCodeSchema.optional(),
    seat: z.boolean(),
  })
  .strict();
export type AccountClaims = z.infer<typeof AccountClaimsSchema>;

/** The role in effect for an assigned role, given whether the account's country holds a seat. */
export function effectiveRole(assigned: Role, countryHoldsSeat: boolean): Role {
  if (assigned === "committee" && !countryHoldsSeat) return "member";
  return assigned;
}

/** The claims an account carries (pure: the trigger and the demo accounts both use it). */
export function claimsFor(account: Account, countryHoldsSeat: boolean): AccountClaims {
  const seat = account.countryId !== undefined && countryHoldsSeat;
  return AccountClaimsSchema.parse({
    role: effectiveRole(account.role, seat),
    memberId: account.memberId,
    countryId: account.countryId,
    seat,
  });
}

/**
 * `metadata/{uid}`: the time of the account's last claims change. The console listens to it and
 * forces a token refresh when it moves (Firebase's documented way to propagate custom claims).
 */
export const AccountMetadataSchema = z.object({ refreshTime: z.number().int().nonnegative() }).strict();
export type AccountMetadata = z.infer<typeof AccountMetadataSchema>;

/** Collections of the console that never feed the public site. */
export const ACCOUNTS_COLLECTION = "accounts";
export const METADATA_COLLECTION = "metadata";
