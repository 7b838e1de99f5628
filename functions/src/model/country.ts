import { z } from "zod";
import { CountryCodeSchema, LocalizedSchema, SourceSchema } from "./common.js";

export const CountrySchema = z
  .object({
    id: CountryCodeSchema,
    name: LocalizedSchema,
    oasMember: z.boolean(),
    source: SourceSchema,
  })
  .strict();
export type Country = z.infer<typeof CountrySchema>;
