import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Delegation, delegationId } from "../../functions/src/model/index.js";
import { delegationCallables } from "../../functions/src/registration/delegations/callables.js";
import { registrationId } from "../../functions/src/registration/keys.js";
import { type CallableProject, type Callers, openCallableProject } from "../support/console-callers.js";
import {
  bad,
  type Case,
  callerCases,
  databaseState,
  expectEachRefused,
  fieldCases,
} from "../support/payload-corpus.js";
import { openEvent } from "../support/registration-mail.js";

// Malformed payloads for the delegation callables (delegations-*): each refused with a clear code
// and message, and nothing written anywhere; then the well-formed ones go through. Chile's and
// Peru's committee logins name their own countries' delegations; the secretariat decides.
const PROJECT = "demo-delegation-corpus";
const KEY = "delegation-corpus-key-0123456789abcdef0123456789";
const NOW = new Date("2026-12-05T10:00:00Z");
const EVENT = "corpus-conference";
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const handlers = delegationCallables(() => ({ db, clock: () => NOW, key: KEY }));

const person = (n: string, role: "head" | "delegate" = "delegate") => ({
  name: `Persona ${n}`,
  address: `persona-${n}@example.org`,
  institution: "Dirección de Compras",
  lang: "es",
  role,
});

/** A delegation as the callables store it, for the fixtures. */
const delegation = (country: string, state: Delegation["state"], heads: number): Delegation => ({
  eventId: EVENT,
  country,
  state,
  people: Array.from({ length: heads + 1 }, (_, i) => {
    const p = person(`${country}-${i}`, i < heads ? "head" : "delegate");
    return {
      ...p,
      lang: "es" as const,
      id: registrationId(KEY, EVENT, p.address),
      state: "invited" as const,
      invitedAtMs: NOW.getTime(),
      namedBy: { memberId: "someone", role: "committee" as const },
    };
  }),
  updatedBy: { memberId: "someone", role: "committee" },
  createdAtMs: NOW.getTime(),
  updatedAtMs: NOW.getTime(),
});

beforeAll(async () => {
  project = await openCallableProject(PROJECT, async (db) => {
    await openEvent(
      db,
      EVENT,
      100,
      NOW,
      {
        title: { es: "Conferencia del corpus" },
        start: "2027-04-10",
        end: "2027-04-12",
        source: "test/integration/delegation-payload-corpus.test.ts",
      },
      { closesAtMs: NOW.getTime() + 60 * 86_400_000, categories: ["delegate", "observer"], countryQuota: 3 },
    );
    // Chile's is with the secretariat; Peru's is a draft with two heads, then with one.
    await db.doc(`delegations/${delegationId(EVENT, "CL")}`).set(delegation("CL", "submitted", 1));
    await db.doc(`delegations/${delegationId(EVENT, "PE")}`).set(delegation("PE", "draft", 2));
  });
  ({ db, callers } = project);
});
afterAll(() => project?.close());

const state = () => databaseState(db, PROJECT, project.auth);

