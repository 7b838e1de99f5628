import { describe, expect, it } from "vitest";
import { ROLES } from "../../functions/src/model/index.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";

describe("demo accounts", () => {
  it("give npm start one login per console role", () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual([...ROLES].sort());
  });

  it("live on the demo domain, so none can be mistaken for a real member", () => {
    for (const account of DEMO_ACCOUNTS) expect(account.email).toMatch(/@demo\.compraspublicas\.org$/);
  });
});
