import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod";
import type { Log } from "../../log.js";
import {
  ACCOUNTS_COLLECTION,
  AccountSchema,
  COLLECTIONS,
  claimsFor,
  type PublicationSchedule,
  PublicationScheduleSchema,
  SCHEDULES_COLLECTION,
  scheduleId,
  stripUndefined,
} from "../../model/index.js";
import { appendAudit } from "../audit/audit-log.js";
import type { CommitteeDeps } from "../deps.js";
import { assertAllowed, CommitteeError } from "../errors.js";
import type { Actor } from "../permissions.js";
import { type KindName, kindNoun, RECORD_KINDS, type RecordKind, stateOf, versionOf } from "./kinds.js";
import type { CancelSchedulePayloadSchema, SchedulePayloadSchema } from "./payloads.js";
import { applyChange, assertFresh, authorOf, authorsOf, readRecord } from "./record-store.js";
import { canTransition } from "./workflow.js";

const kindNamed = (type: PublicationSchedule["type"]): RecordKind | undefined =>
  Object.values(RECORD_KINDS).find((kind) => kind.type === type);

export interface ScheduleResult {
  id: string;
  at: string;
  version: number;
}

/**
 * Schedules the publication of a record at a moment: allowed to whoever may publish it now (the
 * two-person rule included), from the state a publication starts from (in review). The version
 * the publisher saw is kept; scheduling again replaces the earlier moment.
 */
export async function schedulePublication(
  deps: CommitteeDeps,
  actor: Actor,
  input: z.infer<typeof SchedulePayloadSchema>,
): Promise<ScheduleResult> {
  const kind = RECORD_KINDS[input.kind];
  const at = new Date(input.at);
  return deps.db.runTransaction(async (tx) => {
    const read = await readRecord(deps, tx, kind, input.id);
    if (!read.current)
      throw new CommitteeError("not-found", "console.error.notFound", { id: input.id, what: kindNoun(kind) });
    assertAllowed(actor, `${kind.type}.schedulePublish`, {
      countries: kind.countriesOf(read.current),
      ...authorsOf(read.latest),
      reason: input.reason,
    });
    await assertFresh(deps, tx, read, input.baseVersion);
    const state = stateOf(kind, read.current);
    if (!canTransition("publish", state)) {
      throw new CommitteeError("failed-precondition", "console.error.state", {
        action: { key: "console.action.publish" },
        status: state,
      });
    }
    const now = deps.clock();
    if (at.getTime() <= now.getTime()) {
      throw new CommitteeError(
        "invalid-argument",
        "console.error.scheduleInPast",
        {},
        {
          fields: [{ path: "at", message: "must be in the future" }],
        },
      );
    }
    const schedule: PublicationSchedule = {
      type: kind.type,
      id: input.id,
      at: at.toISOString(),
      version: versionOf(read.current),
      by: authorOf(actor),
      countryId: actor.countryId,
      scheduledAt: now.toISOString(),
      reason: input.reason,
    };
    tx.set(scheduleRef(deps, kind, input.id), stripUndefined(PublicationScheduleSchema.parse(schedule)));
    appendAudit(deps.db, tx, {
      at: now.toISOString(),
      actor: authorOf(actor),
      action: `${kind.type}.schedulePublish`,
      target: { collection: COLLECTIONS[kind.collection].path, id: input.id },
      countryIds: kind.countriesOf(read.current),
      before: null,
      after: stripUndefined(schedule),
      reason: input.reason,
    });
    return { id: input.id, at: schedule.at, version: schedule.version };
  });
}

/** Cancels a scheduled publication; the record stays as it is, in review. */
export async function cancelSchedule(
  deps: CommitteeDeps,
  actor: Actor,
  input: z.infer<typeof CancelSchedulePayloadSchema>,
): Promise<{ id: string }> {
  const kind = RECORD_KINDS[input.kind];
  return deps.db.runTransaction(async (tx) => {
    const ref = scheduleRef(deps, kind, input.id);
    const snap = await tx.get(ref);
    if (!snap.exists) throw new CommitteeError("not-found", "console.error.noSchedule", { id: input.id });
    const schedule = PublicationScheduleSchema.parse(snap.data());
    const record = await tx.get(deps.db.collection(COLLECTIONS[kind.collection].path).doc(input.id));
    const countries = record.exists ? kind.countriesOf({ id: input.id, ...record.data() }) : [];
    assertAllowed(actor, `${kind.type}.cancelSchedule`, { countries });
    tx.delete(ref);
    appendAudit(deps.db, tx, {
      at: deps.clock().toISOString(),
      actor: authorOf(actor),
      action: `${kind.type}.cancelSchedule`,
      target: { collection: COLLECTIONS[kind.collection].path, id: input.id },
      countryIds: countries,
      before: stripUndefined(schedule),
      after: null,
      reason: input.reason,
    });
    return { id: input.id };
  });
}

