import { describe, expect, it } from "vitest";
import { type Actor, decide, mayAttempt } from "./permissions.js";

const member: Actor = { uid: "m", role: "member", memberId: "m", countryId: "MX", seat: false };
const committee: Actor = { uid: "c", role: "committee", memberId: "c", countryId: "CL", seat: true };
const secretariat: Actor = { uid: "s", role: "secretariat", memberId: "s", seat: false };
const refusal = (d: ReturnType<typeof decide>) => (d.allowed ? "allowed" : `${d.error.code} ${d.error.key}`);

describe("committee permissions", () => {
  it("refuses a member publishing, naming the roles that may", () => {
    const decision = decide(member, "document.publish");
    expect(refusal(decision)).toBe("permission-denied console.error.role");
    expect(decision.allowed ? undefined : decision.error.params.roles).toEqual({
      keys: ["console.role.secretariat", "console.role.committee"],
    });
  });

  it("keeps a member to records of their own country only, before and after the change", () => {
    expect(refusal(decide(member, "document.saveDraft", { countries: ["MX"] }))).toBe("allowed");
    expect(refusal(decide(member, "document.saveDraft", { countries: ["MX", "CL"] }))).toBe(
      "permission-denied console.error.country",
    );
    expect(refusal(decide(member, "document.saveDraft", { countries: [] }))).toBe(
      "permission-denied console.error.country",
    );
    expect(refusal(decide(committee, "document.saveDraft", { countries: ["MX"] }))).toBe("allowed");
  });

  it("lets only a country's own representatives name and submit its delegation, and only the secretariat accredit it", () => {
    for (const action of ["delegation.save", "delegation.submit"] as const) {
      expect(refusal(decide(member, action, { countries: ["MX"] }))).toBe("allowed");
      expect(refusal(decide(committee, action, { countries: ["CL"] }))).toBe("allowed");
      expect(refusal(decide(member, action, { countries: ["CL"] }))).toBe("permission-denied console.error.country");
      // A seat on the committee gives no say over another country's delegates.
      expect(refusal(decide(committee, action, { countries: ["MX"] }))).toBe(
        "permission-denied console.delegation.country",
      );
      expect(refusal(decide(secretariat, action, { countries: ["MX"] }))).toBe("permission-denied console.error.role");
    }
    for (const action of ["delegation.accredit", "delegation.return"] as const) {
      expect(refusal(decide(secretariat, action, { countries: ["MX"] }))).toBe("allowed");
      expect(refusal(decide(committee, action, { countries: ["CL"] }))).toBe("permission-denied console.error.role");
      expect(refusal(decide(member, action, { countries: ["MX"] }))).toBe("permission-denied console.error.role");
    }
    expect(mayAttempt("member", "delegation.read")).toBe(true);
  });

  it("needs two people for a publication, unless the secretariat gives a reason", () => {
    const own = { countries: [], lastEditor: "c" };
    expect(refusal(decide(committee, "document.publish", own))).toBe("permission-denied console.error.ownEdit");
    expect(refusal(decide(committee, "document.publish", { ...own, lastEditor: "other" }))).toBe("allowed");
    const mine = { countries: [], lastEditor: "s" };
    expect(refusal(decide(secretariat, "document.publish", mine))).toBe(
      "failed-precondition console.error.reasonRequired",
    );
    expect(refusal(decide(secretariat, "document.publish", { ...mine, reason: "urgent fix" }))).toBe("allowed");
  });

  it("lets the committee and the secretariat open and read registration, and only the secretariat approve", () => {
    for (const action of ["registration.open", "registration.read"] as const) {
      expect(refusal(decide(member, action))).toBe("permission-denied console.error.role");
      expect(refusal(decide(committee, action))).toBe("allowed");
      expect(refusal(decide(secretariat, action))).toBe("allowed");
    }
    for (const action of ["registration.approve", "registration.decline"] as const) {
      expect(refusal(decide(member, action))).toBe("permission-denied console.error.role");
      expect(refusal(decide(committee, action))).toBe("permission-denied console.error.role");
      expect(refusal(decide(secretariat, action))).toBe("allowed");
    }
  });

  it("leaves seats, roles and the rule's own recomputation to the secretariat and the system", () => {
    expect(refusal(decide(committee, "seat.set"))).toBe("permission-denied console.error.role");
    expect(refusal(decide(committee, "account.changeRole"))).toBe("permission-denied console.error.role");
    expect(refusal(decide(secretariat, "seat.rule"))).toBe("permission-denied console.error.role");
    expect(refusal(decide(secretariat, "seat.set"))).toBe("allowed");
  });

  it("lets a member draft and submit their own country's institution only, and leaves events, initiatives and topics to the committee", () => {
    expect(refusal(decide(member, "institution.saveDraft", { countries: ["MX"] }))).toBe("allowed");
    expect(refusal(decide(member, "institution.submit", { countries: ["MX"] }))).toBe("allowed");
    expect(refusal(decide(member, "institution.saveDraft", { countries: ["CL"] }))).toBe(
      "permission-denied console.error.country",
    );
    expect(refusal(decide(member, "institution.publish", { countries: ["MX"] }))).toBe(
      "permission-denied console.error.role",
    );
    for (const type of ["event", "initiative", "topic"] as const) {
      expect(refusal(decide(member, `${type}.saveDraft`))).toBe("permission-denied console.error.role");
      expect(refusal(decide(committee, `${type}.saveDraft`, { countries: [] }))).toBe("allowed");
      expect(refusal(decide(secretariat, `${type}.publish`, { countries: [] }))).toBe("allowed");
    }
  });

  it("decides the two-person rule by person, whichever account they use, for the last editor and the submitter", () => {
    const secondAccount: Actor = { ...committee, uid: "c-second-account" };
    expect(refusal(decide(secondAccount, "document.publish", { countries: [], lastEditor: "c" }))).toBe(
      "permission-denied console.error.ownEdit",
    );
    expect(
      refusal(decide(secondAccount, "document.publish", { countries: [], lastEditor: "other", submitter: "c" })),
    ).toBe("permission-denied console.error.ownSubmission");
    expect(
      refusal(decide(secondAccount, "document.publish", { countries: [], lastEditor: "other", submitter: "another" })),
    ).toBe("allowed");
    expect(refusal(decide(secretariat, "document.publish", { countries: [], submitter: "s" }))).toBe(
      "failed-precondition console.error.reasonRequired",
    );
  });

  it("lets the committee invite only members of its own country, and leaves higher roles to the secretariat", () => {
    expect(refusal(decide(committee, "invitation.create", { countries: ["CL"], grantedRole: "member" }))).toBe(
      "allowed",
    );
    for (const grantedRole of ["committee", "secretariat"] as const) {
      expect(refusal(decide(committee, "invitation.create", { countries: ["CL"], grantedRole }))).toBe(
        "permission-denied console.error.inviteScope",
      );
      expect(refusal(decide(secretariat, "invitation.create", { countries: ["CL"], grantedRole }))).toBe("allowed");
    }
    expect(refusal(decide(committee, "invitation.create", { countries: ["PE"], grantedRole: "member" }))).toBe(
      "permission-denied console.error.inviteScope",
    );
    expect(refusal(decide(member, "invitation.create"))).toBe("permission-denied console.error.role");
  });

  it("applies the two-person rule to every kind, and to a scheduled publication as to an immediate one", () => {
    const own = { countries: [], lastEditor: "c" };
    for (const action of [
      "event.publish",
      "topic.publish",
      "event.schedulePublish",
      "document.schedulePublish",
    ] as const) {
      expect(refusal(decide(committee, action, own))).toBe("permission-denied console.error.ownEdit");
      expect(refusal(decide(committee, action, { ...own, lastEditor: "other" }))).toBe("allowed");
    }
    expect(refusal(decide(member, "event.schedulePublish"))).toBe("permission-denied console.error.role");
  });

  it("leaves the hosting commitment and the outbox review to the secretariat, and shows the committee what it reads", () => {
    for (const action of [
      "commitment.activate",
      "commitment.renew",
      "commitment.handOver",
      "commitment.setHandoverItem",
      "outbox.resolveReview",
    ] as const) {
      expect(refusal(decide(secretariat, action))).toBe("allowed");
      expect(refusal(decide(committee, action))).toBe("permission-denied console.error.role");
      expect(refusal(decide(member, action))).toBe("permission-denied console.error.role");
    }
    for (const screen of ["audit.read", "seat.read", "commitment.read"] as const) {
      expect([
        mayAttempt("secretariat", screen),
        mayAttempt("committee", screen),
        mayAttempt("member", screen),
      ]).toEqual([true, true, false]);
    }
  });

  it("lets only a country's own representatives withdraw a person from its delegation, never the secretariat", () => {
    expect(refusal(decide(member, "delegation.withdraw", { countries: ["MX"] }))).toBe("allowed");
    expect(refusal(decide(committee, "delegation.withdraw", { countries: ["CL"] }))).toBe("allowed");
    expect(refusal(decide(member, "delegation.withdraw", { countries: ["CL"] }))).toBe(
      "permission-denied console.error.country",
    );
    expect(refusal(decide(committee, "delegation.withdraw", { countries: ["MX"] }))).toBe(
      "permission-denied console.delegation.country",
    );
    // The secretariat accredits delegations; it does not edit a country's.
    expect(refusal(decide(secretariat, "delegation.withdraw", { countries: ["MX"] }))).toBe(
      "permission-denied console.error.role",
    );
  });
});
