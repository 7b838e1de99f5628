import { z } from "zod";
import {
  CountryCodeSchema,
  EditableFieldsSchema,
  IdSchema,
  LocalizedTitleSchema,
  SourceSchema,
  UrlSchema,
} from "./common.js";

export const INSTITUTION_KINDS = ["procurement-agency", "government", "multilateral"] as const;

export const InstitutionSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(INSTITUTION_KINDS),
    name: LocalizedTitleSchema,
    acronym: z.string().trim().min(1).max(40).optional(),
    /** Absent for multilateral bodies, which belong to no single country. */
    countryId: CountryCodeSchema.optional(),
    website: UrlSchema.optional(),
    source: SourceSchema,
    ...EditableFieldsSchema.shape,
  })
  .strict()
  .refine((i) => i.kind === "multilateral" || i.countryId !== undefined, {
    message: "a national institution needs a countryId",
    path: ["countryId"],
  });
export type Institution = z.infer<typeof InstitutionSchema>;
