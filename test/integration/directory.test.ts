import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleCallables } from "../../functions/src/committee/console-callables.js";
import { JOBS_TIME_ZONE } from "../../functions/src/config.js";
import {
  ACCOUNTS_COLLECTION,
  converterFor,
  DIRECTORY_COLLECTION,
  type DocumentContent,
  type MemberContact,
  OUTBOX_COLLECTION,
  sharedContactOf,
} from "../../functions/src/model/index.js";
import { runDirectoryConfirmations } from "../../functions/src/reminders/directory-confirmations.js";
import { JOB_STATE_COLLECTION } from "../../functions/src/reminders/ledger.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { type CallableProject, type Caller, openCallableProject } from "../support/console-callers.js";
import { emulatorHost } from "../support/emulator-suite.js";
import { jobClock, queuedMessages } from "../support/job-clock.js";
import { bad, callerCases, databaseState, expectEachRefused, fieldCases } from "../support/payload-corpus.js";
import { SEED_DIR } from "../support/seeded-site.js";

// The members' directory played from outside: the demo logins (real ID tokens from the Auth
// emulator) read and write Firestore over its REST API, as any client could, in a project of
// this file's own; the console's callables run in-process with the same tokens.
const PROJECT = "demo-directory";
const SITE = "https://www.compraspublicas.org";
const CONSOLE = "https://console.example.org";

let project: CallableProject;
let db: Firestore;
let now = Date.parse("2026-05-04T12:00:00Z");
const clock = () => new Date(now);
const handlers = consoleCallables(
  () => ({ db, auth: project.auth, clock }),
  () => CONSOLE,
);

const person = (key: string) => {
  const account = DEMO_ACCOUNTS.find((a) => a.uid === `demo-${key}`);
  if (!account) throw new Error(`no demo account ${key}`);
  return account;
};
const MX = person("member-mx");
const CL = person("committee-cl");
const PE = person("committee-pe");
const CL_PHONE = "+56 2 2290 4400";
const PE_PHONE = "+51 1 614 3000";

/** Every demo person as the secretariat records them: Chile shares its address, not its phone; Peru nothing. */
async function resetPeople() {
  for (const account of DEMO_ACCOUNTS) {
    await db
      .collection("members")
      .withConverter(converterFor("members"))
      .doc(account.memberId)
      .set({
        id: account.memberId,
        name: account.name,
        ...(account.countryId ? { countryId: account.countryId } : {}),
        preferredLanguage: "es",
        timeZone: "America/Santiago",
        public: false,
        source: "test/integration/directory.test.ts",
      });
    const contact: MemberContact = {
      id: account.memberId,
      email: account.email,
      ...(account === CL ? { phone: CL_PHONE, share: { email: true, phone: false } } : {}),
      ...(account === PE ? { phone: PE_PHONE } : {}),
    };
    await db.collection("memberContacts").withConverter(converterFor("memberContacts")).doc(contact.id).set(contact);
    await db.collection(DIRECTORY_COLLECTION).doc(contact.id).set(sharedContactOf(contact));
  }
}

beforeAll(async () => {
  project = await openCallableProject(PROJECT, (db) => loadSeed(db, SEED_DIR));
  db = project.db;
  await resetPeople();
});
afterAll(() => project?.close());

// ---- Firestore over REST, as a client with a real login -------------------------------------

const documentsUrl = () =>
  `http://${emulatorHost("FIRESTORE_EMULATOR_HOST")}/v1/projects/${PROJECT}/databases/(default)/documents`;
const bearer = (caller: Caller): Record<string, string> => {
  const token = project.callers.idToken(caller);
  return token ? { authorization: `Bearer ${token}` } : {};
};

async function restGet(caller: Caller, path: string) {
  const response = await fetch(`${documentsUrl()}/${path}`, { headers: bearer(caller) });
  return { status: response.status, body: await response.text() };
}

/** A list query as the SDKs send it (runQuery), optionally filtered on one field's equality. */
async function restList(caller: Caller, collectionId: string, filter?: { field: string; value: string | boolean }) {
  const value = typeof filter?.value === "boolean" ? { booleanValue: filter.value } : { stringValue: filter?.value };
  const structuredQuery = {
    from: [{ collectionId }],
    ...(filter ? { where: { fieldFilter: { field: { fieldPath: filter.field }, op: "EQUAL", value } } } : {}),
  };
  const response = await fetch(`${documentsUrl()}:runQuery`, {
    method: "POST",
    headers: { "content-type": "application/json", ...bearer(caller) },
    body: JSON.stringify({ structuredQuery }),
  });
  return { status: response.status, body: await response.text() };
}

