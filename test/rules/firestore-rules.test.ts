import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { doc, getDoc, setDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { PUBLIC_COLLECTIONS, ROLES } from "../../functions/src/model/index.js";

let env: RulesTestEnvironment;
const [host = "127.0.0.1", port = "8080"] = (process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080").split(":");

beforeAll(async () => {
  env = await initializeTestEnvironment({
    projectId: "demo-rules",
    firestore: {
      rules: readFileSync(join(import.meta.dirname, "../../firestore.rules"), "utf8"),
      host,
      port: Number(port),
    },
  });
});
afterAll(() => env?.cleanup());
beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    for (const name of PUBLIC_COLLECTIONS) await setDoc(doc(db, name, "x"), { id: "x" });
    await setDoc(doc(db, "memberContacts", "x"), { id: "x", email: "a@example.org" });
    await setDoc(doc(db, "views", "public"), { version: "v" });
  });
});

const as = (role: string | null) =>
  role === null
    ? env.unauthenticatedContext().firestore()
    : env.authenticatedContext(`u-${role}`, { role }).firestore();

describe("firestore rules", () => {
  it("lets every committee role read public content and nobody else", async () => {
    for (const name of PUBLIC_COLLECTIONS) {
      for (const role of ROLES) await assertSucceeds(getDoc(doc(as(role), name, "x")));
      await assertFails(getDoc(doc(as(null), name, "x")));
      await assertFails(getDoc(doc(as("visitor"), name, "x")));
    }
  });

  it("refuses direct client writes to content, for every role", async () => {
    for (const name of PUBLIC_COLLECTIONS) {
      for (const role of [...ROLES, null]) await assertFails(setDoc(doc(as(role), name, "x"), { id: "x" }));
    }
  });

  it("shows private contact details to the secretariat only", async () => {
    await assertSucceeds(getDoc(doc(as("admin"), "memberContacts", "x")));
    for (const role of ["editor", "reviewer", null]) await assertFails(getDoc(doc(as(role), "memberContacts", "x")));
  });

  it("keeps the precomputed views out of clients' reach", async () => {
    for (const role of [...ROLES, null]) {
      await assertFails(getDoc(doc(as(role), "views", "public")));
      await assertFails(setDoc(doc(as(role), "views", "public"), { version: "forged" }));
    }
  });
});
