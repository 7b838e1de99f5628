import { z } from "zod";
import {
  DocumentContentSchema,
  IdSchema,
  LangSchema,
  NotifySubscribersSchema,
  ReasonSchema,
} from "../../model/index.js";
import { KindSchema, OTHER_KINDS, RECORD_KINDS } from "./kinds.js";
import type { WorkflowAction } from "./workflow.js";

const VersionSchema = z.number().int().min(1).max(1_000_000);

/** Every payload may say the language its errors should use. Unknown fields are refused. */
const lang = LangSchema.optional();
/** The version the person was looking at: a change based on an older one is refused. A new record has none yet. */
const based = { baseVersion: VersionSchema };
const basedIfAny = { baseVersion: VersionSchema.optional() };

/**
 * The payloads of one workflow for a kind's callables: `extra` names the kind (the shared record
 * callables) or nothing (the documents'), `content` is a new draft's field and schema.
 */
function workflowPayloads<E extends z.ZodRawShape, C extends z.ZodRawShape>(extra: E, content: C) {
  const withReason = z.object({ lang, ...extra, id: IdSchema, ...based, reason: ReasonSchema.optional() }).strict();
  return {
    saveDraft: z.object({ lang, ...extra, id: IdSchema, ...basedIfAny, ...content }).strict(),
    submit: withReason,
    publish: withReason,
    unpublish: withReason,
    archive: withReason,
    restoreVersion: z
      .object({ lang, ...extra, id: IdSchema, ...based, version: VersionSchema, reason: ReasonSchema.optional() })
      .strict(),
    softDelete: withReason,
    undelete: withReason,
  } satisfies Record<WorkflowAction, z.ZodType>;
}

const documents = workflowPayloads({}, { document: DocumentContentSchema });

/**
 * The payload of each document callable (committee-<action>): the content travels as `document`.
 * A publication may ask, with a reason, that subscribers hear of the document again (a correction
 * worth telling); otherwise only a document's first publication sends them its news.
 */
export const DOCUMENT_PAYLOADS = {
  ...documents,
  publish: documents.publish.extend({ notifySubscribers: NotifySubscribersSchema.optional() }).strict(),
} satisfies Record<WorkflowAction, z.ZodType>;

const other = workflowPayloads({ kind: z.enum(OTHER_KINDS) }, {});
const saveDraftOf = <K extends (typeof OTHER_KINDS)[number]>(kind: K) =>
  z
    .object({
      lang,
      kind: z.literal(kind),
      id: IdSchema,
      ...basedIfAny,
      record: RECORD_KINDS[kind].content,
    })
    .strict();

/**
 * The payload of each record callable (committee-record<Action>) for events, initiatives,
 * institutions and topics: the kind named, a new draft's content in `record`, checked by that
 * kind's own schema.
 */
export const RECORD_PAYLOADS = {
  ...other,
  saveDraft: z.discriminatedUnion("kind", [
    saveDraftOf("events"),
    saveDraftOf("initiatives"),
    saveDraftOf("institutions"),
    saveDraftOf("topics"),
  ]),
} satisfies Record<WorkflowAction, z.ZodType>;

export type DocumentPayload<A extends WorkflowAction = WorkflowAction> = z.infer<(typeof DOCUMENT_PAYLOADS)[A]>;
export type RecordPayload<A extends WorkflowAction = WorkflowAction> = z.infer<(typeof RECORD_PAYLOADS)[A]>;

/** Scheduling a publication: any kind, documents too, at a moment with its UTC offset. */
export const SchedulePayloadSchema = z
  .object({
    lang,
    kind: KindSchema,
    id: IdSchema,
    baseVersion: VersionSchema,
    at: z.iso.datetime({ offset: true }),
    reason: ReasonSchema.optional(),
  })
  .strict();
export const CancelSchedulePayloadSchema = z
  .object({ lang, kind: KindSchema, id: IdSchema, reason: ReasonSchema.optional() })
  .strict();
