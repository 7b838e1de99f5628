import type { Firestore } from "firebase-admin/firestore";
import { expect } from "vitest";
import type { CommitteeHandler } from "../../functions/src/committee/callable.js";
import type { Caller, Callers } from "./console-callers.js";

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

/** Everything a console callable could write, as one comparable value. */
export async function databaseState(db: Firestore, collections: string[]): Promise<string> {
  const snaps = await Promise.all([
    ...collections.map((name) => db.collection(name).get()),
    db.collectionGroup("versions").get(),
    db.collection("audit").get(),
  ]);
  const all = snaps.flatMap((s) => s.docs.map((d) => [d.ref.path, d.updateTime.toMillis()]));
  return JSON.stringify(all.sort());
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
): Promise<void> {
  expect(cases.length).toBeGreaterThanOrEqual(30);
  for (const c of cases) {
    const before = await state();
    const error = await handler(callers.request(c.caller ?? "committee-cl", c.payload)).then(
      () => undefined,
      (e: { code?: string; message?: string; details?: { fields?: { path: string }[] } }) => e,
    );
    expect(error?.code, c.name).toBe(c.code);
    expect(error?.message?.length, c.name).toBeGreaterThan(10);
    if (c.code === "invalid-argument") expect(error?.details?.fields?.length, c.name).toBeGreaterThan(0);
    expect(await state(), `${c.name} wrote to the database`).toBe(before);
  }
}
