import { join } from "node:path";
import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitmentCallables } from "../../functions/src/commitment/callables.js";
import { consoleCallables } from "../../functions/src/committee/console-callables.js";
import { ACCOUNTS_COLLECTION, AccountSchema, type DocumentContent } from "../../functions/src/model/index.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { type CallableProject, type Caller, openCallableProject } from "../support/console-callers.js";
import { firestoreRest } from "../support/firestore-rest.js";

// Issue #14, "no account-to-person map for the committee", played from outside: a committee
// login (a real ID token from the Auth emulator) reads everything the rules let it read over
// Firestore's REST API, after other people's real workflow actions, and looks for any account
// id next to a person. In this file's own project the demo logins are linked to persons whose
// ids differ from their accounts' (as in production, where an Auth uid is random), so an
// account id found anywhere would be a leak, not a coincidence of the demo's names.
const PROJECT = "demo-attack-account-map";
const CONSOLE = "https://console.example.org";
const ATTACKER: Caller = "committee-cl";

/** The other demo logins' accounts, each linked here to a person with a name of their own. */
const PERSONS = {
  member: { memberId: "maria-lopez-mx", name: "María López", countryId: "MX" },
  "committee-pe": { memberId: "ana-perez-pe", name: "Ana Pérez", countryId: "PE" },
  secretariat: { memberId: "sara-secretaria", name: "Sara Secretaría" },
} as const;
const uidOf = (caller: keyof typeof PERSONS) => {
  const demo = DEMO_ACCOUNTS.find((a) =>
    caller === "member"
      ? a.role === "member"
      : caller === "secretariat"
        ? a.role === "secretariat"
        : a.role === "committee" && a.countryId === "PE",
  );
  if (!demo) throw new Error(`no demo account for ${caller}`);
  return demo.uid;
};
/** An account accepting an invitation in this file (its token made by hand: the acceptance is not under test). */
const INVITEE = { uid: "k3Jq9XvT2mWcYb8RzLpA0sNd5Ue1", email: "invitee-cl@demo-tests.compraspublicas.org" };
const OTHER_UIDS = [...Object.keys(PERSONS).map((c) => uidOf(c as keyof typeof PERSONS)), INVITEE.uid];

let project: CallableProject;
let db: Firestore;
let now = Date.parse("2026-06-01T12:00:00Z");
const clock = () => new Date(now);
const deps = () => ({ db, auth: project.auth, clock });
const handlers = consoleCallables(deps, () => CONSOLE);
const commitments = commitmentCallables(deps, { timeZone: "America/Santiago" });
const rest = () => firestoreRest(PROJECT, project.callers);
const call = <T>(handler: (request: never) => Promise<T>, caller: Caller, data: unknown) =>
  handler(project.callers.request(caller, data) as never);

const report = (title: string): DocumentContent => ({
  kind: "news",
  title: { es: title },
  summary: { es: "Resumen" },
  body: { es: "Texto" },
  translations: { es: "original" },
  countries: ["MX"],
  topics: [],
  source: "attack test",
});

beforeAll(async () => {
  project = await openCallableProject(PROJECT, (db) => loadSeed(db, join(import.meta.dirname, "../../seed")));
  db = project.db;
  for (const [caller, person] of Object.entries(PERSONS)) {
    const uid = uidOf(caller as keyof typeof PERSONS);
    const current = AccountSchema.parse((await db.doc(`${ACCOUNTS_COLLECTION}/${uid}`).get()).data());
    await db.doc(`${ACCOUNTS_COLLECTION}/${uid}`).set({ ...current, memberId: person.memberId });
    await db.doc(`members/${person.memberId}`).set({
      id: person.memberId,
      name: person.name,
      ...("countryId" in person ? { countryId: person.countryId } : {}),
      preferredLanguage: "es",
      timeZone: "America/Santiago",
      public: false,
      source: "attack test",
    });
  }

  // A member drafts and submits; another person publishes; a second draft is scheduled.
  await call(handlers.saveDraft, "member", { id: "mapa-uno", document: report("Primero") });
  await call(handlers.submit, "member", { id: "mapa-uno", baseVersion: 1 });
  await call(handlers.publish, "committee-pe", { id: "mapa-uno", baseVersion: 2 });
  await call(handlers.saveDraft, "member", { id: "mapa-dos", document: report("Segundo") });
  await call(handlers.submit, "member", { id: "mapa-dos", baseVersion: 1 });
  await call(handlers.schedulePublish, "committee-pe", {
    kind: "documents",
    id: "mapa-dos",
    baseVersion: 2,
    at: "2026-06-02T12:00:00Z",
  });
  // The secretariat: a manual seat, a hosting term, and an invitation to Chile, accepted.
  await call(handlers.setSeat, "secretariat", { countryId: "UY", decision: "add", reason: "Acuerdo de la asamblea" });
  await call(commitments.activateCommitment, "secretariat", {
    commitmentId: "site-hosting-chile-2005",
    termStart: "2026-06-01",
  });
  const invitation = await call(handlers.invite, "secretariat", {
    email: INVITEE.email,
    role: "member",
    countryId: "CL",
    memberId: "invitado-cl",
    name: "Invitado Chile",
    inviteeLang: "es",
  });
  now += 60_000;
  await handlers.acceptInvitation({
    auth: { uid: INVITEE.uid, token: { uid: INVITEE.uid, email: INVITEE.email, email_verified: true } },
    data: { token: invitation.token },
  });
});
afterAll(() => project?.close());

