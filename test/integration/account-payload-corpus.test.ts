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

// Malformed payloads for the invitation, role and seat callables: each refused with a clear code
// and message, and nothing written (accounts, people, invitations, seats, overrides, audit log).
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

async function databaseState(): Promise<string> {
  const names = ["accounts", "members", "invitations", "committee", "seatOverrides", "audit"];
  const snaps = await Promise.all(names.map((name) => db.collection(name).get()));
  return JSON.stringify(snaps.flatMap((s) => s.docs.map((d) => [d.ref.path, d.updateTime.toMillis()])).sort());
}

type Case = { name: string; payload: unknown; code: string };

/** Cases every payload shares, then each field broken in every way a client could break it. */
function corpus(valid: Record<string, unknown>, nullable: string[] = []): Case[] {
  const bad = (name: string, payload: unknown, code = "invalid-argument"): Case => ({ name, payload, code });
  const cases: Case[] = [
    bad("null payload", null),
    bad("no payload", undefined),
    bad("a string", "do it"),
    bad("a number", 7),
    bad("an array", [valid]),
    bad("an empty object", {}),
    bad("a role claim forged in the payload", { ...valid, role: "secretariat", claims: { role: "secretariat" } }),
    bad("a uid forged in the payload", { ...valid, actorUid: "demo-secretariat" }),
    bad("an auth object in the payload", { ...valid, auth: { uid: "demo-secretariat" } }),
    bad("unknown language", { ...valid, lang: "de" }),
    bad("prototype pollution", JSON.parse(`{"__proto__":{"role":"secretariat"},"x":1}`)),
  ];
  for (const [field, value] of Object.entries(valid)) {
    const { [field]: _, ...rest } = valid;
    cases.push(
      bad(`missing ${field}`, rest),
      bad(`${field} as a number`, { ...valid, [field]: 12345 }),
      bad(`${field} as a boolean`, { ...valid, [field]: true }),
      bad(`${field} as a list`, { ...valid, [field]: [value] }),
      bad(`${field} as an object`, { ...valid, [field]: { value } }),
      bad(`empty ${field}`, { ...valid, [field]: "" }),
      bad(`oversized ${field}`, { ...valid, [field]: "x".repeat(5_000) }),
    );
    if (!nullable.includes(field)) cases.push(bad(`null ${field}`, { ...valid, [field]: null }));
  }
  // The forged role test above overwrote a real field for callables that have one; keep the case
  // honest by only counting it where role is not a field of the payload.
  return cases.filter((c) => !(c.name === "a role claim forged in the payload" && "role" in valid));
}

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
      ...corpus({
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
      ...corpus({ uid: "corpus-target", role: "committee", reason }, ["role"]),
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
      ...corpus({ countryId: "UY", decision: "add", reason }),
      { name: "unknown decision", payload: { countryId: "UY", decision: "grant", reason }, code: "invalid-argument" },
      { name: "unknown country", payload: { countryId: "ZZ", decision: "add", reason }, code: "not-found" },
    ],
  },
  {
    name: "acceptInvitation",
    caller: "no-person",
    cases: () => [
      ...corpus({ token: "A".repeat(43) }),
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
      for (const c of cases) {
        const before = await databaseState();
        const error = await handlers[callable.name](callers.request(callable.caller, c.payload)).then(
          () => undefined,
          (e: { code?: string; message?: string }) => e,
        );
        expect(error?.code, c.name).toBe(c.code);
        expect(error?.message?.length, c.name).toBeGreaterThan(10);
        expect(await databaseState(), `${c.name} wrote to the database`).toBe(before);
      }
    });
  }
});
