import { describe, expect, it } from "vitest";
import { sharedContactOf } from "./directory.js";

describe("the directory's projection of a private contact", () => {
  it("holds what the person shares and no key at all for what they keep, so Firestore takes it as it is", () => {
    const contact = { id: "ana-perez", email: "ana@example.org", phone: "+56 2 2290 4400" };
    expect(Object.entries(sharedContactOf(contact))).toEqual([["id", "ana-perez"]]);
    expect(sharedContactOf({ ...contact, share: { email: true, phone: false } })).toEqual({
      id: "ana-perez",
      email: "ana@example.org",
    });
    const both = sharedContactOf({ ...contact, share: { email: true, phone: true } });
    expect(Object.values(both)).not.toContain(undefined);
    expect(both).toEqual({ id: "ana-perez", email: "ana@example.org", phone: "+56 2 2290 4400" });
  });
});
