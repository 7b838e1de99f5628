import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Firestore, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentCallables } from "../../functions/src/committee/documents/document-callables.js";
import { DOCUMENT_ACTIONS, type DocumentAction } from "../../functions/src/committee/documents/workflow.js";
import type { Document, DocumentContent } from "../../functions/src/model/index.js";
import { type Caller, type Callers, demoCallers } from "../support/console-callers.js";
import { clearFirestore } from "../support/emulator-suite.js";

// Malformed payloads for every document callable: each must be refused with a clear code and
// message, and the database must be exactly as before (documents, versions and audit log).
const PROJECT = "demo-document-corpus";
let app: ReturnType<typeof initializeApp>;
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
const START: Record<DocumentAction, Document["status"]> = {
  saveDraft: "draft",
  submit: "draft",
  publish: "in-review",
  unpublish: "published",
  archive: "draft",
  restoreVersion: "draft",
  softDelete: "draft",
  undelete: "deleted",
};

beforeAll(async () => {
  app = initializeApp({ projectId: PROJECT }, PROJECT);
  db = getFirestore(app);
  await clearFirestore(PROJECT);
  callers = await demoCallers(db);
  for (const action of DOCUMENT_ACTIONS) {
    const id = `corpus-${action.toLowerCase()}`;
    const record = {
      ...content,
      id,
      status: START[action],
      version: 2,
      ...(START[action] === "published" ? { publishedOn: "2026-01" } : {}),
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
afterAll(async () => {
  await callers?.close();
  await deleteApp(app);
});

/** Everything a callable could write, as one comparable value. */
async function databaseState(): Promise<string> {
  const [documents, versions, audit] = await Promise.all([
    db.collection("documents").get(),
    db.collectionGroup("versions").get(),
    db.collection("audit").get(),
  ]);
  const all = [...documents.docs, ...versions.docs, ...audit.docs].map((d) => [d.ref.path, d.updateTime.toMillis()]);
  return JSON.stringify(all.sort());
}

type Case = { name: string; payload: unknown; code: string; caller?: Caller };

function corpus(action: DocumentAction): Case[] {
  const id = `corpus-${action.toLowerCase()}`;
  const valid: Record<string, unknown> = {
    id,
    baseVersion: 2,
    ...(action === "saveDraft" ? { document: content } : {}),
    ...(action === "restoreVersion" ? { version: 1 } : {}),
  };
  const bad = (name: string, payload: unknown, code = "invalid-argument"): Case => ({ name, payload, code });
  const withField = (name: string, field: string, value: unknown, code?: string) =>
    bad(name, { ...valid, [field]: value }, code);
  const without = (field: string) => {
    const { [field]: _, ...rest } = valid;
    return bad(`missing ${field}`, rest);
  };
  const cases: Case[] = [
    bad("null payload", null),
    bad("no payload", undefined),
    bad("a string", "publish it"),
    bad("a number", 42),
    bad("an array", [valid]),
    bad("an empty object", {}),
    without("id"),
    withField("id of the wrong type", "id", 7),
    withField("empty id", "id", ""),
    withField("id with capitals", "id", "Corpus-Doc"),
    withField("id with a path", "id", "../views/public"),
    withField("id with a slash", "id", "documents/x"),
    withField("oversized id", "id", "a".repeat(200)),
    withField("script in the id", "id", "<script>alert(1)</script>"),
    withField("baseVersion as text", "baseVersion", "2"),
    withField("negative baseVersion", "baseVersion", -1),
    withField("fractional baseVersion", "baseVersion", 1.5),
    withField("huge baseVersion", "baseVersion", 1e12),
    withField("null baseVersion", "baseVersion", null),
    withField("a role claim forged in the payload", "role", "secretariat"),
    withField("a uid forged in the payload", "uid", "demo-secretariat"),
    withField("a status forced in the payload", "status", "published"),
    withField("an auth object in the payload", "auth", { token: { role: "secretariat" } }),
    withField("unknown language", "lang", "de"),
    withField("language of the wrong type", "lang", 1),
    withField("reason of the wrong type", "reason", { text: "x" }),
    withField("blank reason", "reason", "  "),
    withField("oversized reason", "reason", "r".repeat(1_001)),
    bad("prototype pollution", JSON.parse(`{"id":"${id}","baseVersion":2,"__proto__":{"role":"secretariat"}}`)),
    bad("unknown id", { ...valid, id: "no-such-document" }, action === "saveDraft" ? "not-found" : "not-found"),
    withField("stale baseVersion", "baseVersion", 1, "failed-precondition"),
    withField("a version from the future", "baseVersion", 99, "failed-precondition"),
    { name: "another country's document, as a member", payload: valid, code: "permission-denied", caller: "member" },
  ];
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
  for (const action of DOCUMENT_ACTIONS) {
    it(`${action}: refuses each of at least 30 with a clear code and message, and writes nothing`, async () => {
      const cases = corpus(action);
      expect(cases.length).toBeGreaterThanOrEqual(30);
      for (const c of cases) {
        const before = await databaseState();
        const error = await handlers[action](callers.request(c.caller ?? "committee-cl", c.payload)).then(
          () => undefined,
          (e: { code?: string; message?: string; details?: { fields?: { path: string }[] } }) => e,
        );
        expect(error?.code, c.name).toBe(c.code);
        expect(error?.message?.length, c.name).toBeGreaterThan(10);
        if (c.code === "invalid-argument") expect(error?.details?.fields?.length, c.name).toBeGreaterThan(0);
        expect(await databaseState(), `${c.name} wrote to the database`).toBe(before);
      }
    });
  }
});
