import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AccountSchema, CommitteeSeatSchema, ROLES } from "../../functions/src/model/index.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";

const seatCountries = new Set(
  (JSON.parse(readFileSync(join(import.meta.dirname, "../../seed/committee.json"), "utf8")) as unknown[]).map(
    (seat) => CommitteeSeatSchema.parse(seat).countryId,
  ),
);

describe("demo accounts", () => {
  it("give npm start a login for every console role", () => {
    expect([...new Set(DEMO_ACCOUNTS.map((a) => a.role))].sort()).toEqual([...ROLES].sort());
  });

  it("include two committee representatives of different seat-holding countries and a member of a country without a seat", () => {
    const committee = DEMO_ACCOUNTS.filter((a) => a.role === "committee").map((a) => a.countryId);
    const seated = committee.filter((country) => seatCountries.has(country ?? ""));
    expect(new Set(seated).size).toBe(2);
    const member = DEMO_ACCOUNTS.find((a) => a.role === "member");
    expect(member?.countryId).toBeDefined();
    expect(seatCountries.has(member?.countryId ?? "")).toBe(false);
  });

  it("include a representative assigned committee by the member's country, which holds no seat yet", () => {
    const member = DEMO_ACCOUNTS.find((a) => a.role === "member");
    const unseated = DEMO_ACCOUNTS.filter((a) => a.role === "committee" && !seatCountries.has(a.countryId ?? ""));
    expect(unseated.map((a) => a.countryId)).toEqual([member?.countryId]);
  });

  it("are valid accounts linked to a person of their own", () => {
    for (const a of DEMO_ACCOUNTS) {
      expect(
        AccountSchema.safeParse({ id: a.uid, memberId: a.memberId, role: a.role, countryId: a.countryId }).success,
      ).toBe(true);
    }
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.memberId)).size).toBe(DEMO_ACCOUNTS.length);
  });

  it("live on the demo domain, so none can be mistaken for a real member", () => {
    for (const account of DEMO_ACCOUNTS) expect(account.email).toMatch(/@demo\.compraspublicas\.org$/);
  });
});
