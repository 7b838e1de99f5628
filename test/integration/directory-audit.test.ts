import { deleteApp, initializeApp } from "firebase-admin/app";
import { type DocumentSnapshot, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_ACTORS_COLLECTION,
  AUDIT_COLLECTION,
  AuditEntrySchema,
  DIRECTORY_COLLECTION,
} from "../../functions/src/model/index.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { postCallable } from "../support/callable-http.js";
import { type Callers, DEMO_PROJECT, demoCallers, NO_PERSON, signIn } from "../support/console-callers.js";
import { firestoreRest } from "../support/firestore-rest.js";

// Every change to one's own directory entry writes its audit entry in the same transaction, over
// HTTP to the Functions emulator with the demo logins' real tokens (or none), as the console
// calls it. The person is the demo's committee representative of Mexico, whom no other test
// edits; their records are put back as they were afterwards.
const app = initializeApp({ projectId: DEMO_PROJECT }, `directory-audit-${process.pid}`);
const db = getFirestore(app);
const MX = DEMO_ACCOUNTS.find((a) => a.uid === "demo-committee-mx");
if (!MX) throw new Error("no demo committee-mx login");
const CL = DEMO_ACCOUNTS.find((a) => a.uid === "demo-committee-cl");

const kept: Record<string, DocumentSnapshot> = {};
const PATHS = [`members/${MX.memberId}`, `memberContacts/${MX.memberId}`, `${DIRECTORY_COLLECTION}/${MX.memberId}`];
let token: string;
let callers: Callers;

interface CallResult {
  status: number;
  body: { result?: { confirmedAt: string }; error?: { status: string; message: string } };
}
async function call(name: string, idToken: string | undefined, data: unknown): Promise<CallResult> {
  const response = await postCallable(`committee-${name}`, idToken, data);
  return { status: response.status, body: (await response.json()) as CallResult["body"] };
}

/** The audit entries about the person's entry, oldest first. */
async function entriesOf(memberId: string) {
  const found = await db.collection(AUDIT_COLLECTION).where("target.id", "==", memberId).get();
  return found.docs
    .filter((d) => d.get("target.collection") === "members")
    .map((d) => ({ id: d.id, ...AuditEntrySchema.parse(d.data()) }))
    .sort((a, b) => a.at.localeCompare(b.at));
}

beforeAll(async () => {
  for (const path of PATHS) kept[path] = await db.doc(path).get();
  token = await signIn(MX.email, MX.password);
  callers = await demoCallers();
});
afterAll(async () => {
  for (const path of PATHS) {
    const before = kept[path];
    if (before?.exists) await db.doc(path).set(before.data() ?? {});
    else await db.doc(path).delete();
  }
  for (const entry of await entriesOf(MX.memberId)) {
    await db.doc(`${AUDIT_COLLECTION}/${entry.id}`).delete();
    await db.doc(`${AUDIT_ACTORS_COLLECTION}/${entry.id}`).delete();
  }
  await callers?.close();
  await deleteApp(app);
});

describe("the audit of one's own directory entry", () => {
  it("writes an entry with the edit, naming the person and both states, and keeps the account apart", async () => {
    const before = await entriesOf(MX.memberId);
    const saved = await call("updateDirectoryEntry", token, {
      lang: "es",
      name: MX.name,
      title: { es: "Jefe de compras públicas", en: "Head of public procurement" },
      languages: ["es", "en"],
      share: { email: true, phone: false },
    });
    expect(saved.status).toBe(200);
    const added = (await entriesOf(MX.memberId)).slice(before.length);
    expect(added).toHaveLength(1);
    const [entry] = added;
    expect(entry).toMatchObject({
      action: "directory.update",
      // The moment the entry was confirmed is the moment the change was audited: one transaction.
      at: saved.body.result?.confirmedAt,
      // The role in effect: Mexico holds no seat, so its committee representative acts as a member.
      actor: { memberId: MX.memberId, role: "member" },
      target: { collection: "members", id: MX.memberId },
      countryIds: ["MX"],
      audience: "committee",
      after: {
        member: { name: MX.name, title: { en: "Head of public procurement" }, languages: ["es", "en"] },
        shared: { id: MX.memberId, email: MX.email },
      },
    });
    expect(entry).not.toHaveProperty("before.member.title");
    // The account behind the person is the secretariat's to read, beside the entry.
    expect(entry?.actor).not.toHaveProperty("uid");
    expect((await db.doc(`${AUDIT_ACTORS_COLLECTION}/${entry?.id}`).get()).get("uid")).toBe(MX.uid);
    // What the committee's audit screen asks for, over Firestore's REST API with a real login.
    const listed = await firestoreRest(DEMO_PROJECT, callers).list("committee-cl", AUDIT_COLLECTION, {
      field: "audience",
      op: "IN",
      value: ["committee", `committee:${CL?.countryId}`],
    });
    expect(listed.status).toBe(200);
    expect(listed.names).toContain(entry?.id);
  });

  it("writes an entry when the person confirms their entry as it stands", async () => {
    const before = await entriesOf(MX.memberId);
    const confirmed = await call("confirmDirectoryEntry", token, { lang: "es" });
    expect(confirmed.status).toBe(200);
    const added = (await entriesOf(MX.memberId)).slice(before.length);
    expect(added.map((e) => [e.action, e.at])).toEqual([["directory.confirm", confirmed.body.result?.confirmedAt]]);
    expect(added[0]).toMatchObject({ after: { member: { confirmedAt: confirmed.body.result?.confirmedAt } } });
  });

  it("writes no entry for a refused edit, whoever tries it, and the entry stays as it was", async () => {
    const member = await db.doc(`members/${MX.memberId}`).get();
    const before = await entriesOf(MX.memberId);
    const valid = { lang: "es", name: "Suplantado", languages: ["es"], share: { email: false, phone: false } };
    const noPerson = await signIn(NO_PERSON.email, NO_PERSON.password);
    const refusals = [
      // Another person named in the payload: the entry is always the caller's own.
      [await call("updateDirectoryEntry", token, { ...valid, memberId: CL?.memberId }), 400],
      [await call("confirmDirectoryEntry", token, { lang: "es", memberId: CL?.memberId }), 400],
      [
        await call("updateDirectoryEntry", token, { ...valid, phone: "call me", share: { email: false, phone: true } }),
        400,
      ],
      [await call("updateDirectoryEntry", undefined, valid), 401],
      [await call("updateDirectoryEntry", noPerson, valid), 403],
      [await call("confirmDirectoryEntry", noPerson, { lang: "es" }), 403],
    ] as const;
    for (const [refused, status] of refusals) {
      expect(refused.status).toBe(status);
      expect(refused.body.result).toBeUndefined();
    }
    expect(await entriesOf(MX.memberId)).toEqual(before);
    expect((await db.doc(`members/${MX.memberId}`).get()).data()).toEqual(member.data());
  });
});
