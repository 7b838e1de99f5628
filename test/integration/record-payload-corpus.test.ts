import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, it } from "vitest";
import { OTHER_KINDS } from "../../functions/src/committee/records/kinds.js";
import { recordCallables } from "../../functions/src/committee/records/record-callables.js";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "../../functions/src/committee/records/workflow.js";
import { type CallableProject, type Callers, openCallableProject } from "../support/console-callers.js";
import { bad, type Case, databaseState, expectEachRefused, workflowCases } from "../support/payload-corpus.js";
import { contentOf, type OtherKind, recordFixture, STARTING_STATE } from "../support/record-fixtures.js";

// Malformed payloads for the callables of events, initiatives, institutions and topics, and for
// scheduling and cancelling a publication: each refused with a clear code and message, nothing
// written anywhere (any collection, Auth). The machinery is the documents' corpus's.
const PROJECT = "demo-record-corpus";
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const handlers = recordCallables(() => ({ db, clock: () => new Date("2026-03-03T09:00:00Z") }));
const state = () => databaseState(db, PROJECT, project.auth);
// Each test tries every case on four kinds, with the whole project dumped after each case.
const PER_KIND_TIMEOUT = 120_000;

const idOf = (kind: OtherKind, action: string) => `corpus-${kind}-${action.toLowerCase()}`;
const callableOf = (action: WorkflowAction) =>
  handlers[`record${action[0]?.toUpperCase()}${action.slice(1)}` as keyof typeof handlers];

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, callers } = project);
  for (const kind of OTHER_KINDS) {
    for (const action of WORKFLOW_ACTIONS) await recordFixture(db, kind, idOf(kind, action), STARTING_STATE[action]);
    await recordFixture(db, kind, idOf(kind, "schedule"), "in-review");
    await recordFixture(db, kind, idOf(kind, "cancel"), "in-review");
    await handlers.schedulePublish(
      callers.request("committee-cl", { kind, id: idOf(kind, "cancel"), baseVersion: 2, at: "2026-03-04T09:00:00Z" }),
    );
  }
});
afterAll(() => project?.close());

/** What breaks each kind's content in particular, beyond the shared cases. */
function contentCases(kind: OtherKind, valid: Record<string, unknown>): Case[] {
  const content = contentOf(kind);
  const record = (name: string, value: unknown, code?: string) => bad(name, { ...valid, record: value }, code);
  const common = [
    record("record missing", undefined),
    record("record of the wrong type", "text"),
    record("state forced inside the record", { ...content, publication: "published" }),
    record("version forged inside the record", { ...content, version: 99 }),
    record("id forged inside the record", { ...content, id: "other" }),
    record("a field of another kind", { ...content, coordinatorIds: ["x"], countries: ["CL"] }),
    record("blank source", { ...content, source: " " }),
    bad("another kind's content", { ...valid, record: contentOf(kind === "topics" ? "events" : "topics") }),
  ];
  const text = kind === "events" ? "title" : "name";
  const specific: Record<OtherKind, Case[]> = {
    events: [
      record("unknown event kind", { ...content, kind: "party" }),
      record("lower-case host country", { ...content, hostCountries: ["cl"] }),
      record("an end before its start", { ...content, start: "2027-05", end: "2027-04" }),
      record("a day without a time zone", { ...content, start: "2027-05-10" }),
      record("session of an unknown type", { ...content, sessions: [{ type: "party", title: { es: "x" } }] }),
      record("session without a title", { ...content, sessions: [{ type: "forum" }] }),
      record("script as an organizer id", { ...content, organizerIds: ["<script>alert(1)</script>"] }),
    ],
    initiatives: [
      record("no coordinator", { ...content, coordinatorIds: [] }),
      record("a javascript: website", { ...content, website: "javascript:alert(1)" }),
      record("unknown cross-link state", { ...content, crossLink: "maybe" }),
    ],
    institutions: [
      record("a national institution without its country", { ...content, countryId: undefined }),
      record("unknown institution kind", { ...content, kind: "club" }),
      record("a data: website", { ...content, website: "data:text/html,<script>alert(1)</script>" }),
    ],
    topics: [
      record("negative order", { ...content, order: -1 }),
      record("unknown priority", { ...content, priority: "urgent" }),
      record("fractional order", { ...content, order: 1.5 }),
    ],
  };
  return [
    ...common,
    record(`${text} in neither Spanish nor English`, { ...content, [text]: { pt: "Título" } }),
    record(`oversized ${text}`, { ...content, [text]: { es: "t".repeat(301) } }),
    record(`${text} missing`, { ...content, [text]: undefined }),
    ...specific[kind],
  ];
}

