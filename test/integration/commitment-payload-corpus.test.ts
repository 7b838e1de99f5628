import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitmentCallables } from "../../functions/src/commitment/callables.js";
import { type HostingCommitment, HostingCommitmentSchema } from "../../functions/src/model/index.js";
import { type CallableProject, type Callers, openCallableProject } from "../support/console-callers.js";
import {
  bad,
  type Case,
  callerCases,
  databaseState,
  expectEachRefused,
  fieldCases,
} from "../support/payload-corpus.js";

// Malformed payloads for the hosting commitment's callables (commitments-*): each refused with a
// clear code and message, and nothing written anywhere (any collection, Auth); then the valid
// payloads, from the secretariat, go through.
const PROJECT = "demo-commitment-corpus";
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const handlers = commitmentCallables(() => ({ db, clock: () => new Date("2026-03-05T10:00:00Z") }), {
  timeZone: "America/Santiago",
});

// Through JSON, so a field set to undefined here is absent, as Firestore wants it.
const commitment = (id: string, fields: Partial<HostingCommitment>): HostingCommitment =>
  HostingCommitmentSchema.parse(
    JSON.parse(
      JSON.stringify({
        id,
        hostCountryId: "CL",
        scope: { es: "Hospedaje del sitio" },
        offeredAtEventId: "iii-seminar-santiago-2005",
        termMonths: 12,
        status: "active",
        termStart: "2026-01-01",
        activatedOn: "2026-01-01",
        source: "test/integration/commitment-payload-corpus.test.ts",
        ...fields,
      }),
    ),
  );

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, callers } = project);
  const fixtures = [
    commitment("offered", { status: "offered", termStart: undefined, activatedOn: undefined }),
    commitment("active", {}),
    // Renewed once already: its successor's id is taken.
    commitment("taken", {}),
    commitment("taken-t2", { predecessorId: "taken" }),
    commitment("handing", {
      handover: {
        fromCommitmentId: "offered",
        checklist: {
          "domain-dns": { done: false },
          "firebase-project-billing": { done: false },
          "smtp-sender-domain": { done: false },
          "data-export": { done: false },
          "admin-accounts": { done: false },
        },
      },
    }),
  ];
  for (const fixture of fixtures) await db.doc(`commitments/${fixture.id}`).set(fixture);
});
afterAll(() => project?.close());

const state = () => databaseState(db, PROJECT, project.auth);
const refused = ["no-person", "member", "committee-cl"] as const;

/** A day field broken the ways a client could break it (its type and emptiness are fieldCases'). */
const badDays = (valid: Record<string, unknown>, field: string): Case[] =>
  ["2026-02-30", "2026-13-01", "2026-4-1", "01/04/2026", "2026-04-01T00:00:00Z", "tomorrow", "2026-04-01\n"].map(
    (day) => bad(`${field} ${JSON.stringify(day)}`, { ...valid, [field]: day }),
  );

describe("malformed payloads for the hosting commitment's callables", () => {
  it("activateCommitment: refuses each of at least 30 with a clear code and message, and writes nothing", async () => {
    const valid = { commitmentId: "offered", termStart: "2026-04-01" };
    const cases = [
      ...fieldCases(valid),
      ...badDays(valid, "termStart"),
      bad("a status forced in the payload", { ...valid, status: "active" }),
      bad("an unknown commitment", { ...valid, commitmentId: "no-such-term" }, "not-found"),
      bad("a commitment already active", { ...valid, commitmentId: "active" }, "failed-precondition"),
      ...callerCases(valid, [...refused]),
    ];
    await expectEachRefused(handlers.activateCommitment, cases, callers, state, "secretariat");
  });

  it("renewCommitment: refuses each of at least 30, a term whose successor exists included, and writes nothing", async () => {
    const valid = { commitmentId: "active" };
    const cases = [
      ...fieldCases(valid),
      ...badDays(valid, "termStart"),
      bad("null termStart", { ...valid, termStart: null }),
      bad("a term of months forced in the payload", { ...valid, termMonths: 1 }),
      bad("an unknown commitment", { ...valid, commitmentId: "no-such-term" }, "not-found"),
      bad("an offer never activated", { ...valid, commitmentId: "offered" }, "failed-precondition"),
      bad("a term renewed already", { ...valid, commitmentId: "taken" }, "failed-precondition"),
      ...callerCases(valid, [...refused]),
    ];
    await expectEachRefused(handlers.renewCommitment, cases, callers, state, "secretariat");
  });

  it("handOverCommitment: refuses each of at least 30 and writes nothing", async () => {
    const valid = { commitmentId: "active", hostCountryId: "PE" };
    const cases = [
      ...fieldCases(valid),
      ...badDays(valid, "termStart"),
      bad("a lower-case country", { ...valid, hostCountryId: "pe" }),
      bad("a three-letter country", { ...valid, hostCountryId: "PER" }),
      bad("an institution that is not a slug", { ...valid, hostInstitutionId: "Not A Slug" }),
      bad("a script as the institution", { ...valid, hostInstitutionId: "<script>alert(1)</script>" }),
      bad("a term of no months", { ...valid, termMonths: 0 }),
      bad("a term of 121 months", { ...valid, termMonths: 121 }),
      bad("a fractional term", { ...valid, termMonths: 1.5 }),
      bad("a term as text", { ...valid, termMonths: "12" }),
      bad("a checklist forced in the payload", { ...valid, handover: { checklist: {} } }),
      bad("an unknown commitment", { ...valid, commitmentId: "no-such-term" }, "not-found"),
      bad("an offer never activated", { ...valid, commitmentId: "offered" }, "failed-precondition"),
      bad("a term handed over already", { ...valid, commitmentId: "taken" }, "failed-precondition"),
      ...callerCases(valid, [...refused]),
    ];
    await expectEachRefused(handlers.handOverCommitment, cases, callers, state, "secretariat");
  });

  it("setHandoverItem: refuses each of at least 30, a term without a checklist included, and writes nothing", async () => {
    const valid = { commitmentId: "handing", item: "domain-dns", done: true };
    const cases = [
      ...fieldCases(valid),
      bad("an unknown item", { ...valid, item: "coffee" }),
      bad("an item in capitals", { ...valid, item: "DOMAIN-DNS" }),
      bad("done as text", { ...valid, done: "yes" }),
      bad("a time forced in the payload", { ...valid, doneAtMs: 0 }),
      bad("an unknown commitment", { ...valid, commitmentId: "no-such-term" }, "not-found"),
      bad("a term without a checklist", { ...valid, commitmentId: "active" }, "failed-precondition"),
      ...callerCases(valid, [...refused]),
    ];
    await expectEachRefused(handlers.setHandoverItem, cases, callers, state, "secretariat");
  });

  it("takes the same payloads, well formed, from the secretariat", async () => {
    const secretariat = (data: unknown) => callers.request("secretariat", data);
    expect(
      (await handlers.activateCommitment(secretariat({ commitmentId: "offered", termStart: "2026-04-01" }))).status,
    ).toBe("active");
    expect(
      (await handlers.setHandoverItem(secretariat({ commitmentId: "handing", item: "domain-dns", done: true })))
        .handover?.checklist["domain-dns"]?.done,
    ).toBe(true);
    expect((await handlers.renewCommitment(secretariat({ commitmentId: "active" }))).id).toBe("active-t2");
    expect(
      (await handlers.handOverCommitment(secretariat({ commitmentId: "handing", hostCountryId: "PE" }))).hostCountryId,
    ).toBe("PE");
  });
});
