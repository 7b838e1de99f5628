import { z } from "zod";
import {
  CountryCodeSchema,
  IdSchema,
  LangSchema,
  LocalizedTitleSchema,
  SourceSchema,
  TimeZoneSchema,
} from "./common.js";

/** A language a person speaks, as its ISO 639-1 code ("es", "qu"); the console names it. */
export const SpokenLanguageSchema = z.string().regex(/^[a-z]{2}$/, "must be a language code such as es or en");

/**
 * A person in the network. The public site shows only what model/public.ts picks (name, title,
 * institution, country) and only of those who agreed; the console's members' directory shows
 * every person to the signed-in representatives.
 */
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
    /** The languages the person speaks, for the directory. */
    languages: z.array(SpokenLanguageSchema).max(12, "lists at most 12 languages").optional(),
    /** When the person last confirmed (or updated) their directory entry; absent: never. */
    confirmedAt: z.iso.datetime().optional(),
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
    /**
     * Which details the person shares with the other representatives in the members' directory,
     * field by field (nothing when absent). What is shared is copied to `directory/{id}`
     * (model/directory.ts); this record stays the person's and the secretariat's.
     */
    share: z.object({ email: z.boolean(), phone: z.boolean() }).strict().optional(),
  })
  .strict();
export type MemberContact = z.infer<typeof MemberContactSchema>;
