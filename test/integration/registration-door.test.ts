import { randomBytes } from "node:crypto";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore, type Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUDIT_COLLECTION,
  converterFor,
  type Event,
  type Registration,
  RegistrationSchema,
  VERSIONS_SUBCOLLECTION,
} from "../../functions/src/model/index.js";
import { registrationExpiry } from "../../functions/src/registration/door/retention.js";
import { callOverHttp } from "../support/callable-http.js";
import { DEMO_PROJECT, demoLogin, NO_PERSON, signIn } from "../support/console-callers.js";
import { eventually } from "../support/eventually.js";

// The door's callables played from outside, as an attacker and as the committee would: over
// HTTP to the Functions emulator with the demo logins' real tokens, or none. Registrations stay
// closed to every client, so these callables are the only way to them; a member, an account
// without a person and nobody are refused, next to the committee doing the same thing.
const SITE = "http://127.0.0.1:5000";
const RUN = randomBytes(4).toString("hex");
const EVENT = `door-test-${RUN}`;
const OTHER_EVENT = `door-test-other-${RUN}`;
const app = initializeApp({ projectId: DEMO_PROJECT }, `registration-door-${RUN}`);
const db = getFirestore(app);

const demo = demoLogin;
const tokens: Record<string, string | undefined> = {};

interface CallResult<R = unknown> {
  result?: R;
  error?: { status: string; message: string; details?: { key?: string } };
}
const call = <R = unknown>(name: string, who: string, data: unknown) =>
  callOverHttp<CallResult<R>>(`committee-${name}`, tokens[who], data);

const event: Event = {
  id: EVENT,
  kind: "workshop",
  title: { es: `Taller de prueba de la puerta ${RUN}`, en: `Door test workshop ${RUN}` },
  status: "planned",
  start: "2027-03-10",
  end: "2027-03-11",
  timeZone: "America/Santiago",
  hostCountries: [],
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  publication: "published",
  version: 1,
  source: "integration test of the door",
};

const rid = () => randomBytes(16).toString("hex");
const people = {
  ana: rid(),
  bruno: rid(),
  carla: rid(),
  dora: rid(),
  elsewhere: rid(),
};
const registration = (fields: Partial<Registration>): Registration =>
  RegistrationSchema.parse({
    eventId: EVENT,
    address: `${rid()}@example.org`,
    category: "delegate",
    lang: "es",
    requestedAtMs: 1,
    status: { state: "confirmed", via: "confirmation", atMs: 2 },
    ...fields,
  });
const regRef = (id: string) => db.collection("registrations").doc(id);

beforeAll(async () => {
  for (const key of ["committee-cl", "committee-pe", "member-mx", "secretariat"])
    tokens[key] = await signIn(demo(key).email, demo(key).password);
  tokens["no-person"] = await signIn(NO_PERSON.email, NO_PERSON.password);
  tokens.anonymous = undefined;
  const events = db.collection("events").withConverter(converterFor("events"));
  await events.doc(EVENT).set(event);
  await events.doc(OTHER_EVENT).set({ ...event, id: OTHER_EVENT });
  const write = (id: string, r: Registration) => regRef(id).set(r);
  await Promise.all([
    write(
      people.ana,
      registration({
        name: `Ana Consiente ${RUN}`,
        institution: "ChileCompra",
        country: "CL",
        publicListConsent: true,
      }),
    ),
    write(people.bruno, registration({ name: `Bruno Reservado ${RUN}`, institution: "OSCE", country: "PE" })),
    write(
      people.carla,
      registration({ name: `Carla Prensa ${RUN}`, institution: "Diario", country: "MX", category: "press" }),
    ),
    write(
      people.dora,
      registration({
        name: `Dora Espera ${RUN}`,
        institution: "ONC",
        country: "AR",
        publicListConsent: true,
        status: { state: "waitlisted", seq: 1, atMs: 3 },
      }),
    ),
    write(
      people.elsewhere,
      registration({ eventId: OTHER_EVENT, name: `Elsa Otro ${RUN}`, institution: "ONC", country: "AR" }),
    ),
  ]);
});

afterAll(async () => {
  await Promise.all(Object.values(people).map((id) => regRef(id).delete()));
  await db.doc(`registrationFigures/${EVENT}`).delete();
  await db.doc(`events/${EVENT}`).delete();
  await db.doc(`events/${OTHER_EVENT}`).delete();
  await deleteApp(app);
});

type Entry = { id: string; name: string; attendedAtMs?: number; attendedBy?: string };

