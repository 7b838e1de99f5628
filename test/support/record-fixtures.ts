import type { Firestore } from "firebase-admin/firestore";
import type { OTHER_KINDS } from "../../functions/src/committee/records/kinds.js";
import { TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from "../../functions/src/committee/records/workflow.js";
import type { Document, Publication } from "../../functions/src/model/index.js";

export type OtherKind = (typeof OTHER_KINDS)[number];

/**
 * The state each workflow action is tried from in the tests: the first stored state its
 * transition may start from, read from the workflow's own table, so a new action or a changed
 * transition needs no test table edited by hand.
 */
export const STARTING_STATE = Object.fromEntries(
  WORKFLOW_ACTIONS.map((action) => {
    const from = TRANSITIONS[action].from.find((state) => state !== "new");
    if (!from) throw new Error(`${action} starts from no stored state`);
    return [action, from];
  }),
) as Record<WorkflowAction, Document["status"]>;

/** Valid content of each kind, concerning `country` where the kind concerns one. */
export function contentOf(kind: OtherKind, country = "CL", title = "Título"): Record<string, unknown> {
  switch (kind) {
    case "events":
      return {
        kind: "seminar",
        title: { es: title },
        status: "planned",
        start: "2027-05",
        hostCountries: [country],
        organizerIds: [],
        attendingCountries: [],
        sessions: [{ type: "workshop", title: { es: "Taller" }, topics: [], topicIds: [] }],
        source: "test",
      };
    case "initiatives":
      return { name: { es: title }, coordinatorIds: ["chilecompra"], crossLink: "pending", source: "test" };
    case "institutions":
      return { kind: "procurement-agency", name: { es: title }, countryId: country, source: "test" };
    case "topics":
      return { name: { es: title }, priority: "high", order: 9, source: "test" };
  }
}

export const OTHER_EDITOR = { memberId: "someone-else", role: "committee" as const };

/** A stored record in `publication` at version 2, its versions 1 and 2 kept, last edited by someone else. */
export async function recordFixture(
  db: Firestore,
  kind: OtherKind,
  id: string,
  publication: Publication,
  country = "CL",
): Promise<Record<string, unknown>> {
  const v1 = { ...contentOf(kind, country, "Primera versión"), id, publication: "draft", version: 1 };
  const v2 = { ...contentOf(kind, country), id, publication, version: 2 };
  const version = (record: Record<string, unknown>) => ({
    version: record.version,
    at: "2026-01-10T10:00:00.000Z",
    action: "event.saveDraft",
    by: OTHER_EDITOR,
    contentBy: OTHER_EDITOR,
    record,
  });
  await db.doc(`${kind}/${id}`).set(v2);
  await db.doc(`${kind}/${id}/versions/1`).set(version(v1));
  await db.doc(`${kind}/${id}/versions/2`).set(version(v2));
  return v2;
}
