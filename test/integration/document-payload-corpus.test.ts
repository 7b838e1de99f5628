import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, it } from "vitest";
import { documentCallables } from "../../functions/src/committee/records/document-callables.js";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "../../functions/src/committee/records/workflow.js";
import type { DocumentContent } from "../../functions/src/model/index.js";
import { type CallableProject, type Callers, openCallableProject } from "../support/console-callers.js";
import { bad, type Case, databaseState, expectEachRefused, workflowCases } from "../support/payload-corpus.js";
import { STARTING_STATE } from "../support/record-fixtures.js";

// Malformed payloads for every document callable: each must be refused with a clear code and
// message, and the database exactly as before: every document of every collection, and Auth.
const PROJECT = "demo-document-corpus";
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const handlers = documentCallables(() => ({ db, clock: () => new Date("2026-03-03T09:00:00Z") }));

const content: DocumentContent = {
  kind: "news",
  title: { es: "Título" },
  summary: { es: "Resumen" },
  body: { es: "Cuerpo" },
  translations: { es: "original" },
  countries: ["CL"],
  topics: [],
  source: "corpus",
};

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, callers } = project);
  for (const action of WORKFLOW_ACTIONS) {
    const id = `corpus-${action.toLowerCase()}`;
    const record = {
      ...content,
      id,
      status: STARTING_STATE[action],
      version: 2,
      ...(STARTING_STATE[action] === "published" ? { publishedOn: "2026-01" } : {}),
    };
    await db.doc(`documents/${id}`).set(record);
    // Version 1 exists, so a restore gets as far as the version check.
    const first = { ...record, status: "draft", version: 1 };
    await db.doc(`documents/${id}/versions/1`).set({
      version: 1,
      at: null,
      action: null,
      by: null,
      contentBy: null,
      record: first,
    });
  }
});
afterAll(() => project?.close());

const state = () => databaseState(db, PROJECT, project.auth);

function corpus(action: WorkflowAction): Case[] {
  const id = `corpus-${action.toLowerCase()}`;
  const valid: Record<string, unknown> = {
    id,
    baseVersion: 2,
    ...(action === "saveDraft" ? { document: content } : {}),
    ...(action === "restoreVersion" ? { version: 1 } : {}),
  };
  const withField = (name: string, field: string, value: unknown, code?: string) =>
    bad(name, { ...valid, [field]: value }, code);
  const without = (field: string) => {
    const { [field]: _, ...rest } = valid;
    return bad(`missing ${field}`, rest);
  };
  const cases = workflowCases(valid);
  if (action === "saveDraft") {
    const doc = (name: string, document: unknown) => bad(name, { ...valid, document });
    cases.push(
      without("document"),
      doc("document of the wrong type", "text"),
      doc("title missing", { ...content, title: undefined }),
      doc("title in neither Spanish nor English", { ...content, title: { pt: "Título" } }),
      doc("oversized title", { ...content, title: { es: "t".repeat(301) } }),
      doc("oversized body", { ...content, body: { es: "b".repeat(200_001) } }),
      doc("unknown kind", { ...content, kind: "press-release" }),
      doc("unknown translation language", { ...content, translations: { de: "original" } }),
      doc("lower-case country", { ...content, countries: ["cl"] }),
      doc("too many countries", { ...content, countries: Array.from({ length: 41 }, () => "CL") }),
      doc("topic that is not a slug", { ...content, topics: ["Not A Slug"] }),
      doc("blank source", { ...content, source: " " }),
      doc("status forced inside the document", { ...content, status: "published" }),
      doc("version forged inside the document", { ...content, version: 99 }),
      doc("script as an event id", { ...content, eventId: "<img src=x onerror=alert(1)>" }),
    );
  }
  if (action === "restoreVersion") {
    cases.push(
      without("version"),
      withField("version as text", "version", "1"),
      withField("version zero", "version", 0),
      withField("a version that does not exist", "version", 77, "not-found"),
    );
  }
  return cases;
}

describe("malformed payloads", () => {
  for (const action of WORKFLOW_ACTIONS) {
    it(`${action}: refuses each of at least 30 with a clear code and message, and writes nothing`, async () => {
      await expectEachRefused(handlers[action], corpus(action), callers, state);
    });
  }
});
