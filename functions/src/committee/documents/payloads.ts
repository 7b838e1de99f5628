import { z } from "zod";
import { DocumentContentSchema, IdSchema, LangSchema, ReasonSchema } from "../../model/index.js";
import type { DocumentAction } from "./workflow.js";

const VersionSchema = z.number().int().min(1).max(1_000_000);

/** Every payload may say the language its errors should use. Unknown fields are refused. */
const base = {
  lang: LangSchema.optional(),
  id: IdSchema,
  /** The version the person was looking at: a change based on an older one is refused. */
  baseVersion: VersionSchema,
};
const withReason = z.object({ ...base, reason: ReasonSchema.optional() }).strict();

/** The payload of each document callable, checked before anything is read or written. */
export const DOCUMENT_PAYLOADS = {
  // A new document has no base version yet.
  saveDraft: z.object({ ...base, baseVersion: VersionSchema.optional(), document: DocumentContentSchema }).strict(),
  submit: withReason,
  publish: withReason,
  unpublish: withReason,
  archive: withReason,
  restoreVersion: z.object({ ...base, version: VersionSchema, reason: ReasonSchema.optional() }).strict(),
  softDelete: withReason,
  undelete: withReason,
} satisfies Record<DocumentAction, z.ZodType>;

export type DocumentPayload<A extends DocumentAction> = z.infer<(typeof DOCUMENT_PAYLOADS)[A]>;
export type AnyDocumentPayload = DocumentPayload<DocumentAction>;
