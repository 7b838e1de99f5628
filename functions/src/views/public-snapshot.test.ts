import { describe, expect, it } from "vitest";
import {
  type Document,
  DocumentSchema,
  type Event,
  type Member,
  MemberSchema,
  PUBLIC_RECORDS,
} from "../model/index.js";
import { PublicSnapshotSchema, type PublicSourceRecords, publicSnapshotOf } from "./public-snapshot.js";

const none: PublicSourceRecords = {
  network: [],
  countries: [],
  institutions: [],
  members: [],
  topics: [],
  events: [],
  documents: [],
  initiatives: [],
  committee: [],
  commitments: [],
};

const member = (id: string, listed: boolean): Member =>
  MemberSchema.parse({
    id,
    name: `Persona ${id}`,
    title: { es: "Directora", en: "Director" },
    institutionId: "chilecompra",
    countryId: "CL",
    preferredLanguage: "pt",
    timeZone: "America/Sao_Paulo",
    public: listed,
    source: `Consent by email of ${id}, 2005-07-01`,
  });

const document = (id: string, status: Document["status"]): Document =>
  DocumentSchema.parse({
    id,
    kind: "news",
    title: { es: id },
    summary: { es: "Resumen" },
    body: { es: "Cuerpo" },
    translations: { es: "original" },
    originalChangedAt: "2026-12-01T12:00:00.000Z",
    status,
    publishedOn: "2005-06",
    version: 2,
    source: "Executive report, 2005",
  });

describe("the public snapshot of the records", () => {
  it("keeps only listed members, and of them only the name, title, institution and country", () => {
    const snapshot = publicSnapshotOf({ ...none, members: [member("b-listed", true), member("a-unlisted", false)] });
    expect(snapshot.members).toEqual([
      {
        id: "b-listed",
        name: "Persona b-listed",
        title: { es: "Directora", en: "Director" },
        institutionId: "chilecompra",
        countryId: "CL",
      },
    ]);
    expect(JSON.stringify(snapshot)).not.toMatch(/Consent|Sao_Paulo|preferredLanguage|a-unlisted/);
  });

  it("keeps only published documents, without their workflow status", () => {
    const snapshot = publicSnapshotOf({
      ...none,
      documents: (["draft", "in-review", "published", "archived"] as const).map((status) => document(status, status)),
    });
    expect(snapshot.documents.map((d) => d.id)).toEqual(["published"]);
    expect(Object.keys(snapshot.documents[0] ?? {}).sort()).toEqual(
      Object.keys(PUBLIC_RECORDS.documents.schema.shape)
        .filter((field) => field !== "eventId")
        .sort(),
    );
  });

  it("orders every collection the same way whatever order the records come in, and leaves them untouched", () => {
    const members = [member("c", true), member("a", true), member("b", true)];
    const before = structuredClone(members);
    const snapshot = publicSnapshotOf({ ...none, members });
    expect(snapshot.members.map((m) => m.id)).toEqual(["a", "b", "c"]);
    expect(members).toEqual(before);
  });

  it("reads a view stored before a field was withdrawn, without that field", () => {
    // What an earlier build stored: whole member and document records.
    const stored = JSON.parse(
      JSON.stringify({ ...none, network: null, members: [member("m", true)], documents: [document("d", "published")] }),
    );
    const view = PublicSnapshotSchema.parse(stored);
    expect(view.members[0]).toEqual(publicSnapshotOf({ ...none, members: [member("m", true)] }).members[0]);
    expect(Object.keys(view.documents[0] ?? {})).not.toContain("status");
  });

  it("shows only published events, initiatives, institutions and topics; a record without a state is published", () => {
    const states = [undefined, "draft", "in-review", "published", "archived", "deleted"] as const;
    const snapshot = publicSnapshotOf({
      ...none,
      events: states.map((publication) => ({
        ...event(`e-${publication ?? "seed"}`),
        ...(publication ? { publication } : {}),
      })),
      topics: states.map((publication, order) => ({
        id: `t-${publication ?? "seed"}`,
        name: { es: "Tema" },
        priority: "high" as const,
        order,
        source: "test",
        ...(publication ? { publication } : {}),
      })),
      institutions: states.map((publication) => ({
        id: `i-${publication ?? "seed"}`,
        kind: "multilateral" as const,
        name: { es: "Institución" },
        source: "test",
        ...(publication ? { publication } : {}),
      })),
      initiatives: states.map((publication) => ({
        id: `n-${publication ?? "seed"}`,
        name: { es: "Iniciativa" },
        coordinatorIds: ["i-seed"],
        crossLink: "pending" as const,
        source: "test",
        ...(publication ? { publication } : {}),
      })),
    });
    expect(snapshot.events.map((e) => e.id)).toEqual(["e-published", "e-seed"]);
    expect(snapshot.topics.map((e) => e.id)).toEqual(["t-seed", "t-published"]);
    expect(snapshot.institutions.map((e) => e.id)).toEqual(["i-published", "i-seed"]);
    expect(snapshot.initiatives.map((e) => e.id)).toEqual(["n-published", "n-seed"]);
    expect(JSON.stringify(snapshot)).not.toContain("publication");
  });

  it("drops a published document's link to an event, and links to topics and institutions, that are not shown", () => {
    const linked = {
      ...document("linked", "published"),
      eventId: "draft-event",
      topics: ["draft-topic", "seed-topic"],
    };
    const snapshot = publicSnapshotOf({
      ...none,
      events: [
        { ...event("draft-event"), publication: "draft" },
        { ...event("seed-event"), organizerIds: ["gone"] },
      ],
      topics: [
        { id: "draft-topic", name: { es: "T" }, priority: "high", order: 1, source: "t", publication: "draft" },
        { id: "seed-topic", name: { es: "T" }, priority: "high", order: 2, source: "t" },
      ],
      documents: [linked, { ...document("to-seed", "published"), eventId: "seed-event" }],
    });
    const byId = Object.fromEntries(snapshot.documents.map((d) => [d.id, d]));
    expect(byId.linked?.eventId).toBeUndefined();
    expect(byId.linked?.topics).toEqual(["seed-topic"]);
    expect(byId["to-seed"]?.eventId).toBe("seed-event");
    expect(snapshot.events[0]?.organizerIds).toEqual([]);
  });
});

function event(id: string): Event {
  return {
    id,
    kind: "seminar",
    title: { es: id },
    status: "held",
    hostCountries: ["CL"],
    organizerIds: [],
    attendingCountries: [],
    sessions: [],
    source: "test",
  };
}
