import { z } from "zod";
import { EditableFieldsSchema, IdSchema, LocalizedTitleSchema, SourceSchema } from "./common.js";

/** A priority area of common interest agreed by the network. */
export const TopicSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTitleSchema,
    /** "highest" for the two areas of highest priority, "high" for the other areas of common interest. */
    priority: z.enum(["highest", "high"]),
    order: z.number().int().min(0),
    source: SourceSchema,
    ...EditableFieldsSchema.shape,
  })
  .strict();
export type Topic = z.infer<typeof TopicSchema>;
