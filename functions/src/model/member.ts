import { z } from "zod";
import {
  CountryCodeSchema,
  IdSchema,
  LangSchema,
  LocalizedTitleSchema,
  SourceSchema,
  TimeZoneSchema,
} from "./common.js";

/** A person in the network. Only these fields are ever shown publicly. */
export const MemberSchema = z
  .object({
    id: IdSchema,
    name: z.string().trim().min(1),
    title: LocalizedTitleSchema.optional(),
    institutionId: IdSchema.optional(),
    countryId: CountryCodeSchema.optional(),
    preferredLanguage: LangSchema,
    timeZone: TimeZoneSchema,
    /** Whether the member agreed to appear on the public members page. */
    public: z.boolean(),
    source: SourceSchema,
  })
  .strict();
export type Member = z.infer<typeof MemberSchema>;

/**
 * A member's private contact details, stored apart from the public record (collection
 * `memberContacts`, same id) so that no public view or rule can leak them by accident.
 */
export const MemberContactSchema = z
  .object({
    id: IdSchema,
    email: z.email("must be an email address"),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, "must be a phone number such as +56 2 2290 4400")
      .optional(),
    /** Whether the person shares these details with the other members in the members-only directory. */
    shared: z.boolean().optional(),
  })
  .strict();
export type MemberContact = z.infer<typeof MemberContactSchema>;
