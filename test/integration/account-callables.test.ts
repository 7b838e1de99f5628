import { join } from "node:path";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { type Auth, getAuth } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleCallables } from "../../functions/src/committee/console-callables.js";
import { invitationId } from "../../functions/src/committee/invitations/invitations.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import {
  type CallableProject,
  type Callers,
  DEMO_PROJECT,
  linkDemoAccounts,
  openCallableProject,
  signIn,
} from "../support/console-callers.js";

// Invitations, role changes and manual seats, called as the demo logins with real ID tokens;
// the records go to a project of their own, whose accounts name no demo user.
const PROJECT = "demo-account-callables";
const INVITEE = { email: "invitee@demo-tests.compraspublicas.org", password: "invitee-2005" };
let project: CallableProject;
let demoApp: ReturnType<typeof initializeApp>;
let db: Firestore;
let auth: Auth;
let demoAuth: Auth;
let callers: Callers;
let now = new Date("2026-03-04T08:00:00Z");
const CONSOLE = "https://console.example.org";
const handlers = consoleCallables(
  () => ({ db, auth, clock: () => now }),
  () => CONSOLE,
);

beforeAll(async () => {
  project = await openCallableProject(PROJECT, (db) => loadSeed(db, join(import.meta.dirname, "../../seed")));
  ({ db, auth, callers } = project);
  // The invitee signs in, which the Auth emulator does only in the demo project.
  demoApp = initializeApp({ projectId: DEMO_PROJECT }, `${PROJECT}-auth`);
  demoAuth = getAuth(demoApp);
  await demoAuth.getUserByEmail(INVITEE.email).catch(() => demoAuth.createUser(INVITEE));
});
afterAll(async () => {
  await project?.close();
  await deleteApp(demoApp);
});

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: { code?: string }) => e.code,
  );

