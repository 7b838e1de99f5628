import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod";
import {
  type Author,
  COLLECTIONS,
  MemberSchema,
  type NotifySubscribers,
  type Publication,
  type RecordAuditAction,
  stripUndefined,
  VERSIONS_SUBCOLLECTION,
} from "../../model/index.js";
import { appendAudit } from "../audit/audit-log.js";
import type { CommitteeDeps } from "../deps.js";
import { assertAllowed, CommitteeError } from "../errors.js";
import type { Actor, Target } from "../permissions.js";
import { type AnyRecord, kindNoun, type RecordKind, stateOf, versionOf } from "./kinds.js";
import { translationState } from "./translations.js";
import { canTransition, TRANSITIONS, type WorkflowAction } from "./workflow.js";

/** What a workflow action asks of a record, whatever its kind. */
export interface RecordChange {
  id: string;
  /** The version the person was looking at; absent only for a new record. */
  baseVersion?: number;
  /** New content (saveDraft). */
  content?: Record<string, unknown>;
  /** The version to restore (restoreVersion). */
  version?: number;
  reason?: string;
  /** A document's publication asking that subscribers hear of it again (publish only). */
  notifySubscribers?: NotifySubscribers;
}

/** A workflow payload of any kind as the store's change; `content` is the new draft's, wherever the payload carries it. */
export function changeOf(
  payload: {
    id: string;
    baseVersion?: number;
    version?: number;
    reason?: string;
    notifySubscribers?: NotifySubscribers;
  },
  content: Record<string, unknown> | undefined,
): RecordChange {
  return {
    id: payload.id,
    baseVersion: payload.baseVersion,
    content,
    version: "version" in payload ? payload.version : undefined,
    reason: "reason" in payload ? payload.reason : undefined,
    notifySubscribers: "notifySubscribers" in payload ? payload.notifySubscribers : undefined,
  };
}

export interface RecordChangeResult {
  id: string;
  version: number;
  status: Publication;
}

export const authorOf = (actor: Actor): Author => ({ memberId: actor.memberId, role: actor.role });

/** What the transaction read of a record: the record, its latest version entry and who made it. */
export interface RecordRead {
  ref: FirebaseFirestore.DocumentReference;
  current: AnyRecord | undefined;
  latest:
    | {
        contentBy?: Author | null;
        submittedBy?: Author | null;
        by?: Author | null;
        action?: string | null;
        at?: string | null;
      }
    | undefined;
}

/**
 * The persons whose work the latest version is, as the two-person rule weighs them: who last
 * changed the content and who submitted it. A version from before submitters were recorded
 * names its submitter as its author when it is the submission.
 */
export function authorsOf(latest: RecordRead["latest"]): Pick<Target, "lastEditor" | "submitter"> {
  const submitter = latest?.submittedBy ?? (latest?.action?.endsWith(".submit") ? latest.by : undefined);
  return { lastEditor: latest?.contentBy?.memberId, submitter: submitter?.memberId };
}

export async function readRecord(
  deps: CommitteeDeps,
  tx: Transaction,
  kind: RecordKind,
  id: string,
): Promise<RecordRead> {
  const ref = deps.db.collection(COLLECTIONS[kind.collection].path).doc(id);
  const snap = await tx.get(ref);
  const current = snap.exists ? (kind.schema.parse(snap.data()) as AnyRecord) : undefined;
  const latestSnap = current
    ? await tx.get(ref.collection(VERSIONS_SUBCOLLECTION).doc(String(versionOf(current))))
    : undefined;
  const latest = latestSnap?.exists ? (kind.version.parse(latestSnap.data()) as RecordRead["latest"]) : undefined;
  return { ref, current, latest };
}

/** Refuses a change based on a version other than the stored one, naming who changed it and when. */
export async function assertFresh(
  deps: CommitteeDeps,
  tx: Transaction,
  read: RecordRead,
  baseVersion: number | undefined,
) {
  const { current, latest } = read;
  if (!current || baseVersion === versionOf(current)) return;
  const name = latest?.by ? await memberName(deps, tx, latest.by.memberId) : undefined;
  throw new CommitteeError(
    "failed-precondition",
    "console.error.stale",
    {
      who: name ?? { key: "console.someone" },
      current: versionOf(current),
      base: baseVersion ?? 0,
      when: latest?.at ? { moment: latest.at } : "?",
    },
    { currentVersion: versionOf(current), changedBy: latest?.by ?? null, changedAt: latest?.at ?? null },
  );
}

/**
 * Applies one console action to a record of any kind inside `tx`: the new record, its version
 * in `versions`, and the audit entry are written together or not at all. Checks, in order: the
 * record exists (or does not, for a new draft), the actor may touch it, it was not changed
 * since `baseVersion`, and the action may start from its state. Reads first, then writes, so a
 * caller may add its own writes to the same transaction (the scheduled publication does).
 */
