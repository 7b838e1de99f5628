import type { Auth } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleCallables } from "../../functions/src/committee/console-callables.js";
import {
  type CallableProject,
  type Caller,
  type Callers,
  NO_PERSON,
  openCallableProject,
} from "../support/console-callers.js";
import { type Case, databaseState, fieldCases } from "../support/payload-corpus.js";

// Malformed payloads for the invitation, role and seat callables: each refused with a clear code
// and message, and nothing written anywhere: no document in any collection (accounts, people,
// invitations, seats, overrides, the audit log, the outbox, metadata...) and no Auth user.
const PROJECT = "demo-account-corpus";
let project: CallableProject;
let db: Firestore;
let auth: Auth;
let callers: Callers;
const handlers = consoleCallables(
  () => ({ db, auth, clock: () => new Date("2026-03-05T10:00:00Z") }),
  () => "https://console.example.org",
);
let usedToken = "";

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, auth, callers } = project);
  await db.doc("countries/UY").set({ id: "UY", name: { es: "Uruguay" }, oasMember: true, source: "corpus" });
  await db.doc("accounts/corpus-target").set({ id: "corpus-target", memberId: "t", role: "member", countryId: "UY" });
  const used = (await handlers.invite(
    callers.request("secretariat", {
      email: NO_PERSON.email,
      role: "member",
      countryId: "UY",
      memberId: "used",
      name: "Used",
    }),
  )) as { token: string };
  usedToken = used.token;
  await handlers.acceptInvitation(callers.request("no-person", { token: usedToken }));
});
afterAll(() => project?.close());

const state = () => databaseState(db, PROJECT, auth);

const reason = "Corpus of malformed payloads";
const CALLABLES: {
  name: "invite" | "changeRole" | "setSeat" | "acceptInvitation";
  caller: Caller;
  cases: () => Case[];
}[] = [
  {
    name: "invite",
    caller: "secretariat",
    cases: () => [
      ...fieldCases({
        email: "someone@example.org",
        role: "member",
        countryId: "UY",
        memberId: "someone",
        name: "Someone",
      }),
      {
        name: "script as the email",
        payload: { email: "<script>@x", role: "member", countryId: "UY", memberId: "s", name: "S" },
        code: "invalid-argument",
      },
      {
        name: "unknown country",
        payload: { email: "a@example.org", role: "member", countryId: "ZZ", memberId: "s", name: "S" },
        code: "not-found",
      },
    ],
  },
  {
    name: "changeRole",
    caller: "secretariat",
    cases: () => [
      ...fieldCases({ uid: "corpus-target", role: "committee", reason }, ["role"]),
      { name: "unknown account", payload: { uid: "nobody-here", role: "member", reason }, code: "not-found" },
      {
        name: "own account",
        payload: { uid: "demo-secretariat", role: "member", reason },
        code: "failed-precondition",
      },
      {
        name: "lowercase country",
        payload: { uid: "corpus-target", role: "member", countryId: "uy", reason },
        code: "invalid-argument",
      },
    ],
  },
  {
    name: "setSeat",
    caller: "secretariat",
    cases: () => [
      ...fieldCases({ countryId: "UY", decision: "add", reason }),
      { name: "unknown decision", payload: { countryId: "UY", decision: "grant", reason }, code: "invalid-argument" },
      { name: "unknown country", payload: { countryId: "ZZ", decision: "add", reason }, code: "not-found" },
    ],
  },
  {
    name: "acceptInvitation",
    caller: "no-person",
    cases: () => [
      ...fieldCases({ token: "A".repeat(43) }),
      ...[
        "A".repeat(42),
        "A".repeat(44),
        `${"A".repeat(42)}=`,
        `${"A".repeat(41)}+/`,
        `${"A".repeat(40)} ab`,
        "é".repeat(43),
      ].map((token) => ({ name: `malformed token ${token.slice(-3)}`, payload: { token }, code: "invalid-argument" })),
      { name: "script as the token", payload: { token: "<script>alert(1)</script>" }, code: "invalid-argument" },
      {
        name: "token with a line break",
        payload: { token: `${"A".repeat(21)}\n${"A".repeat(21)}` },
        code: "invalid-argument",
      },
      { name: "token with a NUL byte", payload: { token: `${"A".repeat(42)}\u0000` }, code: "invalid-argument" },
      { name: "unknown token", payload: { token: "B".repeat(43) }, code: "not-found" },
      { name: "an invitation already used", payload: { token: usedToken }, code: "failed-precondition" },
    ],
  },
];

describe("malformed payloads: invitations, roles and seats", () => {
  for (const callable of CALLABLES) {
    it(`${callable.name}: refuses each of at least 30 with a clear code and message, and writes nothing`, async () => {
      const cases = callable.cases();
      expect(cases.length).toBeGreaterThanOrEqual(30);
      let before = await state();
      for (const c of cases) {
        const error = await handlers[callable.name](callers.request(callable.caller, c.payload)).then(
          () => undefined,
          (e: { code?: string; message?: string }) => e,
        );
        expect(error?.code, c.name).toBe(c.code);
        expect(error?.message?.length, c.name).toBeGreaterThan(10);
        const after = await state();
        expect(after, `${c.name} wrote to the database`).toBe(before);
        before = after;
      }
    });
  }
});
