import { z } from "zod";
import { CountryCodeSchema, LocalizedTitleSchema, SourceSchema } from "./common.js";

export const CountrySchema = z
  .object({
    id: CountryCodeSchema,
    name: LocalizedTitleSchema,
    oasMember: z.boolean(),
    source: SourceSchema,
  })
  .strict();
export type Country = z.infer<typeof CountrySchema>;