export async function applyChange(
  deps: CommitteeDeps,
  tx: Transaction,
  kind: RecordKind,
  actor: Actor,
  action: WorkflowAction,
  change: RecordChange,
  audit: { actor?: Parameters<typeof appendAudit>[2]["actor"]; reason?: string } = {},
): Promise<RecordChangeResult> {
  const { db, clock } = deps;
  const read = await readRecord(deps, tx, kind, change.id);
  const { ref, current, latest } = read;
  const versions = ref.collection(VERSIONS_SUBCOLLECTION);
  if (!current && !(action === "saveDraft" && change.baseVersion === undefined)) {
    throw new CommitteeError("not-found", "console.error.notFound", { id: change.id, what: kindNoun(kind) });
  }
  if (current && change.baseVersion === undefined) {
    throw new CommitteeError("already-exists", "console.error.exists", { id: change.id, what: kindNoun(kind) });
  }
  const restored = change.version === undefined ? undefined : await tx.get(versions.doc(String(change.version)));
  if (restored && !restored.exists) {
    throw new CommitteeError("not-found", "console.error.versionNotFound", {
      what: kindNoun(kind),
      id: change.id,
      version: change.version ?? 0,
    });
  }
  const restoredRecord = restored ? (kind.version.parse(restored.data()) as { record: AnyRecord }).record : undefined;
  const auditAction: RecordAuditAction = `${kind.type}.${action}`;

  assertAllowed(actor, auditAction, {
    countries: [
      ...(current ? kind.countriesOf(current) : []),
      ...(change.content ? kind.countriesOf({ id: change.id, ...change.content }) : []),
      ...(restoredRecord ? kind.countriesOf(restoredRecord) : []),
    ],
    ...authorsOf(latest),
    reason: change.reason,
  });
  await assertFresh(deps, tx, read, change.baseVersion);
  const from = current ? stateOf(kind, current) : "new";
  if (!canTransition(action, from)) {
    throw new CommitteeError("failed-precondition", "console.error.state", {
      action: { key: `console.action.${action}` },
      status: from,
    });
  }

  const now = clock();
  const next = nextRecord(kind, change.id, action, current, change.content ?? restoredRecord, now);
  const nextVersion = versionOf(next);
  const contentChanged = action === "saveDraft" || action === "restoreVersion";
  const entry = {
    version: nextVersion,
    at: now.toISOString(),
    action: auditAction,
    by: authorOf(actor),
    contentBy: contentChanged ? authorOf(actor) : (latest?.contentBy ?? null),
    submittedBy: action === "submit" ? authorOf(actor) : contentChanged ? null : (latest?.submittedBy ?? null),
    record: next,
  };
  // A record from before the console (the seed) gets its version kept the first time it changes.
  if (current && !latest) {
    tx.create(versions.doc(String(versionOf(current))), {
      ...stripUndefined({ version: versionOf(current), at: null, action: null, by: null, contentBy: null }),
      record: stripUndefined(current),
    });
  }
  tx.set(ref, stripUndefined(next));
  tx.create(versions.doc(String(nextVersion)), stripUndefined(kind.version.parse(entry)));
  appendAudit(db, tx, {
    at: now.toISOString(),
    actor: audit.actor ?? { uid: actor.uid, ...authorOf(actor) },
    action: auditAction,
    target: { collection: COLLECTIONS[kind.collection].path, id: change.id },
    countryIds: [...new Set([...(current ? kind.countriesOf(current) : []), ...kind.countriesOf(next)])],
    before: current ? stripUndefined(current) : null,
    after: stripUndefined(next),
    reason: audit.reason ?? change.reason,
    notifySubscribers: action === "publish" ? change.notifySubscribers : undefined,
  });
  return { id: change.id, version: nextVersion, status: stateOf(kind, next) };
}

/** `applyChange` in a transaction of its own: what a callable does. */
export function changeRecord(
  deps: CommitteeDeps,
  kind: RecordKind,
  actor: Actor,
  action: WorkflowAction,
  change: RecordChange,
): Promise<RecordChangeResult> {
  return deps.db.runTransaction((tx) => applyChange(deps, tx, kind, actor, action, change));
}

/**
 * The record after `action`: new content where the action brings some, the new state, one
 * version more, checked against the kind's whole schema (its cross-field rules included). A
 * record that breaks one is refused with the fields named, as the payload's own check does.
 */
function nextRecord(
  kind: RecordKind,
  id: string,
  action: WorkflowAction,
  current: AnyRecord | undefined,
  content: Record<string, unknown> | undefined,
  now: Date,
): AnyRecord {
  const to = TRANSITIONS[action].to;
  // The workflow's own fields come from the workflow, never from content (nor a restored version).
  const { id: _id, version: _version, [kind.state]: _state, ...fields } = (content ?? current ?? {}) as AnyRecord;
  const base = { ...fields, id, [kind.state]: to, version: (current ? versionOf(current) : 0) + 1 } as AnyRecord;
  const stamped = { ...base, ...(kind.stamp?.(current ?? base, to, now) ?? {}) };
  // Only new content can leave a translation behind its original; a state change keeps both as stored.
  const draft = content ? { ...stamped, ...translationState(current, stamped, now) } : stamped;
  const parsed = (kind.schema as z.ZodType<AnyRecord>).safeParse(stripUndefined(draft));
  if (parsed.success) return parsed.data;
  const fieldsOf = parsed.error.issues.map((issue) => ({
    path: ["record", ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  throw new CommitteeError(
    "invalid-argument",
    "console.error.invalid",
    { fields: [...new Set(fieldsOf.map((f) => f.path))].join(", ") },
    { fields: fieldsOf },
  );
}

async function memberName(deps: CommitteeDeps, tx: Transaction, memberId: string): Promise<string | undefined> {
  const snap = await tx.get(deps.db.collection(COLLECTIONS.members.path).doc(memberId));
  const member = MemberSchema.safeParse(snap.data());
  return member.success ? member.data.name : undefined;
}