describe("invitations", () => {
  const invitation = {
    email: INVITEE.email,
    role: "member",
    countryId: "MX",
    memberId: "invitee-mx",
    name: "Invitada México",
  };

  it("keeps the committee to the member role of its own country, and members out", async () => {
    expect(await code(handlers.invite(callers.request("committee-cl", invitation)))).toBe("permission-denied");
    for (const role of ["secretariat", "committee"]) {
      expect(
        await code(handlers.invite(callers.request("committee-cl", { ...invitation, countryId: "CL", role }))),
      ).toBe("permission-denied");
    }
    expect(await code(handlers.invite(callers.request("member", invitation)))).toBe("permission-denied");
    expect(await code(handlers.invite(callers.request("committee-cl", { ...invitation, countryId: "CL" })))).toBe("ok");
  });

  it("stores only the token's hash, and links the account of the invited email to the person, once", async () => {
    const created = (await handlers.invite(callers.request("secretariat", invitation))) as {
      token: string;
      link: string;
      invitationId: string;
    };
    expect(created.link).toBe(`${CONSOLE}/#invitation=${created.token}`);
    const stored = await db.doc(`invitations/${created.invitationId}`).get();
    expect(created.invitationId).toBe(invitationId(created.token));
    expect(JSON.stringify(stored.data())).not.toContain(created.token);
    expect(stored.get("expiresAt")).toBe("2026-03-18T08:00:00.000Z");

    // The wrong person, signed in with another email, cannot take it.
    expect(await code(handlers.acceptInvitation(callers.request("no-person", { token: created.token })))).toBe(
      "permission-denied",
    );
    // Registered with a password, the address is not proved yet: accepting waits for it.
    await demoAuth.updateUser((await demoAuth.getUserByEmail(INVITEE.email)).uid, { emailVerified: false });
    const unproved = { ...(await demoAuth.verifyIdToken(await signIn(INVITEE.email, INVITEE.password))) };
    await expect(
      handlers.acceptInvitation({
        auth: { uid: unproved.uid, token: unproved },
        data: { token: created.token, lang: "en" },
      }),
    ).rejects.toMatchObject({
      code: "failed-precondition",
      message: expect.stringContaining("open the verification link"),
    });
    await demoAuth.updateUser(unproved.uid, { emailVerified: true });
    const idToken = await signIn(INVITEE.email, INVITEE.password);
    const decoded = { ...(await demoAuth.verifyIdToken(idToken)) };
    const invitee = (data: unknown) => ({ auth: { uid: decoded.uid, token: decoded }, data });
    expect(await handlers.acceptInvitation(invitee({ token: created.token }))).toEqual({
      memberId: "invitee-mx",
      role: "member",
      countryId: "MX",
    });
    expect((await db.doc(`accounts/${decoded.uid}`).get()).data()).toMatchObject({
      memberId: "invitee-mx",
      role: "member",
    });
    expect((await db.doc("members/invitee-mx").get()).get("public")).toBe(false);
    await expect(handlers.acceptInvitation(invitee({ token: created.token, lang: "en" }))).rejects.toMatchObject({
      code: "failed-precondition",
      message: "This invitation was already accepted. Ask for a new one if you need it.",
    });
  });

  it("keeps one account per person: the committee cannot invite a person who has one, or of another country; the secretariat links another with a reason, which unlinks the first", async () => {
    await db.doc("members/one-account-cl").set({
      id: "one-account-cl",
      name: "Una Cuenta",
      countryId: "CL",
      preferredLanguage: "es",
      timeZone: "UTC",
      public: false,
      source: "test",
    });
    await db.doc("accounts/one-account-first").set({
      id: "one-account-first",
      memberId: "one-account-cl",
      role: "committee",
      countryId: "CL",
    });
    const again = {
      email: "other@demo-tests.compraspublicas.org",
      role: "member",
      countryId: "CL",
      name: "Una Cuenta",
    };
    const refused = handlers.invite(
      callers.request("committee-cl", { ...again, memberId: "one-account-cl", lang: "en" }),
    );
    await expect(refused).rejects.toMatchObject({
      code: "permission-denied",
      message: expect.stringContaining("Each person has one account"),
    });
    expect(
      await code(
        handlers.invite(
          callers.request("committee-cl", { ...again, memberId: "one-account-cl", reason: "new address" }),
        ),
      ),
    ).toBe("permission-denied");
    // A person of another country, without an account, is not the Chilean committee's to invite.
    await db.doc("members/one-account-pe").set({
      id: "one-account-pe",
      name: "Otra Persona",
      countryId: "PE",
      preferredLanguage: "es",
      timeZone: "UTC",
      public: false,
      source: "test",
    });
    expect(await code(handlers.invite(callers.request("committee-cl", { ...again, memberId: "one-account-pe" })))).toBe(
      "permission-denied",
    );
    expect(await code(handlers.invite(callers.request("secretariat", { ...again, memberId: "one-account-cl" })))).toBe(
      "failed-precondition",
    );
    const reason = "The representative changed address";
    const linked = (await handlers.invite(
      callers.request("secretariat", { ...again, email: INVITEE.email, memberId: "one-account-cl", reason }),
    )) as { token: string };
    const invitee = await demoAuth.getUserByEmail(INVITEE.email);
    await demoAuth.updateUser(invitee.uid, { emailVerified: true });
    await db.doc(`accounts/${invitee.uid}`).delete();
    const decoded = { ...(await demoAuth.verifyIdToken(await signIn(INVITEE.email, INVITEE.password))) };
    await handlers.acceptInvitation({ auth: { uid: decoded.uid, token: decoded }, data: { token: linked.token } });
    const accounts = await db.collection("accounts").where("memberId", "==", "one-account-cl").get();
    expect(accounts.docs.map((d) => d.id)).toEqual([decoded.uid]);
    const unlinked = await db.collection("audit").where("target.id", "==", "one-account-first").get();
    expect(unlinked.docs.map((d) => [d.get("action"), d.get("after"), d.get("reason")])).toEqual([
      ["account.changeRole", null, reason],
    ]);
  });

  it("refuses an expired invitation and an unknown one", async () => {
    const created = (await handlers.invite(callers.request("secretariat", { ...invitation, memberId: "late" }))) as {
      token: string;
    };
    now = new Date("2026-04-01T08:00:00Z");
    try {
      const idToken = await signIn(INVITEE.email, INVITEE.password);
      const decoded = { ...(await demoAuth.verifyIdToken(idToken)) };
      const request = (token: string) => ({ auth: { uid: "someone-new", token: decoded }, data: { token } });
      expect(await code(handlers.acceptInvitation(request(created.token)))).toBe("failed-precondition");
      expect(await code(handlers.acceptInvitation(request("A".repeat(43))))).toBe("not-found");
    } finally {
      now = new Date("2026-03-04T08:00:00Z");
    }
  });
});

describe("role changes", () => {
  it("lets the secretariat change or remove another account's role, with the reason in the audit log", async () => {
    await db.doc("accounts/rep-uy").set({ id: "rep-uy", memberId: "rep-uy", role: "member", countryId: "UY" });
    const reason = "Appointed representative to the committee";
    expect(
      await handlers.changeRole(callers.request("secretariat", { uid: "rep-uy", role: "committee", reason })),
    ).toEqual({
      uid: "rep-uy",
      role: "committee",
      countryId: "UY",
    });
    expect(
      await code(handlers.changeRole(callers.request("committee-cl", { uid: "rep-uy", role: "member", reason }))),
    ).toBe("permission-denied");
    expect(
      await code(
        handlers.changeRole(callers.request("secretariat", { uid: "demo-secretariat", role: "member", reason })),
      ),
    ).toBe("failed-precondition");
    expect(
      await code(handlers.changeRole(callers.request("secretariat", { uid: "nobody", role: "member", reason }))),
    ).toBe("not-found");
    await handlers.changeRole(
      callers.request("secretariat", { uid: "rep-uy", role: null, reason: "Left the network" }),
    );
    expect((await db.doc("accounts/rep-uy").get()).exists).toBe(false);
    const audit = await db.collection("audit").where("target.id", "==", "rep-uy").get();
    expect(audit.docs.map((d) => d.get("reason")).sort()).toEqual([reason, "Left the network"].sort());
  });
});

