import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxId } from "../../functions/src/notify/outbox.js";
import { confirmRegistration, requestRegistration } from "../../functions/src/registration/requests.js";
import { callOverHttp } from "../support/callable-http.js";
import { DEMO_PROJECT, demoLogin, signIn } from "../support/console-callers.js";
import { eventually } from "../support/eventually.js";
import { functionsApp, functionsFirestoreSdk } from "../support/functions-admin.js";

// Registration in the console, played from outside as an attacker would: the registrations-*
// callables over HTTP to the Functions emulator with the demo logins' real tokens, or none.
// Registrations are closed to clients; these callables are the one way to read them, and a
// member must get nothing from any of them, while the committee's and the secretariat's own
// use keeps working. The person's side (request, confirm) runs in-process against the same
// emulator, as the public pages will call it; the allocator trigger decides what is approved.
const { deleteApp, initializeApp } = functionsApp;
const { getFirestore } = functionsFirestoreSdk;

const RUN = randomBytes(4).toString("hex");
const EVENT = `regc-${RUN}`;
const DRAFT = `regc-draft-${RUN}`;
const KEY = `test-registration-key-${RUN}-0123456789abcdef`;
const app = initializeApp({ projectId: DEMO_PROJECT }, `registration-console-${RUN}`);
const db = getFirestore(app);
const deps = { db, clock: () => new Date(), key: KEY };

const tokens: Record<string, string> = {};
const demo = demoLogin;

interface CallResult<R = unknown> {
  result?: R;
  error?: { status: string; message: string; details?: { key?: string; fields?: { path: string }[] } };
}

async function call<R = Record<string, unknown>>(
  name: string,
  who: string | undefined,
  data: unknown,
): Promise<CallResult<R>> {
  return callOverHttp<CallResult<R>>(`registrations-${name}`, who ? tokens[who] : undefined, data);
}

const HOUR = 3_600_000;
const settings = (overrides: Record<string, unknown> = {}) => ({
  eventId: EVENT,
  opensAtMs: Date.now() - HOUR,
  closesAtMs: Date.now() + 30 * 24 * HOUR,
  startTime: "09:30",
  endTime: "17:00",
  places: 2,
  sessionRooms: [{ session: 0, places: 2 }],
  categories: ["delegate", "observer", "press"],
  privateSessions: [0],
  approvalCategories: ["press"],
  countryQuota: 3,
  offerWindowHours: 48,
  ...overrides,
});

const person = (n: number, category: string, name = `Persona ${n} ${RUN}`) => ({
  name,
  address: `regc-${RUN}-${n}@example.org`,
  institution: `Dirección ${n}`,
  country: n % 2 === 0 ? "CL" : "PE",
  category,
  lang: "es",
});

/** Asks and confirms a registration as the public pages do; the id and the outcome of the click. */
async function registerAndConfirm(n: number, category: string, name?: string) {
  const asked = await requestRegistration(deps, EVENT, person(n, category, name));
  if (asked.outcome !== "pending") throw new Error(`request ${n}: ${JSON.stringify(asked)}`);
  const confirmed = await confirmRegistration(deps, EVENT, asked.id, asked.token);
  return { id: asked.id, outcome: confirmed.outcome };
}

const stateOf = async (id: string) =>
  (await db.doc(`registrations/${id}`).get()).get("status") as { state: string; by?: string };

beforeAll(async () => {
  for (const key of ["member-mx", "committee-cl", "secretariat"])
    tokens[key] = await signIn(demo(key).email, demo(key).password);
  const seeded = (await db.doc("events/iii-seminar-santiago-2005").get()).data();
  if (!seeded) throw new Error("the seed has the 2005 seminar");
  const upcoming = { ...seeded, status: "planned", start: "2027-06-20", end: "2027-06-23", publication: "published" };
  await db.doc(`events/${EVENT}`).set({ ...upcoming, id: EVENT });
  await db.doc(`events/${DRAFT}`).set({ ...upcoming, id: DRAFT, publication: "draft" });
});

