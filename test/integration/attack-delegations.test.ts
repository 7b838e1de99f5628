import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayIn } from "../../functions/src/calendar/days.js";
import { REGION } from "../../functions/src/config.js";
import {
  converterFor,
  type DelegateInput,
  type Delegation,
  delegationId,
  OUTBOX_COLLECTION,
  type Registration,
} from "../../functions/src/model/index.js";
import { outboxId } from "../../functions/src/notify/outbox.js";
import { answerHref, newAnswerToken } from "../../functions/src/registration/delegations/answer-links.js";
import { registrationId } from "../../functions/src/registration/keys.js";
import { type Caller, type Callers, DEMO_PROJECT, demoCallers } from "../support/console-callers.js";
import { emulatorHost, HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";
import { firestoreRest } from "../support/firestore-rest.js";
import { elementsOf, formsOf, textOf } from "../support/html.js";
import { FORUM_AND_PRIVATE_MEETING, openEvent } from "../support/registration-mail.js";

// Country delegations, played from outside as an attacker would: the delegations-* callables over
// HTTP to the Functions emulator with the demo logins' real tokens, Firestore over REST with the
// same tokens, and the answer page through the Hosting emulator. The demo logins: Mexico's member,
// the committee representatives of Chile and Peru, the secretariat. Next to each refused attack the
// legitimate path works: Chile's representative names Chile's delegation, a person accepts, the
// secretariat accredits.
const FUNCTIONS = "http://127.0.0.1:5001";
const RUN = randomBytes(4).toString("hex");
const EVENT = `deleg-attack-${RUN}`;
// The emulated functions' own key: the test reads the invitation's link as the person's mailbox would.
const KEY =
  parseEnv(readFileSync(join(import.meta.dirname, "../../functions/.secret.local"), "utf8")).REGISTRATION_KEY ?? "";
const CL = delegationId(EVENT, "CL");
const MX = delegationId(EVENT, "MX");
const QUOTA = 4;

const app = initializeApp({ projectId: DEMO_PROJECT }, `attack-delegations-${RUN}`);
const db = getFirestore(app);
let callers: Callers;
let rest: ReturnType<typeof firestoreRest>;

interface CallResult {
  result?: unknown;
  error?: { status: string; message: string; details?: { key?: string } };
}

async function call(name: string, caller: Caller, data: unknown): Promise<CallResult> {
  const idToken = callers.idToken(caller);
  const response = await fetch(`${FUNCTIONS}/${DEMO_PROJECT}/${REGION}/delegations-${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(idToken ? { Authorization: `Bearer ${idToken}` } : {}) },
    body: JSON.stringify({ data }),
  });
  return (await response.json()) as CallResult;
}

const person = (n: string, fields: Partial<DelegateInput> = {}): DelegateInput => ({
  name: `Persona ${n}`,
  address: `deleg-${RUN}-${n}@example.org`,
  institution: "Dirección ChileCompra",
  lang: "es",
  role: "delegate",
  ...fields,
});
const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)> Ana "Ñ" O'Brien`;
const head = person("head", { role: "head", name: HOSTILE, lang: "en" });
const second = person("second");
const third = person("third", { lang: "fr" });

const stored = async (id: string) =>
  (await db.collection("delegations").doc(id).get()).data() as Delegation | undefined;
const personId = (p: DelegateInput) => registrationId(KEY, EVENT, p.address);
/** The link the person's invitation carries, as their mailbox would show it. */
async function linkOf(p: DelegateInput, delegation = CL) {
  const named = (await stored(delegation))?.people.find((x) => x.id === personId(p));
  if (!named) throw new Error(`${p.name} is not named`);
  return { d: delegation, p: named.id, t: newAnswerToken(KEY, delegation, named.id, named.invitedAtMs) };
}
const page = (link: { d: string; p: string; t: string }, lang = "es") =>
  fetch(`${HOSTING_ORIGIN}${answerHref(lang as "es", { delegationId: link.d, personId: link.p, token: link.t })}`, {
    redirect: "manual",
  });
const answer = (link: { d: string; p: string; t: string }, choice: string, lang = "es") =>
  fetch(`${HOSTING_ORIGIN}/${lang}/delegations/answer`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: HOSTING_ORIGIN },
    body: new URLSearchParams({ ...link, answer: choice }),
    redirect: "manual",
  });
const registration = async (p: DelegateInput) =>
  (await db.collection("registrations").doc(personId(p)).get()).data() as Registration | undefined;

beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  callers = await demoCallers();
  rest = firestoreRest(DEMO_PROJECT, callers);
  const now = Date.now();
  // Hosted by Chile, which holds a seat already: the event moves no seat of the demo logins.
  await openEvent(
    db,
    EVENT,
    50,
    new Date(now),
    {
      title: { es: `Conferencia de delegaciones ${RUN}`, en: `Delegations conference ${RUN}` },
      start: "2027-04-10",
      end: "2027-04-12",
      sessions: FORUM_AND_PRIVATE_MEETING,
      source: "Written by test/integration/attack-delegations.test.ts",
    },
    {
      closesAtMs: now + 30 * 86_400_000,
      categories: ["delegate", "observer"],
      privateSessions: [1],
      countryQuota: QUOTA,
    },
  );
});