export interface DueRun {
  published: string[];
  /** Schedules the job cancelled, with the reason (the record changed, or may no longer be published). */
  refused: { schedule: string; key: string }[];
}

/**
 * Publishes every record whose scheduled moment has come, each in its own transaction with the
 * removal of its schedule. It publishes as the person who scheduled it, with the role and seat
 * their account has when the job runs (a demoted or removed scheduler's schedule is cancelled,
 * as a call of theirs would be refused), and with the reason they gave, which the secretariat's
 * publication of its own edit needs. A record changed since it was scheduled is not published:
 * the publisher approved that version, and publishing a later one would put unreviewed content
 * on the site and bypass the two-person rule. A refused schedule is cancelled, with an audit
 * entry saying why, so the people concerned see it and can schedule the new version.
 */
export async function publishDueRecords(deps: CommitteeDeps, log: Log): Promise<DueRun> {
  const now = deps.clock();
  const due = await deps.db.collection(SCHEDULES_COLLECTION).where("at", "<=", now.toISOString()).get();
  const run: DueRun = { published: [], refused: [] };
  for (const doc of due.docs) {
    const outcome = await deps.db.runTransaction(async (tx) => {
      const snap = await tx.get(doc.ref);
      const parsed = PublicationScheduleSchema.safeParse(snap.data());
      // Cancelled, or already published by a concurrent run, since the query.
      if (!snap.exists || !parsed.success || parsed.data.at > now.toISOString()) return undefined;
      const schedule = parsed.data;
      const kind = kindNamed(schedule.type);
      if (!kind) return undefined;
      const actor = await schedulerNow(deps, tx, schedule.by.memberId);
      const read = await readRecord(deps, tx, kind, schedule.id);
      let refusal: string | undefined;
      if (!read.current || versionOf(read.current) !== schedule.version) refusal = "console.error.scheduleChanged";
      else if (!actor) refusal = "console.error.noPerson";
      else {
        try {
          await applyChange(deps, tx, kind, actor, "publish", {
            id: schedule.id,
            baseVersion: schedule.version,
            reason: schedule.reason,
          });
        } catch (error) {
          if (!(error instanceof CommitteeError)) throw error;
          refusal = error.key;
        }
      }
      tx.delete(doc.ref);
      if (refusal) {
        appendAudit(deps.db, tx, {
          at: now.toISOString(),
          actor: { system: "scheduler" },
          action: `${kind.type}.cancelSchedule`,
          target: { collection: COLLECTIONS[kind.collection].path, id: schedule.id },
          countryIds: read.current ? kind.countriesOf(read.current) : [],
          before: stripUndefined(schedule),
          after: null,
          reason: refusal,
        });
      }
      return { refusal };
    });
    if (!outcome) continue;
    if (outcome.refusal) {
      run.refused.push({ schedule: doc.id, key: outcome.refusal });
      log({
        severity: "WARNING",
        message: "schedule.refused: a scheduled publication was cancelled",
        schedule: doc.id,
        key: outcome.refusal,
      });
    } else run.published.push(doc.id);
  }
  return run;
}

/**
 * The scheduler as their person's account and its country's seat stand now, read in the job's
 * transaction, or undefined when the person has no account any more (one person, one account:
 * the schedule names the person, since the committee reads schedules and never account ids).
 */
async function schedulerNow(deps: CommitteeDeps, tx: Transaction, memberId: string): Promise<Actor | undefined> {
  const accounts = await tx.get(deps.db.collection(ACCOUNTS_COLLECTION).where("memberId", "==", memberId));
  const [only, ...others] = accounts.docs;
  const account = AccountSchema.safeParse(only?.data());
  if (!only || others.length > 0 || !account.success) return undefined;
  const { countryId } = account.data;
  const seat = countryId ? (await tx.get(deps.db.collection(COLLECTIONS.committee.path).doc(countryId))).exists : false;
  return { ...claimsFor(account.data, seat), uid: only.id };
}

function scheduleRef(deps: CommitteeDeps, kind: RecordKind, id: string) {
  return deps.db.collection(SCHEDULES_COLLECTION).doc(scheduleId(kind.type, id));
}

export type { KindName };