afterAll(async () => {
  const registrations = await db.collection("registrations").where("eventId", "==", EVENT).get();
  await Promise.all(registrations.docs.map((d) => d.ref.delete()));
  for (const path of [
    `events/${EVENT}`,
    `events/${DRAFT}`,
    `registrationSettings/${EVENT}`,
    `registrationCounters/${EVENT}`,
  ])
    await db.doc(path).delete();
  const targets = [EVENT, ...registrations.docs.map((d) => d.id)];
  for (const id of targets) {
    const audit = await db.collection("audit").where("target.id", "==", id).get();
    await Promise.all(audit.docs.map((d) => d.ref.delete()));
  }
  await deleteApp(app);
});

describe("registrations-open and registrations-settings", () => {
  it("refuses nobody's and a member's attempts, answering nothing, while the committee opens registration with an audit entry", async () => {
    for (const name of ["open", "settings"]) {
      const data = name === "open" ? { lang: "es", settings: settings() } : { lang: "es", eventId: EVENT };
      const anonymous = await call(name, undefined, data);
      expect(anonymous.error?.status, name).toBe("UNAUTHENTICATED");
      expect(anonymous.result).toBeUndefined();
      const member = await call(name, "member-mx", data);
      expect(member.error?.status, name).toBe("PERMISSION_DENIED");
      expect(member.error?.message).not.toMatch(/registration\.|undefined|Error/);
      expect(member.result).toBeUndefined();
    }
    expect((await db.doc(`registrationSettings/${EVENT}`).get()).exists).toBe(false);

    const opened = await call("open", "committee-cl", { lang: "es", settings: settings() });
    expect(opened).toEqual({ result: { eventId: EVENT, opened: true } });
    const read = await call<{ settings: { places: number; approvalCategories: string[] } }>(
      "settings",
      "committee-cl",
      {
        eventId: EVENT,
      },
    );
    expect(read.result?.settings).toMatchObject({ places: 2, approvalCategories: ["press"], startTime: "09:30" });
    const audit = await db.collection("audit").where("target.id", "==", EVENT).get();
    expect(audit.docs.map((d) => d.get("action"))).toEqual(["registration.open"]);
    expect(audit.docs[0]?.get("before")).toBeNull();
    // The secretariat may change them too; a second save is a change, not an opening.
    const changed = await call("open", "secretariat", { settings: settings({ places: 3 }) });
    expect(changed).toEqual({ result: { eventId: EVENT, opened: false } });
    const back = await call("open", "committee-cl", { settings: settings() });
    expect(back.result).toEqual({ eventId: EVENT, opened: false });
  });

  it("refuses an unpublished event, a session the event lacks and a closing before the opening, naming the field in the person's language", async () => {
    const draft = await call("open", "committee-cl", { lang: "es", settings: settings({ eventId: DRAFT }) });
    expect(draft.error?.status).toBe("FAILED_PRECONDITION");
    expect(draft.error?.message).toContain("Publique el evento");
    expect((await db.doc(`registrationSettings/${DRAFT}`).get()).exists).toBe(false);

    const room = await call("open", "committee-cl", {
      lang: "en",
      settings: settings({ sessionRooms: [{ session: 99, places: 1 }] }),
    });
    expect(room.error?.status).toBe("INVALID_ARGUMENT");
    expect(room.error?.details?.fields?.map((f) => f.path)).toEqual(["settings.sessionRooms.0.session"]);
    expect(room.error?.message).toContain("no session no. 100");

    const backwards = await call("open", "committee-cl", {
      lang: "fr",
      settings: settings({ closesAtMs: Date.now() - 2 * HOUR }),
    });
    expect(backwards.error?.status).toBe("INVALID_ARGUMENT");
    expect(backwards.error?.details?.fields?.map((f) => f.path)).toContain("settings.closesAtMs");
    expect(backwards.error?.message).toMatch(/^Vérifiez ces champs/);

    for (const bad of [
      null,
      "x",
      { settings: { ...settings(), eventId: "../accounts/x" } },
      { settings: settings(), extra: 1 },
    ]) {
      const answer = await call("open", "committee-cl", bad);
      expect(answer.error?.status, JSON.stringify(bad)).toBe("INVALID_ARGUMENT");
    }
    // The stored settings are still the committee's last good ones.
    expect((await db.doc(`registrationSettings/${EVENT}`).get()).get("places")).toBe(2);
  });
});