afterAll(async () => {
  await Promise.all([
    db.doc(`events/${EVENT}`).delete(),
    db.doc(`registrationSettings/${EVENT}`).delete(),
    db.doc(`registrationCounters/${EVENT}`).delete(),
    db.doc(`delegations/${CL}`).delete(),
    db.doc(`delegations/${MX}`).delete(),
  ]);
  const registrations = await db.collection("registrations").where("eventId", "==", EVENT).get();
  const audit = await db.collection("audit").where("target.collection", "==", "delegations").get();
  await Promise.all([
    ...registrations.docs.map((d) => d.ref.delete()),
    ...audit.docs.filter((d) => String(d.get("target.id")).startsWith(EVENT)).map((d) => d.ref.delete()),
  ]);
  await callers?.close();
  await deleteApp(app);
});

describe("a country's delegation, from outside", () => {
  it("lets only Chile's own representative name Chile's delegation: another country's member or committee, the secretariat and nobody are refused", async () => {
    const payload = { lang: "en", eventId: EVENT, country: "CL", people: [head, second] };
    for (const caller of ["member", "committee-pe", "secretariat", "no-person", "anonymous"] as const) {
      const refused = await call("save", caller, payload);
      expect(refused.error?.status, caller).toMatch(/PERMISSION_DENIED|UNAUTHENTICATED/);
      expect(refused.result).toBeUndefined();
    }
    expect(await stored(CL)).toBeUndefined();
    const saved = await call("save", "committee-cl", payload);
    expect(saved.error).toBeUndefined();
    expect(saved.result).toMatchObject({ invited: 2, delegation: { country: "CL", state: "draft" } });
    const delegation = await stored(CL);
    expect(delegation?.people.map((p) => [p.role, p.state])).toEqual([
      ["head", "invited"],
      ["delegate", "invited"],
    ]);
    // The person who named them, never an account.
    expect(delegation?.updatedBy).toEqual({ memberId: expect.any(String), role: "committee" });
    expect(JSON.stringify(delegation)).not.toMatch(/"uid"/);
  });

  it("lets nobody read another country's delegation, through the callable or Firestore, nor write one directly", async () => {
    const mexico = (await call("list", "member", { lang: "en" })).result as {
      events: { eventId: string; quota: number | null; delegations: Delegation[] }[];
    };
    const seen = mexico.events.find((e) => e.eventId === EVENT);
    expect(seen).toMatchObject({ quota: QUOTA, delegations: [] });
    expect(JSON.stringify(mexico)).not.toContain(second.address);
    const peru = (await call("list", "committee-pe", {})).result as typeof mexico;
    expect(peru.events.find((e) => e.eventId === EVENT)?.delegations.map((d) => d.country)).toEqual(["CL"]);

    expect((await rest.get("member", `delegations/${CL}`)).status).toBe(403);
    expect((await rest.get("anonymous", `delegations/${CL}`)).status).toBe(403);
    expect((await rest.list("member", "delegations")).status).toBe(403);
    expect((await rest.list("member", "delegations", { field: "country", op: "EQUAL", value: "CL" })).status).toBe(403);
    expect((await rest.get("committee-pe", `delegations/${CL}`)).status).toBe(200);
    expect((await rest.list("member", "delegations", { field: "country", op: "EQUAL", value: "MX" })).status).toBe(200);
    // Even its own country's representative cannot write the document: the callables are the only way.
    const token = callers.idToken("committee-cl");
    const forged = await fetch(
      `http://${emulatorHost("FIRESTORE_EMULATOR_HOST")}/v1/projects/${DEMO_PROJECT}/databases/(default)/documents/delegations/${CL}?updateMask.fieldPaths=state`,
      {
        method: "PATCH",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ fields: { state: { stringValue: "accredited" } } }),
      },
    );
    expect(forged.status).toBe(403);
    expect((await stored(CL))?.state).toBe("draft");
  });

  it("refuses a delegation beyond the country's quota, and takes one at the quota", async () => {
    const people = [head, second, third, person("fourth"), person("fifth")];
    const over = await call("save", "committee-cl", { lang: "en", eventId: EVENT, country: "CL", people });
    expect(over.error?.status).toBe("FAILED_PRECONDITION");
    expect(over.error?.details?.key).toBe("console.delegation.quota");
    expect(over.error?.message).toContain(String(QUOTA));
    expect((await stored(CL))?.people).toHaveLength(2);
    const atQuota = await call("save", "committee-cl", {
      lang: "en",
      eventId: EVENT,
      country: "CL",
      people: people.slice(0, QUOTA),
    });
    expect(atQuota.error).toBeUndefined();
    // Only the two people named now are invited; the others keep their invitation.
    expect(atQuota.result).toMatchObject({ invited: 2 });
    const back = await call("save", "committee-cl", {
      lang: "en",
      eventId: EVENT,
      country: "CL",
      people: [head, second, third],
    });
    expect(back.result).toMatchObject({ invited: 0 });
  });

  it("queues each person's invitation exactly once, in their language, with the name inert", async () => {
    const delegation = await stored(CL);
    const named = delegation?.people.find((p) => p.id === personId(head));
    expect(named).toBeDefined();
    const id = outboxId({
      purpose: "delegation-invitation",
      recipient: `delegate:${CL}:${named?.id}`,
      occurrence: String(named?.invitedAtMs),
    });
    const queued = await db.collection(OUTBOX_COLLECTION).doc(id).get();
    expect(queued.exists).toBe(true);
    expect(queued.get("lang")).toBe("en");
    const copies = await db
      .collection(OUTBOX_COLLECTION)
      .where("key.recipient", "==", `delegate:${CL}:${named?.id}`)
      .get();
    expect(copies.size).toBe(1);
    const html = String(queued.get("html") ?? "");
    if (html) {
      expect(
        elementsOf(html).some(
          (e) => e.tagName === "script" || (e.tagName === "img" && e.attrs.some((a) => a.name === "onerror")),
        ),
      ).toBe(false);
      // The link's token is sealed: the stored message does not hold it.
      expect(html).not.toContain((await linkOf(head)).t);
    }
  });

  it("shows the answer page privately, the name as text, with a button for each answer", async () => {
    const response = await page(await linkOf(head), "en");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const body = await response.text();
    const elements = elementsOf(body);
    expect(elements.some((e) => e.tagName === "img" && e.attrs.some((a) => a.name === "onerror"))).toBe(false);
    expect(elements.filter((e) => e.tagName === "script").every((e) => !textOf(e).includes("alert"))).toBe(true);
    const said = elements
      .filter((e) => e.tagName === "h1" || e.tagName === "p")
      .map(textOf)
      .join(" ");
    expect(said).toContain("<script>alert(1)</script>");
    const forms = formsOf(body).filter((f) => f.fields.t !== undefined);
    expect(forms).toHaveLength(1);
    expect(
      elements
        .filter((e) => e.tagName === "button" && e.attrs.some((a) => a.name === "value"))
        .map((e) => e.attrs.find((a) => a.name === "value")?.value),
    ).toEqual(["accept", "decline"]);
    // What the person needs to decide: when the event is, and its page with the programme.
    expect(said).toMatch(/Dates: April 10\s*–\s*12, 2027\./);
    const links = elements.filter((e) => e.tagName === "a").map((e) => e.attrs.find((a) => a.name === "href")?.value);
    expect(links).toContain(`/en/events/${EVENT}`);
  });

  it("refuses a token for another person, a forged one and one from before a person was named again", async () => {
    const mine = await linkOf(head);
    const theirs = await linkOf(second);
    for (const link of [
      { ...theirs, t: mine.t },
      { ...mine, t: `${mine.t.slice(0, -2)}AA` },
      { ...mine, d: MX },
      { d: "../accounts/x", p: mine.p, t: mine.t },
    ]) {
      expect((await page(link)).status).toBe(400);
      expect((await answer(link, "accept")).status).toBe(400);
    }
    expect((await registration(second))?.category).toBeUndefined();
    // A person removed and named again gets a new invitation; the old link no longer answers.
    const old = await linkOf(third);
    await call("save", "committee-cl", { lang: "en", eventId: EVENT, country: "CL", people: [head, second] });
    await call("save", "committee-cl", { lang: "en", eventId: EVENT, country: "CL", people: [head, second, third] });
    const renewed = await linkOf(third);
    if (renewed.t !== old.t) expect((await answer(old, "accept")).status).toBe(400);
    expect((await stored(CL))?.people.find((p) => p.id === renewed.p)?.state).toBe("invited");
  });

  it("makes an accepting person a delegate who takes a place in order, and answers a reused link with the answer already given", async () => {
    const link = await linkOf(head);
    const accepted = await answer(link, "accept", "en");
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("cache-control")).toBe("no-store");
    // Accepting promises no place: places go in the order of confirmation, as for everyone.
    const acceptedPage = elementsOf(await accepted.text());
    expect(
      acceptedPage
        .filter((e) => e.tagName === "p")
        .map(textOf)
        .join(" "),
    ).toContain("an email will give you your place or, if none is left, your position on the waiting list");
    const held = await eventually(
      async () => {
        const r = await registration(head);
        return r?.status.state === "confirmed" || r?.status.state === "waitlisted" ? r : undefined;
      },
      "the allocator's decision on the delegate",
      80_000,
    );
    expect(held).toMatchObject({ category: "delegate", delegationOf: "CL", eventId: EVENT, sessions: [0, 1] });
    expect(held.accredited).toBeUndefined();
    // The same link again: nothing changes, a second registration cannot exist.
    expect((await answer(link, "decline", "en")).status).toBe(400);
    expect((await stored(CL))?.people.find((p) => p.id === link.p)?.state).toBe("accepted");
    // Someone who accepted cannot be removed by the country.
    const removal = await call("save", "committee-cl", {
      lang: "en",
      eventId: EVENT,
      country: "CL",
      people: [second, third],
    });
    expect(removal.error?.details?.key).toBe("console.delegation.acceptedStays");
  }, 90_000);

  it("refuses accepting after declining", async () => {
    const link = await linkOf(second);
    expect((await answer(link, "decline")).status).toBe(200);
    const again = await answer(link, "accept");
    expect(again.status).toBe(400);
    expect(await registration(second)).toBeUndefined();
    expect((await stored(CL))?.people.find((p) => p.id === link.p)?.state).toBe("declined");
  });

  it("no longer counts a person who declined against the quota, and still refuses one too many", async () => {
    // Head (accepted), second (declined), third: three named, two counted.
    const named = [head, second, third];
    const save = (people: DelegateInput[]) =>
      call("save", "committee-cl", { lang: "en", eventId: EVENT, country: "CL", people });
    const full = await save([...named, person("fourth"), person("fifth")]);
    expect(full.error).toBeUndefined();
    expect(full.result).toMatchObject({ invited: 2 });
    expect((await stored(CL))?.people.map((p) => p.state)).toEqual([
      "accepted",
      "declined",
      "invited",
      "invited",
      "invited",
    ]);
    const over = await save([...named, person("fourth"), person("fifth"), person("sixth")]);
    expect(over.error?.details?.key).toBe("console.delegation.quota");
    expect((await stored(CL))?.people).toHaveLength(5);
    // Back to the three, for the accreditation below.
    expect((await save(named)).error).toBeUndefined();
  });

  it("lets only the secretariat accredit, and accreditation reaches the delegates' registrations", async () => {
    const target = { lang: "en", eventId: EVENT, country: "CL" };
    // Peru's committee cannot submit Chile's delegation; Chile's can.
    expect((await call("submit", "committee-pe", target)).error?.status).toBe("PERMISSION_DENIED");
    expect((await call("submit", "committee-cl", target)).error).toBeUndefined();
    for (const caller of ["member", "committee-cl", "committee-pe"] as const) {
      const refused = await call("decide", caller, { ...target, decision: "accredit" });
      expect(refused.error?.status, caller).toBe("PERMISSION_DENIED");
    }
    expect((await stored(CL))?.state).toBe("submitted");
    // Once submitted the country cannot change it.
    const locked = await call("save", "committee-cl", { ...target, people: [head, second, third] });
    expect(locked.error?.details?.key).toBe("console.delegation.locked");
    // The head accepted earlier: the allocator gives them a place before the secretariat decides.
    await eventually(
      async () => ((await registration(head))?.status.state === "confirmed" ? true : undefined),
      "the head's place",
    );
    const accredited = await call("decide", "secretariat", { ...target, decision: "accredit" });
    expect(accredited.error).toBeUndefined();
    expect((await stored(CL))?.state).toBe("accredited");
    expect(await registration(head)).toMatchObject({ accredited: true, delegationOf: "CL" });
    // The head is told once, in their language, that they now hold the private session.
    const told = await db
      .collection(OUTBOX_COLLECTION)
      .where("key.recipient", "==", `registration:${personId(head)}`)
      .get();
    const accreditation = told.docs.filter((d) => d.get("key.purpose") === "registration.accredited");
    expect(accreditation).toHaveLength(1);
    expect(accreditation[0]?.get("lang")).toBe("en");
    const text = String(accreditation[0]?.get("text"));
    expect(text).toContain("accredited the delegation of Chile");
    expect(text).toContain(
      "As an accredited delegate, you hold a place in the private sessions: Reunión de jefes de agencia.",
    );
    // The name typed into the console stays text in the HTML part.
    expect(elementsOf(String(accreditation[0]?.get("html") ?? "")).some((e) => e.tagName === "script")).toBe(false);
    // Someone who accepts after the accreditation is accredited when they accept.
    expect((await answer(await linkOf(third), "accept")).status).toBe(200);
    expect(await registration(third)).toMatchObject({ accredited: true, category: "delegate" });
    // Nothing is decided twice.
    const twice = await call("decide", "secretariat", { ...target, decision: "return", reason: "again" });
    expect(twice.error?.details?.key).toBe("console.delegation.notSubmitted");
  });

  it("lets Mexico's member name Mexico's delegation and no other", async () => {
    const mexico = { lang: "es", eventId: EVENT, country: "MX", people: [person("mx", { role: "head" })] };
    expect((await call("save", "committee-cl", mexico)).error?.status).toBe("PERMISSION_DENIED");
    const saved = await call("save", "member", mexico);
    expect(saved.error).toBeUndefined();
    const listed = (await call("list", "member", {})).result as {
      events: { eventId: string; delegations: Delegation[] }[];
    };
    expect(listed.events.find((e) => e.eventId === EVENT)?.delegations.map((d) => d.country)).toEqual(["MX"]);
    expect((await rest.get("member", `delegations/${MX}`)).status).toBe(200);
  });
});