/** A write as a client would send it: the fields as Firestore's REST values. */
async function restPatch(caller: Caller, path: string, fields: Record<string, string>) {
  const response = await fetch(`${documentsUrl()}/${path}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", ...bearer(caller) },
    body: JSON.stringify({
      fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { stringValue: v }])),
    }),
  });
  return response.status;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }),
  );

describe("a member reading the directory", () => {
  it("reads a colleague's shared email, and never their unshared phone, by get or by list", async () => {
    const one = await restGet("member", `${DIRECTORY_COLLECTION}/${CL.memberId}`);
    expect(one.status).toBe(200);
    expect(one.body).toContain(CL.email);
    expect(one.body).not.toContain(CL_PHONE);
    const all = await restList("member", DIRECTORY_COLLECTION);
    expect(all.status).toBe(200);
    expect(all.body).toContain(CL.email);
    for (const secret of [CL_PHONE, PE_PHONE, PE.email]) expect(all.body).not.toContain(secret);
  });

  it("cannot read anyone else's private contact record, by get, by list, or through a filter naming it", async () => {
    for (const caller of ["member", "committee-cl"] as const) {
      const other = caller === "member" ? PE : MX;
      expect((await restGet(caller, `memberContacts/${other.memberId}`)).status).toBe(403);
      expect((await restList(caller, "memberContacts")).status).toBe(403);
      expect((await restList(caller, "memberContacts", { field: "email", value: other.email })).status).toBe(403);
      expect((await restList(caller, "memberContacts", { field: "share.email", value: true })).status).toBe(403);
      expect((await restList(caller, "memberContacts", { field: "id", value: other.memberId })).status).toBe(403);
    }
    // Their own, and the secretariat's whole list, still open.
    const own = await restGet("member", `memberContacts/${MX.memberId}`);
    expect(own.status).toBe(200);
    expect(own.body).toContain(MX.email);
    const secretariat = await restList("secretariat", "memberContacts");
    expect(secretariat.status).toBe(200);
    expect(secretariat.body).toContain(PE_PHONE);
  });
});

describe("a member editing the directory", () => {
  it("cannot write any entry or contact directly, their own included", async () => {
    for (const path of [
      `${DIRECTORY_COLLECTION}/${CL.memberId}`,
      `${DIRECTORY_COLLECTION}/${MX.memberId}`,
      `memberContacts/${MX.memberId}`,
      `members/${CL.memberId}`,
      `members/${MX.memberId}`,
    ]) {
      expect(await restPatch("member", path, { id: path.split("/")[1] ?? "", phone: "+1 555 0100" })).toBe(403);
    }
  });

  it("cannot edit another person's entry through the callables: they take no person, and refuse one", async () => {
    const edit = { name: "Suplantado", languages: ["es"], share: { email: true, phone: true } };
    for (const extra of [{ memberId: CL.memberId }, { id: CL.memberId }, { uid: CL.uid }]) {
      const refused = await refusal(
        handlers.updateDirectoryEntry(project.callers.request("member", { ...edit, ...extra })),
      );
      expect(refused?.code).toBe("invalid-argument");
      expect(await refusal(handlers.confirmDirectoryEntry(project.callers.request("member", extra)))).toMatchObject({
        code: "invalid-argument",
      });
    }
    expect((await db.doc(`members/${CL.memberId}`).get()).get("name")).toBe(CL.name);
    expect((await refusal(handlers.updateDirectoryEntry(project.callers.request("anonymous", edit))))?.code).toBe(
      "unauthenticated",
    );
    expect((await refusal(handlers.updateDirectoryEntry(project.callers.request("no-person", edit))))?.code).toBe(
      "permission-denied",
    );
  });

  it("edits their own entry, field by field what they share, and colleagues read exactly that", async () => {
    const result = await handlers.updateDirectoryEntry(
      project.callers.request("member", {
        name: "Demo Miembro México",
        title: { es: "Jefa de compras electrónicas", en: "Head of e-procurement" },
        languages: ["es", "en", "es"],
        phone: "+52 55 5482 4000",
        share: { email: false, phone: true },
      }),
    );
    expect(result.confirmedAt).toBe(clock().toISOString());
    const member = (await db.doc(`members/${MX.memberId}`).get()).data();
    expect(member).toMatchObject({ languages: ["es", "en"], confirmedAt: clock().toISOString() });
    expect((await db.doc(`${DIRECTORY_COLLECTION}/${MX.memberId}`).get()).data()).toEqual({
      id: MX.memberId,
      phone: "+52 55 5482 4000",
    });
    const seen = await restGet("committee-pe", `${DIRECTORY_COLLECTION}/${MX.memberId}`);
    expect(seen.body).toContain("+52 55 5482 4000");
    expect(seen.body).not.toContain(MX.email);

    // Sharing nothing any more takes both out of the directory at once.
    await handlers.updateDirectoryEntry(
      project.callers.request("member", {
        name: "Demo Miembro México",
        languages: ["es"],
        phone: "+52 55 5482 4000",
        share: { email: false, phone: false },
      }),
    );
    expect((await db.doc(`${DIRECTORY_COLLECTION}/${MX.memberId}`).get()).data()).toEqual({ id: MX.memberId });
    expect((await db.doc(`memberContacts/${MX.memberId}`).get()).get("phone")).toBe("+52 55 5482 4000");
  });

  it("refuses a bad phone beside its field, in the caller's language", async () => {
    const refused = await refusal(
      handlers.updateDirectoryEntry(
        project.callers.request("member", {
          lang: "en",
          name: "Demo Miembro México",
          languages: ["es"],
          phone: "call me",
          share: { email: false, phone: true },
        }),
      ),
    );
    expect(refused?.code).toBe("invalid-argument");
    expect(refused?.message).toContain("phone");
  });

  it("confirms their entry as it stands", async () => {
    now = Date.parse("2026-06-01T15:00:00Z");
    const { confirmedAt } = await handlers.confirmDirectoryEntry(project.callers.request("committee-pe", {}));
    expect(confirmedAt).toBe("2026-06-01T15:00:00.000Z");
    expect((await db.doc(`members/${PE.memberId}`).get()).get("confirmedAt")).toBe(confirmedAt);
    // Confirming changes nothing else, and shares nothing.
    expect((await db.doc(`${DIRECTORY_COLLECTION}/${PE.memberId}`).get()).data()).toEqual({ id: PE.memberId });
  });
});

describe("malformed payloads for one's own directory entry", () => {
  it("updateDirectoryEntry: refuses each of at least 30 with a clear code and message, and writes nothing", async () => {
    const valid = { name: "Demo Miembro México", languages: ["es"], share: { email: false, phone: false } };
    const edit = { ...valid, phone: "+52 55 5482 4000" };
    const cases = [
      ...fieldCases(valid),
      bad("a phone with letters", { ...edit, phone: "call me" }),
      bad("a phone too long", { ...edit, phone: "+1 555 0100 0100 0100 0100 0100" }),
      bad("a phone with a line break", { ...edit, phone: "+52 55\n5482 4000" }),
      bad("a language in capitals", { ...valid, languages: ["ES"] }),
      bad("a language by name", { ...valid, languages: ["english"] }),
      bad("thirteen languages", { ...valid, languages: Array.from({ length: 13 }, () => "es") }),
      bad("an empty title", { ...valid, title: {} }),
      bad("a title in an unknown language", { ...valid, title: { de: "Leiterin" } }),
      bad("a name of 201 characters", { ...valid, name: "n".repeat(201) }),
      bad("a blank name", { ...valid, name: "   " }),
      bad("another person named", { ...valid, memberId: CL.memberId }),
      bad("an email forced in the payload", { ...valid, email: "someone.else@example.org" }),
      bad("a confirmation date forced in the payload", { ...valid, confirmedAt: "2030-01-01T00:00:00.000Z" }),
      bad("an institution forced in the payload", { ...valid, institutionId: "chilecompra" }),
      bad("a country forced in the payload", { ...valid, countryId: "CL" }),
      bad("a third thing to share", { ...valid, share: { email: true, phone: true, address: true } }),
      bad("sharing as text", { ...valid, share: { email: "yes", phone: false } }),
      ...callerCases(valid, ["no-person"]),
    ];
    await expectEachRefused(
      handlers.updateDirectoryEntry,
      cases,
      project.callers,
      () => databaseState(db, PROJECT, project.auth),
      "member",
    );
  });
});

describe("a member's proposals for their own country", () => {
  // The country's profile is a document of kind country-profile, and an institution a record:
  // both already go through draft, review and publication, a member's own country only.
  const profile = (country: string): DocumentContent => ({
    kind: "country-profile",
    title: { es: `Perfil de compras públicas (${country})` },
    summary: { es: "Propuesta de actualización del perfil del país." },
    body: { es: "Texto del perfil." },
    translations: { es: "original" },
    countries: [country],
    topics: [],
    source: "test/integration/directory.test.ts",
  });

  it("lets the member of Mexico propose Mexico's profile for review, and not Chile's", async () => {
    const id = "perfil-mx-propuesta";
    await handlers.saveDraft(project.callers.request("member", { id, document: profile("MX") }));
    const submitted = await handlers.submit(project.callers.request("member", { id, baseVersion: 1 }));
    expect(submitted.status).toBe("in-review");
    const refused = await refusal(
      handlers.saveDraft(project.callers.request("member", { id: "perfil-cl-ajeno", document: profile("CL") })),
    );
    expect(refused?.code).toBe("permission-denied");
    // Publishing stays with the committee.
    expect((await refusal(handlers.publish(project.callers.request("member", { id, baseVersion: 1 }))))?.code).toBe(
      "permission-denied",
    );
  });
});

describe("the yearly confirmation job", () => {
  const job = jobClock("2026-05-04", "08:00");
  const run = () =>
    runDirectoryConfirmations(db, job.now, () => {}, {
      origin: SITE,
      consoleBase: `${CONSOLE}/`,
      timeZone: JOBS_TIME_ZONE,
    });
  const asks = async () =>
    (await queuedMessages(db)).filter((m) => m.message.key.purpose === "directory.confirm").map((m) => m.key);

  beforeAll(async () => {
    await resetPeople();
    for (const doc of (await db.collection(OUTBOX_COLLECTION).get()).docs) await doc.ref.delete();
    await db.collection(JOB_STATE_COLLECTION).doc("directory-confirmations").delete();
    // Peru's representative reads English.
    await db.collection(ACCOUNTS_COLLECTION).doc(PE.uid).update({ lang: "en" });
  });

  it("asks everyone who never confirmed once, and a second run the same day asks nobody again", async () => {
    const first = await run();
    expect(first.queued).toBe(DEMO_ACCOUNTS.length);
    expect((await run()).queued).toBe(0);
    expect((await asks()).sort()).toEqual(
      DEMO_ACCOUNTS.map((a) => `${a.memberId}@2026-01-01 → member:${a.memberId}`).sort(),
    );
    const english = (await queuedMessages(db)).find((m) => m.message.key.recipient === `member:${PE.memberId}`);
    expect(english?.message.subject).toBe("Confirm or update your entry in the Network's directory");
    expect(english?.message.text).toContain(`${CONSOLE}/#/directory/me`);
    expect(english?.message.text).toContain("You have not confirmed it yet.");
  });

  it("asks again a year after a confirmation, on its anniversary and not a day before", async () => {
    now = job.now().getTime();
    await handlers.confirmDirectoryEntry(project.callers.request("member", {}));
    job.set("2027-05-03", "08:00");
    const before = await run();
    // The others, who never confirmed, are asked in the new year; Mexico's anniversary is tomorrow.
    expect(before.asked).not.toContain(`${MX.memberId}@2027-05-04`);
    expect(before.asked).toContain(`${PE.memberId}@2027-01-01`);
    job.set("2027-05-04", "08:00");
    expect((await run()).asked).toEqual([`${MX.memberId}@2027-05-04`]);
    const ask = (await queuedMessages(db)).find((m) => m.message.key.occurrence === `${MX.memberId}@2027-05-04`);
    expect(ask?.message.subject).toBe("Confirme o actualice su ficha en el directorio de la Red");
    expect(ask?.message.text).toContain("La confirmó por última vez el 4 de mayo de 2026.");
    // A late run (the job was down) asks once; a later one nothing.
    job.set("2027-05-09", "08:00");
    expect((await run()).queued).toBe(0);
  });
});