describe("malformed payloads for the delegation callables", () => {
  it("save: refuses each of at least 30 with a clear code and message, and writes nothing", async () => {
    const valid = { eventId: EVENT, country: "PE", people: [person("a", "head"), person("b")] };
    const one = (name: string, fields: Record<string, unknown>) =>
      bad(name, { ...valid, people: [{ ...person("a", "head"), ...fields }] });
    const cases: Case[] = [
      ...fieldCases(valid),
      bad("two heads", { ...valid, people: [person("a", "head"), person("b", "head")] }),
      bad("one address twice, in another case", {
        ...valid,
        people: [person("a"), { ...person("b"), address: "PERSONA-A@example.org " }],
      }),
      one("a line break in the name", { name: "Ana\r\nBcc: x@example.org" }),
      one("an empty name", { name: "   " }),
      one("not an address", { address: "ana at example" }),
      one("a line break in the address", { address: "ana@example.org\nbcc@example.org" }),
      one("an unknown language", { lang: "de" }),
      one("a role that is not a delegation's", { role: "secretariat" }),
      one("an answer forced in the payload", { state: "accepted" }),
      one("an id forced in the payload", { id: "0".repeat(32) }),
      one("an oversized institution", { institution: "i".repeat(301) }),
      bad("a state forced in the payload", { ...valid, state: "accredited" }),
      bad("a lower-case country", { ...valid, country: "pe" }),
      bad("an event that is not a slug", { ...valid, eventId: "../events/x" }),
      bad("over the quota", { ...valid, people: ["a", "b", "c", "d"].map((n) => person(n)) }, "failed-precondition"),
      bad("an event taking no registrations", { ...valid, eventId: "no-such-event" }, "failed-precondition"),
      bad("another country's delegation", { ...valid, country: "CL" }, "permission-denied"),
      ...callerCases(valid, ["no-person", "member", "committee-cl", "secretariat"]),
    ];
    await expectEachRefused(handlers.save, cases, callers, state, "committee-pe");
  });

  it("submit: refuses each of at least 30, a delegation with two heads included, and writes nothing", async () => {
    const valid = { eventId: EVENT, country: "PE" };
    const cases: Case[] = [
      ...fieldCases(valid),
      bad("a state forced in the payload", { ...valid, state: "submitted" }),
      bad("two heads of delegation", valid, "failed-precondition"),
      bad("another country's", { ...valid, country: "CL" }, "permission-denied"),
      bad("a delegation never named", { ...valid, eventId: "no-such-event" }, "failed-precondition"),
      ...callerCases(valid, ["no-person", "member", "committee-cl", "secretariat"]),
    ];
    await expectEachRefused(handlers.submit, cases, callers, state, "committee-pe");
  });

  it("decide: refuses each of at least 30, a return without a reason included, and writes nothing", async () => {
    const valid = { eventId: EVENT, country: "CL", decision: "accredit" };
    const cases: Case[] = [
      ...fieldCases(valid),
      bad("an unknown decision", { ...valid, decision: "approve" }),
      bad("a return without a reason", { ...valid, decision: "return" }),
      bad("a return with a blank reason", { ...valid, decision: "return", reason: "  " }),
      bad("a delegation still in draft", { ...valid, country: "PE" }, "failed-precondition"),
      bad("a delegation never named", { ...valid, country: "MX" }, "not-found"),
      ...callerCases(valid, ["no-person", "member", "committee-cl", "committee-pe"]),
    ];
    await expectEachRefused(handlers.decide, cases, callers, state, "secretariat");
  });

  it("takes the same payloads, well formed, from the country's own representative and the secretariat", async () => {
    const pe = (data: unknown) => callers.request("committee-pe", data);
    const saved = await handlers.save(
      pe({ eventId: EVENT, country: "PE", people: [person("a", "head"), person("b")] }),
    );
    expect(saved.delegation.people.map((p) => p.role)).toEqual(["head", "delegate"]);
    expect((await handlers.submit(pe({ eventId: EVENT, country: "PE" }))).delegation.state).toBe("submitted");
    const secretariat = (data: unknown) => callers.request("secretariat", data);
    const returned = await handlers.decide(
      secretariat({ eventId: EVENT, country: "PE", decision: "return", reason: "the head's institution is missing" }),
    );
    expect(returned.delegation).toMatchObject({ state: "returned", returnReason: "the head's institution is missing" });
    expect(
      (await handlers.decide(secretariat({ eventId: EVENT, country: "CL", decision: "accredit" }))).delegation.state,
    ).toBe("accredited");
  });
});

describe("malformed payloads for withdrawing a person from a delegation", () => {
  // Withdrawing a delegate who accepted emails them: these handlers queue mail as the deployed ones do.
  const mailing = delegationCallables(() => ({
    db,
    clock: () => NOW,
    key: KEY,
    sender: "Red <red@example.org>",
    notices: {
      log: () => {},
      siteOrigin: "https://www.example.org",
      consoleBase: "https://console.example.org",
      sealKey: "delegation-corpus-seal-0123456789abcdef0123456789",
    },
  }));
  const peruvian = registrationId(KEY, EVENT, person("b").address);

  it("withdraw: refuses each of at least 30, another country's person and a person never named included, and writes nothing", async () => {
    const valid = { eventId: EVENT, country: "PE", personId: peruvian };
    const chilean = registrationId(KEY, EVENT, person("CL-1").address);
    const cases: Case[] = [
      ...fieldCases(valid),
      bad("a person id that is not one", { ...valid, personId: "../registrations/x" }),
      bad("an upper-case person id", { ...valid, personId: peruvian.toUpperCase() }),
      bad("an answer forced in the payload", { ...valid, state: "declined" }),
      bad("a list of people instead of one", { ...valid, personId: [peruvian] }),
      bad("a lower-case country", { ...valid, country: "pe" }),
      bad("another country's delegation", { ...valid, country: "CL", personId: chilean }, "permission-denied"),
      bad("a person of another country's delegation", { ...valid, personId: chilean }, "failed-precondition"),
      bad("a person never named", { ...valid, personId: "f".repeat(32) }, "failed-precondition"),
      bad("an event that does not exist", { ...valid, eventId: "no-such-event" }, "not-found"),
      ...callerCases(valid, ["no-person", "member", "committee-cl", "secretariat"]),
    ];
    await expectEachRefused(mailing.withdraw, cases, callers, state, "committee-pe");
  });

  it("takes the well-formed withdrawal from the country's own representative, and audits it", async () => {
    const before = await db.doc(`delegations/${delegationId(EVENT, "PE")}`).get();
    expect((before.data() as Delegation).people.map((p) => p.id)).toContain(peruvian);
    const withdrawn = await mailing.withdraw(
      callers.request("committee-pe", { eventId: EVENT, country: "PE", personId: peruvian }),
    );
    expect(withdrawn.delegation.people.map((p) => p.id)).not.toContain(peruvian);
    // Returned to its country before: it stays the country's to complete and submit again.
    expect(withdrawn.delegation.state).toBe("returned");
    const audit = await db.collection("audit").where("action", "==", "delegation.withdraw").get();
    expect(audit.docs.map((d) => d.get("target.id"))).toEqual([delegationId(EVENT, "PE")]);
  });
});

