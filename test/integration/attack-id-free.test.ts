import { randomBytes } from "node:crypto";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentContent } from "../../functions/src/model/index.js";
import { callOverHttp } from "../support/callable-http.js";
import { DEMO_PROJECT, demoLogin, NO_PERSON, signIn } from "../support/console-callers.js";

// committee-idFree, played from outside as an attacker would: callables over HTTP to the
// Functions emulator with the demo logins' real tokens, or none. It tells whoever may draft a
// kind whether an id is free, because a member cannot read other countries' drafts; it must
// answer that one boolean and nothing else, to no one else, about nothing but a record's id.
const RUN = randomBytes(4).toString("hex");
const CHILE_DRAFT = `idfree-cl-draft-${RUN}`;
const app = initializeApp({ projectId: DEMO_PROJECT }, `attack-id-free-${RUN}`);
const db = getFirestore(app);

const demo = demoLogin;
const tokens: Record<string, string> = {};

interface CallResult {
  result?: unknown;
  error?: { status: string; message: string; details?: { key?: string } };
}

const call = (name: string, idToken: string | undefined, data: unknown) =>
  callOverHttp<CallResult>(`committee-${name}`, idToken, data);

const draft: DocumentContent = {
  kind: "news",
  title: { es: "Borrador chileno que un miembro de México no puede leer" },
  summary: { es: "Un borrador de otro país." },
  body: { es: "Texto." },
  translations: { es: "original" },
  countries: ["CL"],
  topics: [],
  source: "attack test of committee-idFree",
};

beforeAll(async () => {
  for (const key of ["committee-cl", "member-mx"]) tokens[key] = await signIn(demo(key).email, demo(key).password);
  tokens.noPerson = await signIn(NO_PERSON.email, NO_PERSON.password);
  // The legitimate path: Chile's committee saves a draft that Mexico's member cannot read.
  const saved = await call("saveDraft", tokens["committee-cl"], { lang: "en", id: CHILE_DRAFT, document: draft });
  expect(saved.error).toBeUndefined();
});

afterAll(async () => {
  await db.recursiveDelete(db.doc(`documents/${CHILE_DRAFT}`));
  const audit = await db.collection("audit").where("target.id", "==", CHILE_DRAFT).get();
  await Promise.all(audit.docs.map((d) => d.ref.delete()));
  await deleteApp(app);
});

describe("committee-idFree", () => {
  it("refuses a caller with no login, and one whose account no person claims, answering nothing", async () => {
    const anonymous = await call("idFree", undefined, { lang: "en", kind: "documents", id: CHILE_DRAFT });
    expect(anonymous.error?.status).toBe("UNAUTHENTICATED");
    expect(anonymous.result).toBeUndefined();
    const nobody = await call("idFree", tokens.noPerson, { lang: "en", kind: "documents", id: CHILE_DRAFT });
    expect(nobody.error?.status).toBe("PERMISSION_DENIED");
    expect(nobody.result).toBeUndefined();
  });

  it("tells a member only whether an id is taken, not whose or what, even for a draft they cannot read", async () => {
    const taken = await call("idFree", tokens["member-mx"], { lang: "en", kind: "documents", id: CHILE_DRAFT });
    expect(taken).toEqual({ result: { free: false } });
    const free = await call("idFree", tokens["member-mx"], { lang: "en", kind: "documents", id: `nothing-${RUN}` });
    expect(free).toEqual({ result: { free: true } });
    // Institutions are a member's to draft as well.
    const institution = await call("idFree", tokens["member-mx"], { kind: "institutions", id: `nothing-${RUN}` });
    expect(institution).toEqual({ result: { free: true } });
  });

  it("refuses a member asking about a kind they may not draft, in a sentence of their language", async () => {
    const topic = await call("idFree", tokens["member-mx"], { lang: "es", kind: "topics", id: `nothing-${RUN}` });
    expect(topic.error?.status).toBe("PERMISSION_DENIED");
    expect(topic.error?.message).not.toMatch(/topic\.saveDraft|undefined|Error/);
    expect(topic.result).toBeUndefined();
    // The committee may draft topics, and asks freely.
    const committee = await call("idFree", tokens["committee-cl"], { kind: "topics", id: `nothing-${RUN}` });
    expect(committee).toEqual({ result: { free: true } });
  });

  it("refuses every id that is not a record's slug and every collection that is not a record kind", async () => {
    const bad: unknown[] = [
      { kind: "documents", id: "" },
      { kind: "documents", id: "Has-Capitals" },
      { kind: "documents", id: "../accounts/demo-secretariat" },
      { kind: "documents", id: "a/b" },
      { kind: "documents", id: "x".repeat(121) },
      { kind: "documents", id: { $gt: "" } },
      { kind: "documents", id: ["a"] },
      { kind: "documents" },
      { kind: "accounts", id: "demo-secretariat" },
      { kind: "memberContacts", id: "demo-member-mx" },
      { kind: "documents", id: "fine", collection: "accounts" },
      "documents/fine",
      null,
    ];
    for (const data of bad) {
      const answer = await call("idFree", tokens["committee-cl"], data);
      expect(answer.error?.status, JSON.stringify(data)).toBe("INVALID_ARGUMENT");
      expect(answer.result, JSON.stringify(data)).toBeUndefined();
    }
    // The same caller's good question still works.
    expect(await call("idFree", tokens["committee-cl"], { kind: "documents", id: CHILE_DRAFT })).toEqual({
      result: { free: false },
    });
  });

  it("leaves the last word to saveDraft, which refuses a taken id with a sentence and changes nothing", async () => {
    const before = (await db.doc(`documents/${CHILE_DRAFT}`).get()).data();
    const attempt = await call("saveDraft", tokens["member-mx"], {
      lang: "en",
      id: CHILE_DRAFT,
      document: { ...draft, countries: ["MX"] },
    });
    expect(attempt.error?.status).toBe("ALREADY_EXISTS");
    expect(attempt.error?.message).toContain("already exists");
    expect(attempt.error?.details?.key).toBe("console.error.exists");
    expect((await db.doc(`documents/${CHILE_DRAFT}`).get()).data()).toEqual(before);
  });
});
