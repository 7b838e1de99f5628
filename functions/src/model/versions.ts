import { z } from "zod";
import { AuditActionSchema } from "./audit.js";
import { IdSchema } from "./common.js";
import { DocumentSchema } from "./document.js";
import { RoleSchema } from "./roles.js";

/**
 * Who made a change, as a version records it: the person and the role they acted in, never the
 * account. The committee reads versions, and an account id beside a person id would map the
 * network's accounts to its people, which only the secretariat reads (accounts rule).
 */
export const AuthorSchema = z.object({ memberId: IdSchema, role: RoleSchema }).strict();
export type Author = z.infer<typeof AuthorSchema>;

/**
 * One version of a document (`documents/{id}/versions/{version}`), written in the transaction
 * that made it. Any version can be viewed, compared and restored. A record that predates the
 * console (the seed) is kept with `by: null` the first time it changes.
 */
export const DocumentVersionSchema = versionSchemaOf(DocumentSchema);
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;
export const VERSIONS_SUBCOLLECTION = "versions";

/** The version schema of any record the console edits (`<collection>/{id}/versions/{version}`). */
export function versionSchemaOf<S extends z.ZodType>(record: S) {
  return z
    .object({
      version: z.number().int().min(1),
      at: z.iso.datetime().nullable(),
      action: AuditActionSchema.nullable(),
      by: AuthorSchema.nullable(),
      /** Who last changed the content (a status change keeps it): nobody publishes their own edit. */
      contentBy: AuthorSchema.nullable(),
      /**
       * Who sent the content for review (set by a submission, cleared by a content change, kept
       * by other status changes); absent in versions written before it was recorded.
       */
      submittedBy: AuthorSchema.nullable().optional(),
      record,
    })
    .strict();
}
