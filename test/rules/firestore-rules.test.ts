import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { doc, getDoc, setDoc, setLogLevel } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { PUBLIC_COLLECTIONS, ROLES } from "../../functions/src/model/index.js";

let env: RulesTestEnvironment;
const [host = "127.0.0.1", port = "8080"] = (process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080").split(":");

beforeAll(async () => {
  // Denied writes are what these tests expect; the SDK would log each one as a stream error.
  setLogLevel("silent");
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
    await setDoc(doc(db, "jobState", "j"), { had: { "before-90d": 1 } });
    await setDoc(doc(db, "outbox", "m"), { to: { address: "a@example.org" }, delivery: { state: "pending" } });
  });
});

// One client per role for the whole file: creating a client is what costs time here.
const clients = new Map<
  string | null,
  ReturnType<ReturnType<RulesTestEnvironment["unauthenticatedContext"]>["firestore"]>
>();
const as = (role: string | null) => {
  let client = clients.get(role);
  if (!client) {
    client =
      role === null
        ? env.unauthenticatedContext().firestore()
        : env.authenticatedContext(`u-${role}`, { role }).firestore();
    clients.set(role, client);
  }
  return client;
};

describe("firestore rules", () => {
  it("lets every committee role read public content and nobody else", async () => {
    await Promise.all(
      PUBLIC_COLLECTIONS.flatMap((name) => [
        ...ROLES.map((role) => assertSucceeds(getDoc(doc(as(role), name, "x")))),
        assertFails(getDoc(doc(as(null), name, "x"))),
        assertFails(getDoc(doc(as("visitor"), name, "x"))),
      ]),
    );
  });

  it("refuses direct client writes to content, for every role", async () => {
    await Promise.all(
      PUBLIC_COLLECTIONS.flatMap((name) =>
        [...ROLES, null].map((role) => assertFails(setDoc(doc(as(role), name, "x"), { id: "x" }))),
      ),
    );
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

  it("keeps the outbox, with its addresses and delivery state, and the jobs' state out of every client's reach", async () => {
    for (const role of [...ROLES, "secretariat", null]) {
      await assertFails(getDoc(doc(as(role), "jobState", "j")));
      await assertFails(setDoc(doc(as(role), "jobState", "j"), { had: {} }));
      await assertFails(getDoc(doc(as(role), "outbox", "m")));
      await assertFails(setDoc(doc(as(role), "outbox", "m"), { delivery: { state: "sent" } }));
      await assertFails(setDoc(doc(as(role), "outbox", "new"), { to: { address: "relay@example.org" } }));
    }
  });
});
