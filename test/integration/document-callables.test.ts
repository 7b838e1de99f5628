import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentCallables } from "../../functions/src/committee/records/document-callables.js";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "../../functions/src/committee/records/workflow.js";
import type { Document, DocumentContent, DocumentVersion } from "../../functions/src/model/index.js";
import { type CallableProject, type Caller, type Callers, openCallableProject } from "../support/console-callers.js";
import { STARTING_STATE } from "../support/record-fixtures.js";

// The handlers run in this process against a project of their own, with a fixed clock; the
// callers are real: ID tokens issued by the Auth emulator for the demo logins, verified and
// decoded by the Admin SDK.
const PROJECT = "demo-document-callables";
const NOW = new Date("2026-03-02T15:30:00Z");
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const handlers = documentCallables(() => ({ db, clock: () => NOW }));

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, callers } = project);
  await db.doc("members/demo-committee-cl").set({
    id: "demo-committee-cl",
    name: "Demo Comité Chile",
    countryId: "CL",
    preferredLanguage: "es",
    timeZone: "America/Santiago",
    public: false,
    source: "integration test",
  });
  // The person who meets the stale version lives in another time zone than the one who saved it.
  await db.doc("members/demo-committee-pe").set({
    id: "demo-committee-pe",
    name: "Demo Comité Perú",
    countryId: "PE",
    preferredLanguage: "es",
    timeZone: "America/Lima",
    public: false,
    source: "integration test",
  });
});
afterAll(() => project?.close());

const content = (countries: string[], title = "Informe de prueba"): DocumentContent => ({
  kind: "news",
  title: { es: title },
  summary: { es: "Resumen" },
  body: { es: "Cuerpo del informe" },
  translations: { es: "original" },
  countries,
  topics: [],
  source: "integration test",
});

const OTHER_EDITOR = { memberId: "someone-else", role: "committee" as const };

/** A stored document in `status` at version 2, its versions 1 and 2 kept, last edited by someone else. */
async function fixture(id: string, status: Document["status"], countries: string[]): Promise<Document> {
  const v1: Document = { ...content(countries, "Primera versión"), id, status: "draft", version: 1 };
  const v2: Document = {
    ...content(countries),
    id,
    status,
    version: 2,
    ...(status === "published" ? { publishedOn: "2026-01-10" } : {}),
  };
  const version = (record: Document): DocumentVersion => ({
    version: record.version,
    at: "2026-01-10T10:00:00.000Z",
    action: "document.saveDraft",
    by: OTHER_EDITOR,
    contentBy: OTHER_EDITOR,
    record,
  });
  await db.doc(`documents/${id}`).set(v2);
  await db.doc(`documents/${id}/versions/1`).set(version(v1));
  await db.doc(`documents/${id}/versions/2`).set(version(v2));
  return v2;
}

const payloadFor = (action: WorkflowAction, id: string, countries: string[]) => ({
  id,
  baseVersion: 2,
  ...(action === "saveDraft" ? { document: content(countries, "Título editado") } : {}),
  ...(action === "restoreVersion" ? { version: 1 } : {}),
});

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

// What each caller gets, per action, on a document of the member's country (MX) and of another (CL).
const MEMBER_MAY = new Set<WorkflowAction>(["saveDraft", "submit", "restoreVersion", "softDelete", "undelete"]);
function expected(caller: Caller, action: WorkflowAction, ownCountry: boolean): string {
  if (caller === "anonymous") return "unauthenticated";
  if (caller === "no-person") return "permission-denied";
  if (caller === "member") return MEMBER_MAY.has(action) && ownCountry ? "ok" : "permission-denied";
  return "ok";
}

describe("document callables: every action as every caller", () => {
  const CALLERS: Caller[] = ["anonymous", "no-person", "member", "committee-cl", "secretariat"];
  for (const action of WORKFLOW_ACTIONS) {
    it(`${action}: lets exactly the roles and countries allowed do it`, async () => {
      const results: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const caller of CALLERS) {
        for (const country of ["MX", "CL"]) {
          const id = `matrix-${action.toLowerCase()}-${caller}-${country.toLowerCase()}`;
          await fixture(id, STARTING_STATE[action], [country]);
          const key = `${caller} on ${country}`;
          results[key] = await outcome(handlers[action](callers.request(caller, payloadFor(action, id, [country]))));
          wanted[key] = expected(caller, action, country === "MX");
        }
      }
      expect(results).toEqual(wanted);
    });
  }
});

