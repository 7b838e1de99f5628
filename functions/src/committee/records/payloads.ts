import { z } from "zod";
import { IdSchema, LangSchema, ReasonSchema } from "../../model/index.js";
import type { DocumentAction as WorkflowAction } from "../documents/workflow.js";
import { KindSchema, OTHER_KINDS, RECORD_KINDS } from "./kinds.js";

const VersionSchema = z.number().int().min(1).max(1_000_000);
const OtherKindSchema = z.enum(OTHER_KINDS);

/** As the document payloads: the language of errors, the record, the version it was based on. */
const base = { lang: LangSchema.optional(), kind: OtherKindSchema, id: IdSchema, baseVersion: VersionSchema };
const withReason = z.object({ ...base, reason: ReasonSchema.optional() }).strict();

/** A new draft or an edit of an event, initiative, institution or topic: its content in `record`. */
const saveDraft = z.discriminatedUnion(
  "kind",
  OTHER_KINDS.map((kind) =>
    z
      .object({
        ...base,
        kind: z.literal(kind),
        // A new record has no base version yet.
        baseVersion: VersionSchema.optional(),
        record: RECORD_KINDS[kind].content,
      })
      .strict(),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

/** The payload of each record callable (committee-record<Action>), checked before anything is read. */
export const RECORD_PAYLOADS = {
  saveDraft,
  submit: withReason,
  publish: withReason,
  unpublish: withReason,
  archive: withReason,
  restoreVersion: z.object({ ...base, version: VersionSchema, reason: ReasonSchema.optional() }).strict(),
  softDelete: withReason,
  undelete: withReason,
} satisfies Record<WorkflowAction, z.ZodType>;

export type RecordPayload = {
  kind: (typeof OTHER_KINDS)[number];
  id: string;
  baseVersion?: number;
  record?: Record<string, unknown>;
  version?: number;
  reason?: string;
};

/** Scheduling a publication: any kind, documents too, at a moment with its UTC offset. */
export const SchedulePayloadSchema = z
  .object({
    lang: LangSchema.optional(),
    kind: KindSchema,
    id: IdSchema,
    baseVersion: VersionSchema,
    at: z.iso.datetime({ offset: true }),
    reason: ReasonSchema.optional(),
  })
  .strict();
export const CancelSchedulePayloadSchema = z
  .object({ lang: LangSchema.optional(), kind: KindSchema, id: IdSchema, reason: ReasonSchema.optional() })
  .strict();
