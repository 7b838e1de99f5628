import type { Auth } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { expect } from "vitest";
import type { CommitteeHandler } from "../../functions/src/committee/callable.js";
import type { Caller, Callers } from "./console-callers.js";
import { emulatorHost } from "./emulator-suite.js";

/** One malformed payload, the error code it must get, and who sends it (a committee member unless said). */
export type Case = { name: string; payload: unknown; code: string; caller?: Caller };

export const bad = (name: string, payload: unknown, code = "invalid-argument"): Case => ({ name, payload, code });

/**
 * The malformed payloads every workflow callable shares, built around a valid payload for the
 * record `id` at version 2: wrong types, missing and extra fields, forged roles, bad ids, stale
 * versions, and another country's record sent by a member (`memberCode`: what that member gets).
 */
export function workflowCases(valid: Record<string, unknown>, options: { memberCode?: string } = {}): Case[] {
  const id = String(valid.id);
  const withField = (name: string, field: string, value: unknown, code?: string) =>
    bad(name, { ...valid, [field]: value }, code);
  const without = (field: string) => {
    const { [field]: _, ...rest } = valid;
    return bad(`missing ${field}`, rest);
  };
  return [
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
    withField("a publication state forced in the payload", "publication", "published"),
    withField("an auth object in the payload", "auth", { token: { role: "secretariat" } }),
    withField("unknown language", "lang", "de"),
    withField("language of the wrong type", "lang", 1),
    withField("reason of the wrong type", "reason", { text: "x" }),
    withField("blank reason", "reason", "  "),
    withField("oversized reason", "reason", "r".repeat(1_001)),
    bad("prototype pollution", { ...JSON.parse(`{"__proto__":{"role":"secretariat"}}`), ...valid, id }),
    bad("unknown id", { ...valid, id: "no-such-record" }, "not-found"),
    withField("stale baseVersion", "baseVersion", 1, "failed-precondition"),
    withField("a version from the future", "baseVersion", 99, "failed-precondition"),
    {
      name: "another country's record, as a member",
      payload: valid,
      code: options.memberCode ?? "permission-denied",
      caller: "member" as Caller,
    },
  ];
}

/**
 * Everything a callable could write, as one comparable value: every document of the project in
 * every collection and subcollection, with its fields and times (the outbox, `metadata` and the
 * audit log are collections like the others), the names of the top-level collections, and, with
 * `auth`, every user of the project's Auth with their claims, state and token revocation time.
 * The documents come from one kindless query over all descendants of the database (the query
 * the Admin SDK's recursiveDelete walks a tree with), so a write under a path no test thought of
 * shows as well as one under a known collection, without a listCollections round trip per document.
 */
export async function databaseState(db: Firestore, projectId: string, auth?: Auth): Promise<string> {
  const host = emulatorHost("FIRESTORE_EMULATOR_HOST");
  const [response, collections, users] = await Promise.all([
    fetch(`http://${host}/v1/projects/${projectId}/databases/(default)/documents:runQuery`, {
      method: "POST",
      // The emulator's owner credential reads past the security rules, as the Admin SDK does.
      headers: { Authorization: "Bearer owner", "Content-Type": "application/json" },
      body: JSON.stringify({ structuredQuery: { from: [{ allDescendants: true }] } }),
    }),
    db.listCollections(),
    auth ? allUsers(auth) : Promise.resolve([]),
  ]);
  if (!response.ok) throw new Error(`Listing the database failed: ${response.status} ${await response.text()}`);
  const results = (await response.json()) as { document?: { name: string } }[];
  const documents = results
    .flatMap((r) => (r.document ? [r.document] : []))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify({ collections: collections.map((c) => c.id).sort(), documents, users });
}

async function allUsers(auth: Auth): Promise<unknown[]> {
  const users: unknown[] = [];
  let pageToken: string | undefined;
  do {
    const page = await auth.listUsers(1000, pageToken);
    users.push(...page.users.map((user) => user.toJSON()));
    pageToken = page.pageToken;
  } while (pageToken);
  return users.sort((a, b) => ((a as { uid: string }).uid < (b as { uid: string }).uid ? -1 : 1));
}

/**
 * The cases every payload shares, then each field of `valid` broken in every way a client could
 * break it: missing, of each wrong type, empty, oversized and (unless `nullable`) null.
 */
export function fieldCases(valid: Record<string, unknown>, nullable: string[] = []): Case[] {
  const cases: Case[] = [
    bad("null payload", null),
    bad("no payload", undefined),
    bad("a string", "do it"),
    bad("a number", 7),
    bad("an array", [valid]),
    bad("an empty object", {}),
    bad("a uid forged in the payload", { ...valid, actorUid: "demo-secretariat" }),
    bad("an auth object in the payload", { ...valid, auth: { uid: "demo-secretariat" } }),
    bad("unknown language", { ...valid, lang: "de" }),
    bad("prototype pollution", JSON.parse(`{"__proto__":{"role":"secretariat"},"x":1}`)),
  ];
  // Where role is a field of the payload, breaking it is the per-field cases' job.
  if (!("role" in valid)) {
    cases.push(
      bad("a role claim forged in the payload", { ...valid, role: "secretariat", claims: { role: "secretariat" } }),
    );
  }
  for (const [field, value] of Object.entries(valid)) {
    const { [field]: _, ...rest } = valid;
    cases.push(
      bad(`missing ${field}`, rest),
      bad(`${field} as a number`, { ...valid, [field]: 12345 }),
      bad(`${field} as a boolean`, { ...valid, [field]: typeof value === "boolean" ? "true" : true }),
      bad(`${field} as a list`, { ...valid, [field]: [value] }),
      bad(`${field} as an object`, { ...valid, [field]: { value } }),
      bad(`empty ${field}`, { ...valid, [field]: "" }),
      bad(`oversized ${field}`, { ...valid, [field]: "x".repeat(5_000) }),
    );
    if (!nullable.includes(field)) cases.push(bad(`null ${field}`, { ...valid, [field]: null }));
  }
  return cases;
}

/** The same valid payload sent by each caller the permission table refuses, and by nobody. */
export function callerCases(valid: unknown, refused: Caller[]): Case[] {
  return [
    { name: "no login", payload: valid, code: "unauthenticated", caller: "anonymous" },
    ...refused.map((caller) => ({ name: `as ${caller}`, payload: valid, code: "permission-denied", caller })),
  ];
}

/**
 * Sends each case to `handler` and expects its code, a message a person can read, the bad
 * fields named for an invalid argument, and the database exactly as before.
 */
export async function expectEachRefused(
  handler: CommitteeHandler<unknown>,
  cases: Case[],
  callers: Callers,
  state: () => Promise<string>,
  /** Who sends a case that names no caller. */
  caller: Caller = "committee-cl",
): Promise<void> {
  expect(cases.length).toBeGreaterThanOrEqual(30);
  // Each case must leave the state as it found it, so the state after one is the state before the next.
  let before = await state();
  for (const c of cases) {
    const error = await handler(callers.request(c.caller ?? caller, c.payload)).then(
      () => undefined,
      (e: { code?: string; message?: string; details?: { fields?: { path: string }[] } }) => e,
    );
    expect(error?.code, c.name).toBe(c.code);
    expect(error?.message?.length, c.name).toBeGreaterThan(10);
    if (c.code === "invalid-argument") expect(error?.details?.fields?.length, c.name).toBeGreaterThan(0);
    const after = await state();
    expect(after, `${c.name} wrote to the database`).toBe(before);
    before = after;
  }
}