/** Every read the committee's rules allow, as the console makes them, with the bodies as text. */
async function everythingReadableBy(caller: Caller): Promise<string[]> {
  const { list } = rest();
  const reads = await Promise.all([
    list(caller, "audit", { field: "audience", op: "IN", value: ["committee", "committee:CL"] }, true),
    list(caller, "versions", undefined, false, "documents/mapa-uno"),
    list(caller, "versions", undefined, false, "documents/mapa-dos"),
    list(caller, "publicationSchedules"),
    list(caller, "seatOverrides"),
    list(caller, "invitations", { field: "countryId", op: "EQUAL", value: "CL" }),
    list(caller, "commitments"),
    list(caller, "members"),
    list(caller, "documents"),
    list(caller, "committee"),
  ]);
  for (const read of reads) expect(read.status, read.body).toBe(200);
  return reads.map((r) => r.body);
}

describe("the committee cannot map accounts to persons", () => {
  it("finds no other account's id in the audit log, versions, schedules, seats, invitations or commitments", async () => {
    const bodies = await everythingReadableBy(ATTACKER);
    // The reads did find the workflow's traces: the attack looked where the map would be.
    const all = bodies.join("\n");
    for (const expected of ["document.publish", "invitation.accept", "seat.set", "ana-perez-pe", "maria-lopez-mx"]) {
      expect(all).toContain(expected);
    }
    for (const uid of OTHER_UIDS) expect(all).not.toContain(uid);
  });

  it("is refused the accounts behind audit entries, and the accounts themselves", async () => {
    const { get, list } = rest();
    const entries = await db.collection("audit").where("action", "==", "document.publish").get();
    const entry = entries.docs[0]?.id ?? "";
    expect(entry).not.toBe("");
    expect((await get(ATTACKER, `auditActors/${entry}`)).status).toBe(403);
    expect((await list(ATTACKER, "auditActors")).status).toBe(403);
    expect((await list(ATTACKER, "accounts")).status).toBe(403);
    expect((await get(ATTACKER, `accounts/${uidOf("committee-pe")}`)).status).toBe(403);
    // A member reads the commitments and the members, and no account either.
    const member = await Promise.all([list("member", "commitments"), list("member", "members")]);
    for (const read of member) {
      expect(read.status).toBe(200);
      for (const uid of OTHER_UIDS) expect(read.body).not.toContain(uid);
    }
  });

  it("still reads who (the person) did what, while the secretariat reads the whole actor", async () => {
    const { get, list } = rest();
    const committee = await list(
      ATTACKER,
      "audit",
      { field: "audience", op: "IN", value: ["committee", "committee:CL"] },
      true,
    );
    const published = (await db.collection("audit").where("action", "==", "document.publish").get()).docs[0];
    expect(committee.names).toContain(published?.id);
    expect(published?.get("actor")).toEqual({ memberId: "ana-perez-pe", role: "committee" });
    const versions = await list(ATTACKER, "versions", undefined, false, "documents/mapa-uno");
    expect(versions.body).toContain("maria-lopez-mx");
    expect(versions.body).toContain("ana-perez-pe");

    const account = await get("secretariat", `auditActors/${published?.id}`);
    expect(account.status).toBe(200);
    expect(account.body).toContain(uidOf("committee-pe"));
    expect((await list("secretariat", "auditActors")).status).toBe(200);
    // The account that accepted an invitation, which the Chilean committee reads by person only.
    const accepted = (await db.collection("audit").where("action", "==", "invitation.accept").get()).docs[0];
    const acceptedActor = await get("secretariat", `auditActors/${accepted?.id}`);
    expect(acceptedActor.body).toContain(INVITEE.uid);
  });
});
