import { HttpsError } from "firebase-functions/v2/https";
import { describe, expect, it } from "vitest";
import { requireSecretariat } from "./guard.js";

describe("the commitment actions' guard", () => {
  it("lets the secretariat through and refuses everyone else with the matching error", () => {
    expect(requireSecretariat({ uid: "s1", token: { role: "secretariat" } })).toEqual({ uid: "s1" });
    for (const role of ["committee", "member", "admin", undefined]) {
      expect(() => requireSecretariat({ uid: "x", token: { role } }), String(role)).toThrow(
        expect.objectContaining({ code: "permission-denied" }),
      );
    }
    expect(() => requireSecretariat(undefined)).toThrow(HttpsError);
    expect(() => requireSecretariat(undefined)).toThrow(expect.objectContaining({ code: "unauthenticated" }));
  });
});