describe("categories needing approval", () => {
  let observer = "";
  let approved = "";
  let declined = "";

  it("holds a confirmation in such a category for the secretariat, and lets any other go to the allocator", async () => {
    const first = await registerAndConfirm(0, "observer");
    expect(first.outcome).toBe("confirming");
    observer = first.id;
    await eventually(
      async () => ((await stateOf(observer)).state === "confirmed" ? true : undefined),
      "the allocation",
    );
    const press = await registerAndConfirm(1, "press");
    expect(press.outcome).toBe("awaitingApproval");
    approved = press.id;
    const other = await registerAndConfirm(2, "press");
    declined = other.id;
    expect((await stateOf(approved)).state).toBe("awaitingApproval");
    // The allocator leaves it alone: nothing decides it but the secretariat.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await stateOf(approved)).state).toBe("awaitingApproval");
    expect((await db.doc(`registrationCounters/${EVENT}`).get()).get("placesHeld")).toBe(1);
  });

  it("refuses the committee and a member the decision, and lets the secretariat approve into the allocator's order and decline, each person told by email", async () => {
    for (const who of ["member-mx", "committee-cl"]) {
      const attempt = await call("decide", who, { lang: "es", eventId: EVENT, id: approved, decision: "approve" });
      expect(attempt.error?.status, who).toBe("PERMISSION_DENIED");
      expect(attempt.result).toBeUndefined();
    }
    expect((await stateOf(approved)).state).toBe("awaitingApproval");

    const yes = await call("decide", "secretariat", { lang: "es", eventId: EVENT, id: approved, decision: "approve" });
    expect(yes).toEqual({ result: { id: approved, state: "confirming" } });
    await eventually(
      async () => ((await stateOf(approved)).state === "confirmed" ? true : undefined),
      "the approved place",
    );
    const no = await call("decide", "secretariat", { eventId: EVENT, id: declined, decision: "decline" });
    expect(no).toEqual({ result: { id: declined, state: "cancelled" } });
    expect(await stateOf(declined)).toMatchObject({ state: "cancelled", from: "awaitingApproval", by: "declined" });

    for (const [id, purpose] of [
      [approved, "registration.approved"],
      [declined, "registration.declined"],
    ] as const) {
      const requestedAtMs = (await db.doc(`registrations/${id}`).get()).get("requestedAtMs") as number;
      const message = await db
        .doc(`outbox/${outboxId({ purpose, recipient: `registration:${id}`, occurrence: `${id}@${requestedAtMs}` })}`)
        .get();
      expect(message.get("key.purpose"), purpose).toBe(purpose);
      expect(message.get("lang")).toBe("es");
    }
    const audit = await db.collection("audit").where("target.id", "in", [approved, declined]).get();
    expect(audit.docs.map((d) => d.get("action")).sort()).toEqual(["registration.approve", "registration.decline"]);
    // The log keeps no name and no address of the person.
    for (const entry of audit.docs) expect(JSON.stringify(entry.data())).not.toMatch(/Persona|example\.org/);

    // Decided once: a second decision, or one about a registration of another event, is refused.
    const again = await call("decide", "secretariat", {
      lang: "en",
      eventId: EVENT,
      id: approved,
      decision: "decline",
    });
    expect(again.error?.status).toBe("FAILED_PRECONDITION");
    expect(again.error?.message).toContain("no longer waits for approval");
    const elsewhere = await call("decide", "secretariat", { eventId: DRAFT, id: declined, decision: "approve" });
    expect(elsewhere.error?.status).toBe("NOT_FOUND");
    expect((await stateOf(approved)).state).toBe("confirmed");
    expect(observer).not.toBe("");
  });
});