describe("the door's callables", () => {
  it("refuse a member, an account no person claims and nobody, and list the people holding a place for the committee, without addresses", async () => {
    for (const [who, status] of [
      ["member-mx", "PERMISSION_DENIED"],
      ["no-person", "PERMISSION_DENIED"],
      ["anonymous", "UNAUTHENTICATED"],
    ] as const) {
      for (const [name, data] of [
        ["doorList", { eventId: EVENT }],
        ["doorCheckIn", { eventId: EVENT, id: people.ana, present: true }],
        ["doorCountFigures", { eventId: EVENT }],
        ["doorPublishFigures", { eventId: EVENT }],
      ] as const) {
        const refused = await call(name, who, data);
        expect(refused.error?.status, `${who} ${name}`).toBe(status);
      }
    }
    expect((await regRef(people.ana).get()).get("attendedAtMs")).toBeUndefined();

    const listed = await call<{ entries: Entry[] }>("doorList", "committee-cl", { eventId: EVENT, lang: "en" });
    expect(listed.error).toBeUndefined();
    expect(listed.result?.entries.map((e) => e.name).sort()).toEqual(
      [`Ana Consiente ${RUN}`, `Bruno Reservado ${RUN}`, `Carla Prensa ${RUN}`].sort(),
    );
    expect(JSON.stringify(listed.result)).not.toContain("@example.org");
  });

  it("marks a person present once, recording who, sets the record's expiry from the event, and undoes a mistake", async () => {
    const marked = await call<Entry>("doorCheckIn", "committee-cl", { eventId: EVENT, id: people.ana, present: true });
    expect(marked.error).toBeUndefined();
    expect(marked.result?.attendedBy).toBe("demo-committee-cl");
    const stored = (await regRef(people.ana).get()).data() ?? {};
    expect(stored.attendedBy).toBe("demo-committee-cl");
    expect((stored.expireAt as Timestamp).toMillis()).toBe(registrationExpiry(event, new Date()).getTime());

    // A second mark, by someone else, keeps the first.
    const again = await call<Entry>("doorCheckIn", "secretariat", { eventId: EVENT, id: people.ana, present: true });
    expect(again.result?.attendedAtMs).toBe(stored.attendedAtMs);
    expect(again.result?.attendedBy).toBe("demo-committee-cl");

    const undone = await call<Entry>("doorCheckIn", "committee-pe", { eventId: EVENT, id: people.ana, present: false });
    expect(undone.result?.attendedAtMs).toBeUndefined();
    expect((await regRef(people.ana).get()).get("attendedAtMs")).toBeUndefined();
  });

  it("refuses to mark present someone without a place, someone of another event, or an id that is not one, in the caller's language", async () => {
    const waiting = await call("doorCheckIn", "committee-cl", {
      eventId: EVENT,
      id: people.dora,
      present: true,
      lang: "en",
    });
    expect(waiting.error?.status).toBe("FAILED_PRECONDITION");
    expect(waiting.error?.message).toMatch(/holds no place/);
    const other = await call("doorCheckIn", "committee-cl", {
      eventId: EVENT,
      id: people.elsewhere,
      present: true,
      lang: "es",
    });
    expect(other.error?.status).toBe("NOT_FOUND");
    expect(other.error?.message).toMatch(/no existe en este evento/);
    const forged = await call("doorCheckIn", "committee-cl", { eventId: EVENT, id: "../accounts/x", present: true });
    expect(forged.error?.status).toBe("INVALID_ARGUMENT");
    const extra = await call("doorCheckIn", "committee-cl", {
      eventId: EVENT,
      id: people.bruno,
      present: true,
      attendedBy: "someone-else",
    });
    expect(extra.error?.status).toBe("INVALID_ARGUMENT");
    expect((await regRef(people.elsewhere).get()).get("attendedAtMs")).toBeUndefined();
    expect((await regRef(people.dora).get()).get("attendedAtMs")).toBeUndefined();
  });

  it("counts the figures from a seeded attendance and publishes them on the event page only when a second person confirms", async () => {
    for (const id of [people.ana, people.bruno, people.carla]) {
      const marked = await call("doorCheckIn", "committee-cl", { eventId: EVENT, id, present: true });
      expect(marked.error).toBeUndefined();
    }
    const counted = await call<{ officials: number; countries: number; institutions: number; attended: number }>(
      "doorCountFigures",
      "committee-cl",
      { eventId: EVENT },
    );
    expect(counted.error).toBeUndefined();
    // Ana (CL) and Bruno (PE) are delegates: 2 officials of 2 countries; Carla is press: 3 institutions.
    expect(counted.result).toMatchObject({ officials: 2, countries: 2, institutions: 3, attended: 3 });
    expect((await db.doc(`events/${EVENT}`).get()).get("participation")).toBeUndefined();

    const own = await call("doorPublishFigures", "committee-cl", { eventId: EVENT, lang: "en" });
    expect(own.error?.status).toBe("PERMISSION_DENIED");
    expect((await db.doc(`events/${EVENT}`).get()).get("participation")).toBeUndefined();

    const confirmed = await call("doorPublishFigures", "committee-pe", { eventId: EVENT });
    expect(confirmed.error).toBeUndefined();
    const stored = (await db.doc(`events/${EVENT}`).get()).data() ?? {};
    expect(stored.participation).toEqual({ officials: 2, countries: 2, institutions: 3, countedFrom: "attendance" });
    expect(stored.publication).toBe("published");
    expect(stored.version).toBe(2);
    const version = (await db.doc(`events/${EVENT}/${VERSIONS_SUBCOLLECTION}/2`).get()).data() ?? {};
    expect(version.contentBy).toEqual({ memberId: "demo-committee-cl", role: "committee" });
    expect(version.by).toEqual({ memberId: "demo-committee-pe", role: "committee" });
    const audit = await db.collection(AUDIT_COLLECTION).where("target.id", "==", EVENT).get();
    expect(audit.docs.map((d) => d.get("action"))).toContain("event.publish");

    const page = await eventually(async () => {
      const html = await (await fetch(`${SITE}/en/events/${EVENT}`)).text();
      return html.includes("counted from the attendance") && html.includes(`Ana Consiente ${RUN}`) ? html : undefined;
    }, "the event page showing the counted figures and the participant list");
    // Only who consented: Bruno and Carla attended without consenting, Dora consented without a place.
    expect(page).not.toContain(`Bruno Reservado ${RUN}`);
    expect(page).not.toContain(`Carla Prensa ${RUN}`);
    expect(page).not.toContain(`Dora Espera ${RUN}`);
  });
});