describe("malformed payloads for naming someone into an accredited delegation", () => {
  // Mexico's is accredited: its head declined, its delegate accepted and is accredited.
  const MX = delegationId(EVENT, "MX");
  const [declinedHead, acceptedDelegate] = [person("MX-0", "head"), person("MX-1")];
  const newcomer = person("MX-new");
  beforeAll(async () => {
    const accredited = delegation("MX", "accredited", 1);
    accredited.people = accredited.people.map((p, i) => ({
      ...p,
      state: i === 0 ? ("declined" as const) : ("accepted" as const),
      answeredAtMs: NOW.getTime(),
    }));
    await db.doc(`delegations/${MX}`).set(accredited);
  });

  it("save: refuses each of at least 30, a flag forced, an answered person changed and no head included, and writes nothing", async () => {
    const valid = { eventId: EVENT, country: "MX", people: [declinedHead, acceptedDelegate, newcomer] };
    const cases: Case[] = [
      ...fieldCases(valid),
      bad("the accreditation flag forced in the payload", {
        ...valid,
        people: [declinedHead, acceptedDelegate, { ...newcomer, awaitingAccreditation: true }],
      }),
      bad(
        "an accepted person renamed",
        { ...valid, people: [declinedHead, { ...acceptedDelegate, name: "Otra Persona" }, newcomer] },
        "failed-precondition",
      ),
      bad(
        "an accepted person made head",
        {
          ...valid,
          people: [
            { ...declinedHead, role: "delegate" },
            { ...acceptedDelegate, role: "head" },
          ],
        },
        "failed-precondition",
      ),
      bad("no head left", { ...valid, people: [acceptedDelegate, newcomer] }, "failed-precondition"),
      bad(
        "over the quota",
        { ...valid, people: [declinedHead, acceptedDelegate, ...["x", "y", "z"].map((n) => person(n))] },
        "failed-precondition",
      ),
      bad("an accepted person removed", { ...valid, people: [declinedHead, newcomer] }, "failed-precondition"),
      ...callerCases(valid, ["no-person", "committee-cl", "committee-pe", "secretariat"]),
    ];
    await expectEachRefused(handlers.save, cases, callers, state, "member");
  });

  it("takes the newcomer, awaiting accreditation, and the secretariat accredits only them", async () => {
    const saved = await handlers.save(
      callers.request("member", { eventId: EVENT, country: "MX", people: [declinedHead, acceptedDelegate, newcomer] }),
    );
    expect(saved.invited).toBe(1);
    expect(saved.delegation.state).toBe("accredited");
    expect(saved.delegation.people.map((p) => p.awaitingAccreditation)).toEqual([undefined, undefined, true]);
    const secretariat = (data: unknown) => callers.request("secretariat", data);
    const refused = handlers.decide(
      secretariat({ eventId: EVENT, country: "MX", decision: "return", reason: "not this one" }),
    );
    await expect(refused).rejects.toMatchObject({ code: "failed-precondition" });
    const accredited = await handlers.decide(secretariat({ eventId: EVENT, country: "MX", decision: "accredit" }));
    expect(accredited.delegation.state).toBe("accredited");
    expect(accredited.delegation.people.some((p) => p.awaitingAccreditation)).toBe(false);
  });
});
