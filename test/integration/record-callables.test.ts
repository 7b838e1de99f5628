import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OTHER_KINDS } from "../../functions/src/committee/records/kinds.js";
import { recordCallables } from "../../functions/src/committee/records/record-callables.js";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "../../functions/src/committee/records/workflow.js";
import { recomputeSeats } from "../../functions/src/committee/seats/seats-store.js";
import type { AuditEntry } from "../../functions/src/model/index.js";
import { type CallableProject, type Caller, type Callers, openCallableProject } from "../support/console-callers.js";
import { contentOf, type OtherKind, recordFixture, STARTING_STATE } from "../support/record-fixtures.js";

// The callables of events, initiatives, institutions and topics, run in this process against a
// project of their own with a fixed clock; the callers carry real ID tokens of the demo logins.
const PROJECT = "demo-record-callables";
const NOW = new Date("2026-03-02T15:30:00Z");
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const handlers = recordCallables(() => ({ db, clock: () => NOW }));
const callable = (action: WorkflowAction) =>
  handlers[`record${action[0]?.toUpperCase()}${action.slice(1)}` as `record${Capitalize<WorkflowAction>}`];

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, callers } = project);
});
afterAll(() => project?.close());

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

async function auditOf(collection: string, id: string): Promise<AuditEntry[]> {
  const snap = await db.collection("audit").get();
  return snap.docs
    .map((d) => d.data() as AuditEntry)
    .filter((e) => e.target.collection === collection && e.target.id === id)
    .sort((a, b) => a.at.localeCompare(b.at) || String(a.action).localeCompare(String(b.action)));
}

// A member drafts, submits and restores their own country's institution only; the rest is the committee's.
const MEMBER_MAY = new Set<WorkflowAction>(["saveDraft", "submit", "restoreVersion"]);
function expected(caller: Caller, kind: OtherKind, action: WorkflowAction, ownCountry: boolean): string {
  if (caller === "anonymous") return "unauthenticated";
  if (caller === "no-person") return "permission-denied";
  if (caller === "member")
    return kind === "institutions" && MEMBER_MAY.has(action) && ownCountry ? "ok" : "permission-denied";
  return "ok";
}

describe("record callables: every kind and action as every caller", () => {
  const CALLERS: Caller[] = ["anonymous", "no-person", "member", "committee-cl", "secretariat"];
  for (const kind of OTHER_KINDS) {
    it(`${kind}: lets exactly the roles and countries allowed do each action`, async () => {
      const results: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const action of WORKFLOW_ACTIONS) {
        for (const caller of CALLERS) {
          for (const country of ["MX", "CL"]) {
            const id = `m-${kind}-${action.toLowerCase()}-${caller}-${country.toLowerCase()}`;
            await recordFixture(db, kind, id, STARTING_STATE[action], country);
            const payload = {
              kind,
              id,
              baseVersion: 2,
              ...(action === "saveDraft" ? { record: contentOf(kind, country, "Editado") } : {}),
              ...(action === "restoreVersion" ? { version: 1 } : {}),
            };
            const key = `${action} by ${caller} on ${country}`;
            results[key] = await outcome(callable(action)(callers.request(caller, payload)));
            wanted[key] = expected(caller, kind, action, country === "MX");
          }
        }
      }
      expect(results).toEqual(wanted);
    });
  }
});