describe("withdrawing a person from a delegation, from outside", () => {
  const withdraw = (caller: Caller, country: string, p: DelegateInput, event = EVENT) =>
    call("withdraw", caller, { lang: "en", eventId: event, country, personId: registrationId(KEY, event, p.address) });
  const mailsTo = async (id: string, purpose: string) =>
    (await db.collection(OUTBOX_COLLECTION).where("key.recipient", "==", `registration:${id}`).get()).docs.filter(
      (d) => d.get("key.purpose") === purpose,
    );

  it("lets only Chile's own representatives withdraw a person of Chile's delegation, and takes theirs", async () => {
    // Chile's delegation is accredited: head and third accepted, second declined.
    for (const caller of ["member", "committee-pe", "secretariat", "no-person", "anonymous"] as const) {
      const refused = await withdraw(caller, "CL", second);
      expect(refused.error?.status, caller).toMatch(/PERMISSION_DENIED|UNAUTHENTICATED/);
      expect(refused.result).toBeUndefined();
    }
    // Chile's representative reaches no other country's person, even through Chile's own delegation.
    const mexican = person("mx", { role: "head" });
    expect((await withdraw("committee-cl", "MX", mexican)).error?.status).toBe("PERMISSION_DENIED");
    expect((await withdraw("committee-cl", "CL", mexican)).error?.details?.key).toBe("console.delegation.personGone");
    expect((await stored(MX))?.people).toHaveLength(1);
    expect((await stored(CL))?.people).toHaveLength(3);
    // No direct write either: the callable is the only way.
    const token = callers.idToken("committee-cl");
    const forged = await fetch(
      `http://${emulatorHost("FIRESTORE_EMULATOR_HOST")}/v1/projects/${DEMO_PROJECT}/databases/(default)/documents/delegations/${CL}?updateMask.fieldPaths=people`,
      {
        method: "PATCH",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ fields: { people: { arrayValue: { values: [] } } } }),
      },
    );
    expect(forged.status).toBe(403);

    const taken = await withdraw("committee-cl", "CL", second);
    expect(taken.error).toBeUndefined();
    const after = await stored(CL);
    expect(after?.people.map((p) => p.id)).not.toContain(personId(second));
    // Accredited it stays, for the people left; the list saved still keeps whoever accepted.
    expect(after?.state).toBe("accredited");
    const kept = await call("save", "committee-cl", { lang: "en", eventId: EVENT, country: "CL", people: [head] });
    expect(kept.error?.details?.key).toBe("console.delegation.acceptedStays");
    // Who did it and when, as a person.
    const audit = await db.collection("audit").where("action", "==", "delegation.withdraw").get();
    const entry = audit.docs.find((d) => d.get("target.id") === CL);
    expect(entry?.get("actor")).toMatchObject({ role: "committee", memberId: expect.any(String) });
    expect(entry?.get("at")).toEqual(expect.any(String));
    // Someone who had declined holds nothing: nobody is mailed.
    expect(await mailsTo(personId(second), "registration.withdrawn")).toHaveLength(0);
  });

  it("ends the registration of a delegate who accepted, tells them once in their language, and voids their link", async () => {
    const held = await eventually(
      async () => ((await registration(third))?.status.state === "confirmed" ? true : undefined),
      "third's place",
      80_000,
    );
    expect(held).toBe(true);
    const link = await linkOf(third);
    const taken = await withdraw("committee-cl", "CL", third);
    expect(taken.error).toBeUndefined();
    expect((await registration(third))?.status).toMatchObject({ state: "cancelled", from: "confirmed", by: "country" });
    // The head keeps their place and accreditation.
    expect(await registration(head)).toMatchObject({ accredited: true, status: { state: "confirmed" } });
    const told = await mailsTo(personId(third), "registration.withdrawn");
    expect(told).toHaveLength(1);
    expect(told[0]?.get("lang")).toBe("fr");
    expect(String(told[0]?.get("text"))).toContain("vous a retiré de sa délégation");
    // Their invitation link no longer answers; the head's still does.
    expect((await page(link)).status).toBe(400);
    expect((await answer(link, "accept")).status).toBe(400);
    expect((await page(await linkOf(head))).status).toBe(200);
    // Withdrawn twice: refused, and still one email.
    expect((await withdraw("committee-cl", "CL", third)).error?.details?.key).toBe("console.delegation.personGone");
    expect(await mailsTo(personId(third), "registration.withdrawn")).toHaveLength(1);
  }, 90_000);
});