function corpus(kind: OtherKind, action: WorkflowAction): Case[] {
  const valid: Record<string, unknown> = {
    kind,
    id: idOf(kind, action),
    baseVersion: 2,
    ...(action === "saveDraft" ? { record: contentOf(kind) } : {}),
    ...(action === "restoreVersion" ? { version: 1 } : {}),
  };
  // A member may draft their own country's institution: for another country's, the country check refuses.
  const cases = [
    ...workflowCases(valid),
    bad("unknown kind", { ...valid, kind: "documents" }),
    bad("kind missing", { ...valid, kind: undefined }),
    bad("kind of the wrong type", { ...valid, kind: ["events"] }),
  ];
  if (action === "saveDraft") cases.push(...contentCases(kind, valid));
  if (action === "restoreVersion") {
    cases.push(
      bad("version as text", { ...valid, version: "1" }),
      bad("version zero", { ...valid, version: 0 }),
      bad("a version that does not exist", { ...valid, version: 77 }, "not-found"),
    );
  }
  return cases;
}

describe("malformed payloads for events, initiatives, institutions and topics", () => {
  for (const action of WORKFLOW_ACTIONS) {
    it(
      `record${action}: refuses each of at least 30 per kind with a clear code and message, and writes nothing`,
      async () => {
        for (const kind of OTHER_KINDS)
          await expectEachRefused(callableOf(action), corpus(kind, action), callers, state);
      },
      PER_KIND_TIMEOUT,
    );
  }

  it(
    "schedulePublish: refuses each of at least 30 per kind, a time in the past included, and writes nothing",
    async () => {
      for (const kind of OTHER_KINDS) {
        const valid = { kind, id: idOf(kind, "schedule"), baseVersion: 2, at: "2026-03-10T10:00:00-03:00" };
        const cases = [
          ...workflowCases(valid),
          bad("a time in the past", { ...valid, at: "2026-03-01T10:00:00Z" }),
          bad("a time without its offset", { ...valid, at: "2026-03-10T10:00:00" }),
          bad("a day only", { ...valid, at: "2026-03-10" }),
          bad("a time as a number", { ...valid, at: Date.parse("2026-03-10T10:00:00Z") }),
          bad("not a time", { ...valid, at: "next tuesday" }),
          bad("at missing", { ...valid, at: undefined }),
          bad("unknown kind", { ...valid, kind: "pages" }),
        ];
        await expectEachRefused(handlers.schedulePublish, cases, callers, state);
      }
    },
    PER_KIND_TIMEOUT,
  );

  it(
    "cancelSchedule: refuses each of at least 30 per kind, a record with no schedule included, and writes nothing",
    async () => {
      for (const kind of OTHER_KINDS) {
        const valid = { kind, id: idOf(kind, "cancel") };
        const cases = [
          // A cancellation names no version: the shared cases' stale versions are unknown fields here.
          ...workflowCases(valid).map((c) =>
            c.code === "failed-precondition" ? { ...c, code: "invalid-argument" } : c,
          ),
          bad("a record with no schedule", { ...valid, id: idOf(kind, "schedule") }, "not-found"),
          bad("unknown kind", { ...valid, kind: "pages" }),
          bad("a time in the payload", { ...valid, at: "2026-03-10T10:00:00Z" }),
        ];
        await expectEachRefused(handlers.cancelSchedule, cases, callers, state);
      }
    },
    PER_KIND_TIMEOUT,
  );
});