describe("registrations-overview and registrations-export", () => {
  it("gives a member nothing, and the committee the counts and the people by name, without an address", async () => {
    await registerAndConfirm(3, "observer", '=HYPERLINK("http://evil.example","x") <script>alert(1)</script>');
    for (const name of ["overview", "export"]) {
      const data = name === "export" ? { eventId: EVENT, format: "csv" } : { eventId: EVENT };
      const member = await call(name, "member-mx", data);
      expect(member.error?.status, name).toBe("PERMISSION_DENIED");
      expect(member.result).toBeUndefined();
      expect((await call(name, undefined, data)).error?.status).toBe("UNAUTHENTICATED");
    }
    const overview = await call<{
      places: number;
      placesHeld: number;
      counts: { state: Record<string, number>; category: Record<string, number>; country: Record<string, number> };
      rows: { name: string; state: string; position?: number }[];
    }>("overview", "committee-cl", { eventId: EVENT });
    const result = overview.result;
    if (!result) throw new Error(JSON.stringify(overview.error));
    expect(JSON.stringify(result)).not.toContain("example.org");
    expect(result.places).toBe(2);
    expect(result.rows).toHaveLength(4);
    await eventually(async () => {
      const fresh = (await call<typeof result>("overview", "secretariat", { eventId: EVENT })).result;
      return fresh?.counts.state.waitlisted === 1 ? fresh : undefined;
    }, "the fourth person on the waiting list");
    const fresh = (await call<typeof result>("overview", "committee-cl", { eventId: EVENT })).result;
    expect(fresh?.counts.state).toEqual({ confirmed: 2, cancelled: 1, waitlisted: 1 });
    expect(fresh?.counts.category).toEqual({ observer: 2, press: 1 });
    expect(fresh?.rows.find((r) => r.state === "waitlisted")?.position).toBe(1);
    // Each session with a room of its own, its seats held against its places (nobody asked for it).
    const rooms = (await call<{ rooms: unknown[] }>("overview", "committee-cl", { eventId: EVENT })).result?.rooms;
    expect(rooms).toMatchObject([{ session: 0, places: 2, held: 0, left: 2, title: expect.any(Object) }]);
  });

  it("exports CSV that reads back exactly, a formula kept as text, and the same people as JSON", async () => {
    const csv = await call<{ filename: string; content: string }>("export", "committee-cl", {
      eventId: EVENT,
      format: "csv",
    });
    const file = csv.result;
    if (!file) throw new Error(JSON.stringify(csv.error));
    expect(file.filename).toBe(`registrations-${EVENT}.csv`);
    const rows = parse(file.content, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    const hostile = rows.find((r) => r.email === `regc-${RUN}-3@example.org`);
    expect(hostile?.name).toBe(`'=HYPERLINK("http://evil.example","x") <script>alert(1)</script>`);
    expect(rows.find((r) => r.state === "cancelled")?.cancelledBy).toBe("declined");

    const json = await call<{ content: string }>("export", "secretariat", { eventId: EVENT, format: "json" });
    const parsed = JSON.parse(json.result?.content ?? "{}") as { registrations: { name: string; email: string }[] };
    expect(parsed.registrations.map((r) => r.email).sort()).toEqual(rows.map((r) => r.email).sort());
    expect(parsed.registrations.find((r) => r.email === hostile?.email)?.name).toBe(
      '=HYPERLINK("http://evil.example","x") <script>alert(1)</script>',
    );
  });
});