describe("a place freed by a withdrawal, through the emulators", () => {
  const FULL = `${EVENT}-full`;
  const FULL_CL = delegationId(FULL, "CL");
  const first = person("full-first", { role: "head" });
  const waiting = person("full-waiting", { lang: "en" });
  const idOf = (p: DelegateInput) => registrationId(KEY, FULL, p.address);
  const registrationOf = async (p: DelegateInput) =>
    (await db.collection("registrations").doc(idOf(p)).get()).data() as Registration | undefined;
  const accept = async (p: DelegateInput) => {
    const named = (await stored(FULL_CL))?.people.find((x) => x.id === idOf(p));
    if (!named) throw new Error(`${p.name} is not named`);
    const link = { d: FULL_CL, p: named.id, t: newAnswerToken(KEY, FULL_CL, named.id, named.invitedAtMs) };
    expect((await answer(link, "accept")).status).toBe(200);
    return link;
  };
  const stateOf = (p: DelegateInput, state: string) =>
    eventually(
      async () => ((await registrationOf(p))?.status.state === state ? true : undefined),
      `${p.name} ${state}`,
      80_000,
    );
  const withdrawFull = (caller: Caller, p: DelegateInput) =>
    call("withdraw", caller, { lang: "en", eventId: FULL, country: "CL", personId: idOf(p) });

  beforeAll(async () => {
    const now = Date.now();
    await db
      .collection("events")
      .withConverter(converterFor("events"))
      .doc(FULL)
      .set({
        id: FULL,
        kind: "conference",
        title: { es: `Conferencia llena ${RUN}`, en: `Full conference ${RUN}` },
        status: "planned",
        start: "2027-04-10",
        end: "2027-04-12",
        timeZone: "America/Santiago",
        hostCountries: ["CL"],
        organizerIds: [],
        attendingCountries: [],
        sessions: [],
        source: "Written by test/integration/attack-delegations.test.ts",
        publication: "published",
      });
    await db.doc(`registrationSettings/${FULL}`).set({
      eventId: FULL,
      opensAtMs: now - 86_400_000,
      closesAtMs: now + 30 * 86_400_000,
      startTime: "09:00",
      endTime: "18:00",
      places: 1,
      sessionRooms: [],
      categories: ["delegate"],
      privateSessions: [],
      approvalCategories: [],
      countryQuota: 3,
      offerWindowHours: 48,
    });
  });
  afterAll(async () => {
    const registrations = await db.collection("registrations").where("eventId", "==", FULL).get();
    await Promise.all([
      db.doc(`events/${FULL}`).delete(),
      db.doc(`registrationSettings/${FULL}`).delete(),
      db.doc(`registrationCounters/${FULL}`).delete(),
      db.doc(`delegations/${FULL_CL}`).delete(),
      ...registrations.docs.map((d) => d.ref.delete()),
    ]);
  });

  it("offers the place of a withdrawn head to the first on the waiting list, each told once, and sends the delegation back for a head", async () => {
    const saved = await call("save", "committee-cl", {
      lang: "en",
      eventId: FULL,
      country: "CL",
      people: [first, waiting],
    });
    expect(saved.error).toBeUndefined();
    await accept(first);
    await stateOf(first, "confirmed");
    const waitingLink = await accept(waiting);
    await stateOf(waiting, "waitlisted");
    expect((await call("submit", "committee-cl", { lang: "en", eventId: FULL, country: "CL" })).error).toBeUndefined();

    // Peru's representative and the secretariat cannot free Chile's place; Chile's can.
    for (const caller of ["committee-pe", "secretariat"] as const)
      expect((await withdrawFull(caller, first)).error?.status, caller).toBe("PERMISSION_DENIED");
    expect((await registrationOf(first))?.status.state).toBe("confirmed");
    const taken = await withdrawFull("committee-cl", first);
    expect(taken.error).toBeUndefined();
    expect(taken.result).toMatchObject({ offers: 1, delegation: { state: "draft" } });
    expect((await registrationOf(first))?.status).toMatchObject({ state: "cancelled", by: "country" });
    // In the same transaction: the place is offered, never left free for someone confirming later.
    expect((await registrationOf(waiting))?.status.state).toBe("offered");
    expect((await db.doc(`registrationCounters/${FULL}`).get()).get("placesHeld")).toBe(1);
    const withdrawn = await db
      .collection(OUTBOX_COLLECTION)
      .where("key.recipient", "==", `registration:${idOf(first)}`)
      .get();
    expect(withdrawn.docs.filter((d) => d.get("key.purpose") === "registration.withdrawn")).toHaveLength(1);
    const offered = await db
      .collection(OUTBOX_COLLECTION)
      .where("key.recipient", "==", `registration:${idOf(waiting)}`)
      .get();
    const offers = offered.docs.filter((d) => d.get("key.purpose") === "registration.offered");
    expect(offers).toHaveLength(1);
    expect(offers[0]?.get("lang")).toBe("en");
    // Without its head the delegation goes to nobody: the country names one first.
    const headless = await call("submit", "committee-cl", { lang: "en", eventId: FULL, country: "CL" });
    expect(headless.error?.details?.key).toBe("console.delegation.head");
    // The person left still answers from their own link (already answered).
    expect((await page(waitingLink)).status).toBe(200);
  }, 200_000);

  it("refuses a withdrawal once the event has started, and keeps the person", async () => {
    const today = dayIn(new Date(), "America/Santiago");
    await db.doc(`events/${FULL}`).update({ start: today });
    const refused = await withdrawFull("committee-cl", waiting);
    expect(refused.error?.status).toBe("FAILED_PRECONDITION");
    expect(refused.error?.details?.key).toBe("console.delegation.started");
    expect(refused.error?.message).toContain("started");
    expect((await stored(FULL_CL))?.people.map((p) => p.id)).toContain(idOf(waiting));
    expect((await registrationOf(waiting))?.status.state).toBe("offered");
  });
});