describe("manual seats", () => {
  it("lets the secretariat give a seat by hand with a reason, shows the basis, and hand the country back to the rule", async () => {
    const reason = "Seat agreed at the 2026 assembly";
    expect(
      await code(handlers.setSeat(callers.request("committee-cl", { countryId: "MX", decision: "add", reason }))),
    ).toBe("permission-denied");
    expect(
      await handlers.setSeat(callers.request("secretariat", { countryId: "MX", decision: "add", reason })),
    ).toEqual({
      countryId: "MX",
      seat: true,
      changed: ["MX"],
    });
    expect((await db.doc("committee/MX").get()).data()).toMatchObject({ basis: "manual", reason, since: "2026-03-04" });
    await handlers.setSeat(
      callers.request("secretariat", { countryId: "PE", decision: "remove", reason: "Peru withdrew" }),
    );
    expect((await db.doc("committee/PE").get()).exists).toBe(false);
    await handlers.setSeat(
      callers.request("secretariat", { countryId: "PE", decision: "rule", reason: "Peru is back" }),
    );
    expect((await db.doc("committee/PE").get()).get("basis")).toBe("hosted");
    const actions = (await db.collection("audit").where("countryIds", "array-contains", "PE").get()).docs.map((d) =>
      d.get("action"),
    );
    expect(actions.sort()).toEqual(["seat.rule", "seat.rule", "seat.set", "seat.set"]);
    expect(
      await code(handlers.setSeat(callers.request("secretariat", { countryId: "ZZ", decision: "add", reason }))),
    ).toBe("not-found");
  });
});

describe("invitation, role and seat callables: every caller", () => {
  const CALLERS = ["anonymous", "no-person", "member", "committee-cl", "secretariat"] as const;
  const reason = "Matrix test of the console callables";
  const EXPECTED: Record<"invite" | "changeRole" | "setSeat" | "acceptInvitation", Record<string, string>> = {
    invite: {
      anonymous: "unauthenticated",
      "no-person": "permission-denied",
      member: "permission-denied",
      "committee-cl": "ok",
      secretariat: "ok",
    },
    changeRole: {
      anonymous: "unauthenticated",
      "no-person": "permission-denied",
      member: "permission-denied",
      "committee-cl": "permission-denied",
      secretariat: "ok",
    },
    setSeat: {
      anonymous: "unauthenticated",
      "no-person": "permission-denied",
      member: "permission-denied",
      "committee-cl": "permission-denied",
      secretariat: "ok",
    },
    // Any signed-in account may accept an invitation addressed to its own email.
    acceptInvitation: {
      anonymous: "unauthenticated",
      "no-person": "ok",
      member: "ok",
      "committee-cl": "ok",
      secretariat: "ok",
    },
  };

  it("lets exactly the roles allowed invite, change roles, set seats and accept invitations", async () => {
    type Row = Record<string, string | undefined>;
    const results = { invite: {} as Row, changeRole: {} as Row, setSeat: {} as Row, acceptInvitation: {} as Row };
    for (const caller of CALLERS) {
      const invitation = {
        email: `${caller}@matrix.example.org`,
        role: "member",
        countryId: "CL",
        memberId: `matrix-${caller}`,
        name: caller,
      };
      results.invite[caller] = await code(handlers.invite(callers.request(caller, invitation)));
      await db
        .doc(`accounts/matrix-${caller}`)
        .set({ id: `matrix-${caller}`, memberId: "x", role: "member", countryId: "UY" });
      results.changeRole[caller] = await code(
        handlers.changeRole(callers.request(caller, { uid: `matrix-${caller}`, role: "committee", reason })),
      );
      // Uruguay holds no seat and stays with the rule: nothing changes but the audit log.
      results.setSeat[caller] = await code(
        handlers.setSeat(callers.request(caller, { countryId: "UY", decision: "rule", reason })),
      );

      // An invitation to the caller's own email, to a country without a seat, so no claims move.
      const request = callers.request(caller, {});
      const email = request.auth?.token.email;
      const invited = (await handlers.invite(
        callers.request("secretariat", {
          email: typeof email === "string" ? email : "nobody@matrix.example.org",
          role: "member",
          countryId: "UY",
          memberId: `matrix-accept-${caller}`,
          name: caller,
        }),
      )) as { token: string };
      // Accepting links an account that no person claims yet: the caller's own link is set
      // aside for the call, and put back after it.
      if (request.auth) await db.doc(`accounts/${request.auth.uid}`).delete();
      results.acceptInvitation[caller] = await code(
        handlers.acceptInvitation(callers.request(caller, { token: invited.token })),
      );
      await linkDemoAccounts(db);
    }
    expect(results).toEqual(EXPECTED);
  });
});