describe("record callables: behaviour", () => {
  it("creates an event as a draft with its version and an audit entry naming the collection, id and host country", async () => {
    const result = await handlers.recordSaveDraft(
      callers.request("committee-cl", { kind: "events", id: "new-event", record: contentOf("events", "UY") }),
    );
    expect(result).toEqual({ id: "new-event", version: 1, status: "draft" });
    const stored = (await db.doc("events/new-event").get()).data();
    expect(stored).toMatchObject({ id: "new-event", publication: "draft", version: 1, hostCountries: ["UY"] });
    const version = (await db.doc("events/new-event/versions/1").get()).data();
    // A version names the person, never the account (the committee reads versions).
    expect(version).toMatchObject({ version: 1, action: "event.saveDraft", by: { memberId: "demo-committee-cl" } });
    expect(version?.by).not.toHaveProperty("uid");
    const [entry] = await auditOf("events", "new-event");
    expect(entry).toMatchObject({
      action: "event.saveDraft",
      target: { collection: "events", id: "new-event" },
      countryIds: ["UY"],
      before: null,
      actor: { memberId: "demo-committee-cl", role: "committee" },
    });
    expect(entry?.actor).not.toHaveProperty("uid");
  });

  it("needs two people to publish an event: its last editor is refused, another committee member publishes", async () => {
    const id = "two-person-event";
    await handlers.recordSaveDraft(
      callers.request("committee-cl", { kind: "events", id, record: contentOf("events") }),
    );
    await handlers.recordSubmit(callers.request("committee-cl", { kind: "events", id, baseVersion: 1 }));
    const own = handlers.recordPublish(
      callers.request("committee-cl", { kind: "events", id, baseVersion: 2, lang: "en" }),
    );
    await expect(own).rejects.toMatchObject({ code: "permission-denied", details: { key: "console.error.ownEdit" } });
    await handlers.recordPublish(callers.request("committee-pe", { kind: "events", id, baseVersion: 2 }));
    expect((await db.doc(`events/${id}`).get()).get("publication")).toBe("published");
    // One fixed clock: the entries share a time, so their order is not compared.
    expect((await auditOf("events", id)).map((e) => e.action).sort()).toEqual([
      "event.publish",
      "event.saveDraft",
      "event.submit",
    ]);
  });

  it("refuses an edit of a topic based on a stale version, naming the current one, and writes nothing", async () => {
    await recordFixture(db, "topics", "stale-topic", "draft");
    const before = (await db.doc("topics/stale-topic").get()).updateTime;
    const stale = handlers.recordSaveDraft(
      callers.request("committee-cl", {
        kind: "topics",
        id: "stale-topic",
        baseVersion: 1,
        record: contentOf("topics"),
      }),
    );
    await expect(stale).rejects.toMatchObject({
      code: "failed-precondition",
      details: { key: "console.error.stale", currentVersion: 2 },
    });
    expect((await db.doc("topics/stale-topic").get()).updateTime?.toMillis()).toBe(before?.toMillis());
  });

  it("takes a seed institution (no state, no version: published, version 1) off the site before editing, keeping the seed's version", async () => {
    const seed = { ...contentOf("institutions", "MX"), id: "seed-agency" };
    await db.doc("institutions/seed-agency").set(seed);
    const edit = {
      kind: "institutions",
      id: "seed-agency",
      baseVersion: 1,
      record: contentOf("institutions", "MX", "Nuevo"),
    };
    await expect(handlers.recordSaveDraft(callers.request("member", edit))).rejects.toMatchObject({
      code: "failed-precondition",
    });
    await handlers.recordUnpublish(
      callers.request("committee-cl", { kind: "institutions", id: "seed-agency", baseVersion: 1 }),
    );
    await handlers.recordSaveDraft(callers.request("member", { ...edit, baseVersion: 2 }));
    expect((await db.doc("institutions/seed-agency/versions/1").get()).data()).toMatchObject({
      by: null,
      record: seed,
    });
    expect((await db.doc("institutions/seed-agency").get()).data()).toMatchObject({
      publication: "draft",
      version: 3,
      name: { es: "Nuevo" },
    });
  });

  it("names the kind of a record it cannot find, in the caller's language", async () => {
    const missing = { kind: "events", id: "no-such-event", baseVersion: 1 };
    await expect(
      handlers.recordSubmit(callers.request("committee-cl", { ...missing, lang: "en" })),
    ).rejects.toMatchObject({
      code: "not-found",
      message: "There is no event “no-such-event”.",
    });
    await expect(
      handlers.recordSubmit(callers.request("committee-cl", { ...missing, kind: "institutions", lang: "es" })),
    ).rejects.toMatchObject({ message: "No existe la institución «no-such-event»." });
  });

  it("refuses an event whose end is before its start, naming the field, and writes nothing", async () => {
    const error = await handlers
      .recordSaveDraft(
        callers.request("committee-cl", {
          kind: "events",
          id: "backwards",
          record: { ...contentOf("events"), start: "2027-05", end: "2027-04" },
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid-argument", details: { fields: [{ path: "record.end" }] } });
    expect((await db.doc("events/backwards").get()).exists).toBe(false);
  });

  it("restores an initiative's earlier version as a new draft, and deletes softly and undeletes", async () => {
    await recordFixture(db, "initiatives", "restored", "draft");
    await handlers.recordRestoreVersion(
      callers.request("committee-cl", { kind: "initiatives", id: "restored", baseVersion: 2, version: 1 }),
    );
    expect((await db.doc("initiatives/restored").get()).data()).toMatchObject({
      name: { es: "Primera versión" },
      publication: "draft",
      version: 3,
    });
    await handlers.recordSoftDelete(
      callers.request("committee-cl", { kind: "initiatives", id: "restored", baseVersion: 3 }),
    );
    expect((await db.doc("initiatives/restored").get()).get("publication")).toBe("deleted");
    await handlers.recordUndelete(
      callers.request("committee-pe", { kind: "initiatives", id: "restored", baseVersion: 4 }),
    );
    expect((await db.doc("initiatives/restored").get()).get("publication")).toBe("draft");
  });

  it("gives a seat for a published event only: a draft none, publishing one, unpublishing takes it back", async () => {
    const clock = () => NOW;
    const id = "seat-event";
    const seat = async () => (await db.doc("committee/AR").get()).exists;
    await handlers.recordSaveDraft(
      callers.request("committee-cl", { kind: "events", id, record: contentOf("events", "AR") }),
    );
    await recomputeSeats(db, clock);
    expect(await seat()).toBe(false);
    await handlers.recordSubmit(callers.request("committee-cl", { kind: "events", id, baseVersion: 1 }));
    await handlers.recordPublish(callers.request("committee-pe", { kind: "events", id, baseVersion: 2 }));
    await recomputeSeats(db, clock);
    expect(await seat()).toBe(true);
    await handlers.recordUnpublish(callers.request("committee-pe", { kind: "events", id, baseVersion: 3 }));
    await recomputeSeats(db, clock);
    expect(await seat()).toBe(false);
  });
});