describe("naming someone into an accredited delegation, from outside", () => {
  // Chile's delegation is accredited by now, its head alone left (third withdrawn, second too).
  const target = { lang: "en", eventId: EVENT, country: "CL" };
  const replacement = person("replacement", { lang: "pt" });
  const save = (caller: Caller, people: DelegateInput[]) => call("save", caller, { ...target, people });
  const purposeTo = async (p: DelegateInput, purpose: string) =>
    (
      await db
        .collection(OUTBOX_COLLECTION)
        .where("key.recipient", "==", `registration:${personId(p)}`)
        .get()
    ).docs.filter((d) => d.get("key.purpose") === purpose);

  it("lets only Chile's representatives name a replacement, within the quota, who awaits the secretariat's accreditation", async () => {
    const before = await stored(CL);
    expect(before?.state).toBe("accredited");
    expect(before?.people.map((p) => p.id)).toEqual([personId(head)]);
    const headBefore = await registration(head);
    expect(headBefore).toMatchObject({ accredited: true, status: { state: "confirmed" } });

    // Another country, the secretariat and nobody are refused; nothing changes.
    for (const caller of ["member", "committee-pe", "secretariat", "no-person", "anonymous"] as const) {
      const refused = await save(caller, [head, replacement]);
      expect(refused.error?.status, caller).toMatch(/PERMISSION_DENIED|UNAUTHENTICATED/);
    }
    // Over the quota: the head and four more.
    const over = await save("committee-cl", [head, ...["r1", "r2", "r3", "r4"].map((n) => person(n))]);
    expect(over.error?.details?.key).toBe("console.delegation.quota");
    // The accredited head stays as accredited: neither renamed nor made a delegate.
    const renamed = await save("committee-cl", [{ ...head, institution: "Otra institución" }, replacement]);
    expect(renamed.error?.details?.key).toBe("console.delegation.answeredFixed");
    expect(renamed.error?.message).toContain("withdraw");
    // A flag forced in the payload is refused at the edge.
    const forged = await call("save", "committee-cl", {
      ...target,
      people: [head, { ...replacement, awaitingAccreditation: false }],
    });
    expect(forged.error?.status).toBe("INVALID_ARGUMENT");
    expect(await stored(CL)).toEqual(before);

    // Chile's representative names the replacement: invited as usual, awaiting accreditation.
    const saved = await save("committee-cl", [head, replacement]);
    expect(saved.error).toBeUndefined();
    expect(saved.result).toMatchObject({ invited: 1 });
    const after = await stored(CL);
    expect(after?.state).toBe("accredited");
    expect(after?.people[0]).toEqual(before?.people[0]);
    expect(after?.people[1]).toMatchObject({
      id: personId(replacement),
      state: "invited",
      awaitingAccreditation: true,
    });
    const invitations = await db
      .collection(OUTBOX_COLLECTION)
      .where("key.recipient", "==", `delegate:${CL}:${personId(replacement)}`)
      .get();
    expect(invitations.docs).toHaveLength(1);
    expect(invitations.docs[0]?.get("lang")).toBe("pt");
    // The secretariat sees who awaits.
    const listed = (await call("list", "secretariat", {})).result as {
      events: { eventId: string; delegations: Delegation[] }[];
    };
    const seen = listed.events.find((e) => e.eventId === EVENT)?.delegations.find((d) => d.country === "CL");
    expect(seen?.people.filter((p) => p.awaitingAccreditation).map((p) => p.id)).toEqual([personId(replacement)]);

    // Accepting makes them a delegate, not yet accredited: no private session before the secretariat says so.
    expect((await answer(await linkOf(replacement), "accept")).status).toBe(200);
    expect(await registration(replacement)).toMatchObject({ category: "delegate", delegationOf: "CL" });
    expect((await registration(replacement))?.accredited).toBeUndefined();
    expect(await registration(head)).toEqual(headBefore);
  });

  it("lets only the secretariat accredit the replacement, once, leaving the head's accreditation and seats as they were", async () => {
    await eventually(
      async () => ((await registration(replacement))?.status.state === "confirmed" ? true : undefined),
      "the replacement's place",
      80_000,
    );
    const headBefore = await registration(head);
    // A return of an accredited delegation stays refused; the country accredits nothing.
    const returned = await call("decide", "secretariat", { ...target, decision: "return", reason: "no more" });
    expect(returned.error?.details?.key).toBe("console.delegation.notSubmitted");
    for (const caller of ["member", "committee-cl", "committee-pe", "anonymous"] as const) {
      const refused = await call("decide", caller, { ...target, decision: "accredit" });
      expect(refused.error?.status, caller).toMatch(/PERMISSION_DENIED|UNAUTHENTICATED/);
    }
    expect((await registration(replacement))?.accredited).toBeUndefined();

    const accredited = await call("decide", "secretariat", { ...target, decision: "accredit" });
    expect(accredited.error).toBeUndefined();
    const after = await stored(CL);
    expect(after?.state).toBe("accredited");
    expect(after?.people.some((p) => p.awaitingAccreditation)).toBe(false);
    expect(await registration(replacement)).toMatchObject({ accredited: true, status: { state: "confirmed" } });
    expect(await registration(head)).toEqual(headBefore);
    // Told once, in Portuguese, that they hold the private session; the head is not told again.
    const told = await purposeTo(replacement, "registration.accredited");
    expect(told).toHaveLength(1);
    expect(told[0]?.get("lang")).toBe("pt");
    expect(await purposeTo(head, "registration.accredited")).toHaveLength(1);
    // Nothing awaits now: accrediting again is refused.
    const twice = await call("decide", "secretariat", { ...target, decision: "accredit" });
    expect(twice.error?.details?.key).toBe("console.delegation.notSubmitted");
    // The history names the secretariat's person who did it.
    const audit = await db.collection("audit").where("action", "==", "delegation.accredit").get();
    const entries = audit.docs.filter((d) => d.get("target.id") === CL);
    expect(entries).toHaveLength(2);
    const last = entries.find((d) => d.get("before.state") === "accredited");
    expect(last?.get("actor")).toMatchObject({ role: "secretariat", memberId: expect.any(String) });
  }, 100_000);

  it("refuses naming anyone into an accredited delegation once the event has started, and keeps the list", async () => {
    const before = await stored(CL);
    await db.doc(`events/${EVENT}`).update({ start: dayIn(new Date(), "America/Santiago") });
    try {
      const refused = await save("committee-cl", [head, replacement, person("late")]);
      expect(refused.error?.status).toBe("FAILED_PRECONDITION");
      expect(refused.error?.details?.key).toBe("console.delegation.started");
      expect(await stored(CL)).toEqual(before);
    } finally {
      await db.doc(`events/${EVENT}`).update({ start: "2027-04-10" });
    }
  });
});