describe("document callables: behaviour", () => {
  it("creates a draft, keeps every version and appends an audit entry with before and after, in one go", async () => {
    const cl = callers.request("committee-cl", { id: "new-report", document: content(["CL"]) });
    expect(await handlers.saveDraft(cl)).toEqual({ id: "new-report", version: 1, status: "draft" });
    const edit = { id: "new-report", baseVersion: 1, document: { ...content(["CL"]), title: { es: "T", en: "T en" } } };
    expect(await handlers.saveDraft(callers.request("committee-cl", edit))).toMatchObject({ version: 2 });

    const versions = (await db.collection("documents/new-report/versions").orderBy("version").get()).docs.map((d) =>
      d.data(),
    );
    expect(versions.map((v) => [v.version, v.record.title])).toEqual([
      [1, { es: "Informe de prueba" }],
      [2, { es: "T", en: "T en" }],
    ]);
    expect(versions[1]).toMatchObject({
      at: NOW.toISOString(),
      by: { memberId: "demo-committee-cl", role: "committee" },
    });
    const audit = (await db.collection("audit").where("target.id", "==", "new-report").get()).docs.map((d) => d.data());
    expect(audit).toHaveLength(2);
    const second = audit.find((entry) => entry.after.version === 2);
    expect(second).toMatchObject({
      action: "document.saveDraft",
      actor: { memberId: "demo-committee-cl", role: "committee" },
      countryIds: ["CL"],
      before: { version: 1, title: { es: "Informe de prueba" } },
    });
  });

  it("refuses to let the last editor publish, and lets another committee member do it", async () => {
    const id = "two-people";
    await handlers.saveDraft(callers.request("committee-cl", { id, document: content(["CL"]) }));
    await handlers.submit(callers.request("committee-cl", { id, baseVersion: 1 }));
    const own = handlers.publish(callers.request("committee-cl", { id, baseVersion: 2, lang: "en" }));
    await expect(own).rejects.toMatchObject({
      code: "permission-denied",
      message: expect.stringContaining("another committee member must publish it"),
    });
    expect(await handlers.publish(callers.request("committee-pe", { id, baseVersion: 2 }))).toEqual({
      id,
      version: 3,
      status: "published",
    });
    expect((await db.doc(`documents/${id}`).get()).get("publishedOn")).toBe("2026-03-02");
  });

  it("lets the secretariat publish its own edit only with a reason, which the audit log keeps", async () => {
    const id = "secretariat-own";
    await handlers.saveDraft(callers.request("secretariat", { id, document: content([]) }));
    await handlers.submit(callers.request("secretariat", { id, baseVersion: 1 }));
    await expect(handlers.publish(callers.request("secretariat", { id, baseVersion: 2 }))).rejects.toMatchObject({
      code: "failed-precondition",
    });
    const reason = "Urgent correction agreed by phone";
    await handlers.publish(callers.request("secretariat", { id, baseVersion: 2, reason }));
    const audit = await db
      .collection("audit")
      .where("target.id", "==", id)
      .where("action", "==", "document.publish")
      .get();
    expect(audit.docs.map((d) => d.get("reason"))).toEqual([reason]);
  });

  it("refuses an edit based on a stale version, naming who changed it and when (in the reader's language and time zone), and writes nothing", async () => {
    const id = "stale-edit";
    await handlers.saveDraft(callers.request("committee-cl", { id, document: content(["CL"]) }));
    await handlers.saveDraft(callers.request("committee-cl", { id, baseVersion: 1, document: content(["CL"], "v2") }));
    const stale = handlers.saveDraft(
      callers.request("committee-pe", { id, baseVersion: 1, document: content(["CL"], "v2 bis"), lang: "es" }),
    );
    await expect(stale).rejects.toMatchObject({
      code: "failed-precondition",
      message:
        "Demo Comité Chile guardó la versión 2 el 2 de marzo de 2026 a las 10:30 GMT-5; usted editaba la versión 1. Recargue para ver ambas y combinarlas.",
      details: { currentVersion: 2, changedBy: { memberId: "demo-committee-cl" }, changedAt: NOW.toISOString() },
    });
    // In English for the same person; the moment itself stays in the details, for the console.
    await expect(
      handlers.saveDraft(
        callers.request("committee-pe", { id, baseVersion: 1, document: content(["CL"], "v2 ter"), lang: "en" }),
      ),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        "saved version 2 on March 2, 2026 at 10:30 AM GMT-5; you were editing version 1",
      ),
    });
    expect((await db.doc(`documents/${id}`).get()).get("title")).toEqual({ es: "v2" });
    expect((await db.collection(`documents/${id}/versions`).get()).size).toBe(2);
  });

  it("restores an earlier version's content as a new draft version", async () => {
    await fixture("restore-me", "draft", ["CL"]);
    expect(
      await handlers.restoreVersion(callers.request("committee-pe", { id: "restore-me", baseVersion: 2, version: 1 })),
    ).toEqual({
      id: "restore-me",
      version: 3,
      status: "draft",
    });
    expect((await db.doc("documents/restore-me").get()).get("title")).toEqual({ es: "Primera versión" });
  });

  it("deletes softly and undeletes, keeping the record out of the public status throughout", async () => {
    await fixture("soft", "draft", ["CL"]);
    await handlers.softDelete(callers.request("committee-cl", { id: "soft", baseVersion: 2 }));
    expect((await db.doc("documents/soft").get()).get("status")).toBe("deleted");
    await handlers.undelete(callers.request("committee-cl", { id: "soft", baseVersion: 3 }));
    expect((await db.doc("documents/soft").get()).data()).toMatchObject({ status: "draft", version: 4 });
  });

  it("says which role is needed, in the caller's language, and keeps the seed's version the first time it changes", async () => {
    await db
      .doc("documents/seed-like")
      .set({ ...content(["MX"]), id: "seed-like", status: "published", publishedOn: "2005-06", version: 1 });
    await expect(
      handlers.unpublish(callers.request("member", { id: "seed-like", baseVersion: 1, lang: "pt" })),
    ).rejects.toMatchObject({
      code: "permission-denied",
      message: "Esta ação requer o papel secretaria, comitê; seu papel é membro.",
    });
    await handlers.unpublish(callers.request("committee-cl", { id: "seed-like", baseVersion: 1 }));
    const kept = (await db.doc("documents/seed-like/versions/1").get()).data();
    expect(kept).toMatchObject({ version: 1, by: null, record: { status: "published" } });
  });
});
