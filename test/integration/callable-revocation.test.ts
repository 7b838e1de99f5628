import type { Auth } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitmentCallables } from "../../functions/src/commitment/callables.js";
import { consoleCallables } from "../../functions/src/committee/console-callables.js";
import { reviewCallables } from "../../functions/src/notify/callables.js";
import { type CallableProject, type Callers, openCallableProject } from "../support/console-callers.js";

// A role change or a lost seat counts from the next call, with the same ID token: the callables
// read the account and its country's seat on every call instead of trusting the token's claims,
// which the Auth emulator (like production) keeps for the token's hour.
const PROJECT = "demo-callable-revocation";
let project: CallableProject;
let db: Firestore;
let auth: Auth;
let callers: Callers;
const handlers = consoleCallables(
  () => ({ db, auth, clock: () => new Date("2026-04-01T12:00:00Z") }),
  () => "https://console.example.org",
);

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, auth, callers } = project);
  for (const [id, name] of [
    ["CL", "Chile"],
    ["PE", "Perú"],
  ]) {
    await db.doc(`countries/${id}`).set({ id, name: { es: name }, oasMember: true, source: "revocation test" });
  }
});
afterAll(() => project?.close());

const invitation = (countryId: string, n: number) => ({
  email: `revocation-${countryId.toLowerCase()}-${n}@demo-tests.compraspublicas.org`,
  role: "member",
  countryId,
  memberId: `revocation-${countryId.toLowerCase()}-${n}`,
  name: "Invitada",
  lang: "en",
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }),
  );

describe("callables after a role change or a lost seat, with the same token", () => {
  it("refuses a demoted committee member's next call although the token still says committee", async () => {
    const before = callers.request("committee-pe", invitation("PE", 1));
    expect(before.auth?.token.role).toBe("committee");
    expect(await refusal(handlers.invite(before))).toBeUndefined();

    await handlers.changeRole(
      callers.request("secretariat", { uid: "demo-committee-pe", role: "member", reason: "left the committee" }),
    );

    const after = callers.request("committee-pe", invitation("PE", 2));
    expect(after.auth?.token.role).toBe("committee");
    expect(await refusal(handlers.invite(after))).toEqual({
      code: "permission-denied",
      message: "This action needs the role secretariat, committee; your role is member.",
    });
    expect((await db.collection("invitations").where("email", "==", invitation("PE", 2).email).get()).size).toBe(0);
  });

  it("refuses every call of an account whose access was removed", async () => {
    await handlers.changeRole(
      callers.request("secretariat", { uid: "demo-member-mx", role: null, reason: "no longer represents Mexico" }),
    );
    const failure = await refusal(
      handlers.saveDraft(callers.request("member", { id: "revoked-draft", document: {}, lang: "en" })),
    );
    expect(failure?.code).toBe("permission-denied");
    expect(failure?.message).toContain("not linked to any person");
  });

  it("treats a representative whose country lost its seat as a member from the next call", async () => {
    expect(await refusal(handlers.invite(callers.request("committee-cl", invitation("CL", 1))))).toBeUndefined();
    // The seat record gone, as the Santiago rule or the secretariat's override leave it.
    await db.doc("committee/CL").delete();
    const failure = await refusal(handlers.invite(callers.request("committee-cl", invitation("CL", 2))));
    expect(failure?.code).toBe("permission-denied");
    expect(failure?.message).toContain("your role is member");
  });

  it("refuses the commitment and outbox-review callables to anyone but the secretariat, read from the account", async () => {
    const clock = () => new Date("2026-04-01T12:00:00Z");
    const { activateCommitment } = commitmentCallables(() => ({ db, clock }), { timeZone: "UTC" });
    const { resolveOutboxReview } = reviewCallables(() => ({ db, clock }));
    const commitment = (caller: Parameters<Callers["request"]>[0]) =>
      refusal(activateCommitment(callers.request(caller, { commitmentId: "none", termStart: "2026-05-01" })));
    const review = (caller: Parameters<Callers["request"]>[0]) =>
      refusal(resolveOutboxReview(callers.request(caller, { id: "0".repeat(40), decision: "arrived" })));

    // Past the guard, the secretariat meets the record's own refusals.
    expect((await commitment("secretariat"))?.code).toBe("not-found");
    expect((await review("secretariat"))?.code).toBe("failed-precondition");
    for (const caller of ["committee-cl", "no-person"] as const) {
      expect((await commitment(caller))?.code, caller).toBe("permission-denied");
      expect((await review(caller))?.code, caller).toBe("permission-denied");
    }
    expect((await commitment("anonymous"))?.code).toBe("unauthenticated");

    // The account as a role change leaves it; the token still says secretariat.
    await db.doc("accounts/demo-secretariat").set({
      id: "demo-secretariat",
      memberId: "demo-secretariat",
      role: "member",
      countryId: "CL",
    });
    expect(callers.request("secretariat", {}).auth?.token.role).toBe("secretariat");
    expect((await commitment("secretariat"))?.code).toBe("permission-denied");
    expect((await review("secretariat"))?.code).toBe("permission-denied");
  });
});
