import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  setDoc,
  setLogLevel,
  updateDoc,
  where,
} from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountClaims, PUBLIC_COLLECTIONS } from "../../functions/src/model/index.js";

let env: RulesTestEnvironment;
const PROJECT = "demo-rules";
const RULES_FILE = join(import.meta.dirname, "../../firestore.rules");
const COVERAGE_DIR = join(import.meta.dirname, "../../coverage");
const [host = "127.0.0.1", port = "8080"] = (process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080").split(":");

/** Who asks: the three roles with the claims the accounts trigger gives, and those with none. */
const PERSONAS = {
  anonymous: null,
  "no-person": {},
  member: { role: "member", memberId: "p-member", countryId: "MX", seat: false },
  committee: { role: "committee", memberId: "p-committee", countryId: "CL", seat: true },
  secretariat: { role: "secretariat", memberId: "p-secretariat", seat: false },
} satisfies Record<string, AccountClaims | Record<string, never> | null>;
type Persona = keyof typeof PERSONAS;
const ALL = Object.keys(PERSONAS) as Persona[];
const uidOf = (p: Persona) => `u-${p}`;

const publishedDoc = { id: "published", status: "published", countries: [] };
const draftOf = (country: string) => ({ id: `draft-${country}`, status: "draft", countries: [country] });

/** Every stored path and who may `get` it. Anything not listed here must be unreadable. */
const READS: { path: string; data: Record<string, unknown>; readers: Persona[] }[] = [
  ...PUBLIC_COLLECTIONS.filter((c) => c !== "documents").map((c) => ({
    path: `${c}/x`,
    data: { id: "x" },
    readers: ["member", "committee", "secretariat"] as Persona[],
  })),
  { path: "documents/published", data: publishedDoc, readers: ["member", "committee", "secretariat"] },
  { path: "documents/draft-MX", data: draftOf("MX"), readers: ["member", "committee", "secretariat"] },
  { path: "documents/draft-CL", data: draftOf("CL"), readers: ["committee", "secretariat"] },
  { path: "documents/draft-CL/versions/1", data: { version: 1 }, readers: ["committee", "secretariat"] },
  // A person's private contact record: theirs and the secretariat's, even what they share
  // (the directory's projection holds that); the committee reads neither.
  {
    path: "memberContacts/p-member",
    data: { id: "p-member", email: "m@example.org" },
    readers: ["member", "secretariat"],
  },
  {
    path: "memberContacts/p-committee",
    data: { id: "p-committee", email: "c@example.org", share: { email: true, phone: false } },
    readers: ["committee", "secretariat"],
  },
  {
    path: "memberContacts/shared",
    data: { id: "shared", email: "s@example.org", phone: "+56 2 2290 4400", share: { email: true, phone: false } },
    readers: ["secretariat"],
  },
  {
    path: "memberContacts/private",
    data: { id: "private", email: "p@example.org" },
    readers: ["secretariat"],
  },
  {
    path: "directory/shared",
    data: { id: "shared", email: "s@example.org" },
    readers: ["member", "committee", "secretariat"],
  },
  { path: "directory/private", data: { id: "private" }, readers: ["member", "committee", "secretariat"] },
  { path: `accounts/${uidOf("member")}`, data: { role: "member" }, readers: ["member", "secretariat"] },
  { path: `accounts/${uidOf("no-person")}`, data: { role: "member" }, readers: ["no-person", "secretariat"] },
  { path: `metadata/${uidOf("member")}`, data: { refreshTime: 1 }, readers: ["member"] },
  { path: `metadata/${uidOf("committee")}`, data: { refreshTime: 1 }, readers: ["committee"] },
  {
    path: "audit/x",
    data: { action: "document.publish", audience: "committee" },
    readers: ["committee", "secretariat"],
  },
  // Another country's invitation names its invitee; an account's change maps it to a person.
  {
    path: "audit/invite-cl",
    data: { action: "invitation.create", audience: "committee:CL", after: { email: "i@example.org" } },
    readers: ["committee", "secretariat"],
  },
  {
    path: "audit/invite-pe",
    data: { action: "invitation.create", audience: "committee:PE", after: { email: "j@example.org" } },
    readers: ["secretariat"],
  },
  {
    path: "audit/role",
    data: { action: "account.changeRole", audience: "secretariat", after: { memberId: "p" } },
    readers: ["secretariat"],
  },
  { path: "audit/older", data: { action: "invitation.create" }, readers: ["secretariat"] },
  { path: "seatOverrides/AR", data: { countryId: "AR", seat: true }, readers: ["committee", "secretariat"] },
  { path: "invitations/for-cl", data: { countryId: "CL" }, readers: ["committee", "secretariat"] },
  { path: "invitations/for-mx", data: { countryId: "MX" }, readers: ["secretariat"] },
  // Events, institutions, initiatives and topics: drafts as documents', a seed record (no state) published.
  {
    path: "events/published",
    data: { id: "published", publication: "published", hostCountries: ["CL"] },
    readers: ["member", "committee", "secretariat"],
  },
  {
    path: "events/draft-MX",
    data: { id: "draft-MX", publication: "draft", hostCountries: ["MX"] },
    readers: ["member", "committee", "secretariat"],
  },
  {
    path: "events/draft-CL",
    data: { id: "draft-CL", publication: "draft", hostCountries: ["CL"] },
    readers: ["committee", "secretariat"],
  },
  {
    path: "events/review-CL",
    data: { id: "review-CL", publication: "in-review", hostCountries: ["CL"] },
    readers: ["committee", "secretariat"],
  },
  {
    path: "institutions/draft-MX",
    data: { id: "draft-MX", publication: "draft", countryId: "MX" },
    readers: ["member", "committee", "secretariat"],
  },
  {
    path: "institutions/draft-CL",
    data: { id: "draft-CL", publication: "draft", countryId: "CL" },
    readers: ["committee", "secretariat"],
  },
  {
    path: "institutions/multilateral-draft",
    data: { id: "multilateral-draft", publication: "draft" },
    readers: ["committee", "secretariat"],
  },
  { path: "initiatives/draft", data: { id: "draft", publication: "draft" }, readers: ["committee", "secretariat"] },
  {
    path: "initiatives/published",
    data: { id: "published", publication: "published" },
    readers: ["member", "committee", "secretariat"],
  },
  { path: "topics/archived", data: { id: "archived", publication: "archived" }, readers: ["committee", "secretariat"] },
  ...["events/draft-MX", "institutions/draft-MX", "initiatives/draft", "topics/archived"].map((record) => ({
    path: `${record}/versions/1`,
    data: { version: 1 },
    readers: ["committee", "secretariat"] as Persona[],
  })),
  {
    path: "publicationSchedules/event_x",
    data: { id: "x", at: "2027-01-01T00:00:00.000Z" },
    readers: ["committee", "secretariat"],
  },
  // The account behind an audit entry the committee reads: the secretariat's alone.
  { path: "auditActors/e1", data: { uid: "uid-x" }, readers: ["secretariat"] },
  { path: "views/public", data: { version: "v" }, readers: [] },
  // The outbox holds addresses and bodies (tokens sealed): no client reads it, the secretariat
  // reads the projection of what waits for its review.
  { path: "outbox/x", data: { kind: "submitted" }, readers: [] },
  {
    path: "outbox/m",
    data: { to: { address: "a@example.org" }, delivery: { state: "unknown" } },
    readers: [],
  },
  {
    path: "outboxReview/m",
    data: { to: { address: "a@example.org" }, subject: "S", state: "unknown" },
    readers: ["secretariat"],
  },
  { path: "jobState/j", data: { had: { "before-90d": 1 } }, readers: [] },
  {
    path: "subscribers/0123456789abcdef0123456789abcdef",
    data: { status: "confirmed", address: "s@example.org" },
    readers: [],
  },
  { path: "subscriptionLimits/client-x", data: { windowStartMs: 1, count: 1 }, readers: [] },
  // Event registrations hold people's addresses: written and read by Cloud Functions alone.
  {
    path: "registrations/0123456789abcdef0123456789abcdef",
    data: { eventId: "e1", address: "r@example.org", status: { state: "confirmed" } },
    readers: [],
  },
  { path: "registrationSettings/e1", data: { eventId: "e1", places: 10 }, readers: [] },
  { path: "registrationCounters/e1", data: { eventId: "e1", placesHeld: 1, lastSeq: 0 }, readers: [] },
  // A country's delegation: its own country's representatives, the committee and the secretariat.
  {
    path: "delegations/e1__MX",
    data: { eventId: "e1", country: "MX", state: "draft", people: [] },
    readers: ["member", "committee", "secretariat"],
  },
  {
    path: "delegations/e1__PE",
    data: { eventId: "e1", country: "PE", state: "submitted", people: [] },
    readers: ["committee", "secretariat"],
  },
  { path: "registrationFigures/e1", data: { eventId: "e1", officials: 2, attended: 3 }, readers: [] },
];

type Db = ReturnType<ReturnType<RulesTestEnvironment["unauthenticatedContext"]>["firestore"]>;
const REVIEWERS: Persona[] = ["committee", "secretariat"];
const MEMBERS: Persona[] = ["member", "committee", "secretariat"];
const WORKFLOW = ["documents", "events", "institutions", "initiatives", "topics"];

/**
 * Every stored collection and who may list it, unfiltered, and through the filters the console
 * asks with (a list is judged by its filters, so a role may list through a filter what it may
 * not list whole). Anything not listed here must be unlistable, which the last rows check.
 */
const LISTS: { collection: string; filter?: (db: Db) => ReturnType<typeof query>; readers: Persona[] }[] = [
  ...PUBLIC_COLLECTIONS.filter((c) => !WORKFLOW.includes(c)).map((c) => ({ collection: c, readers: MEMBERS })),
  ...WORKFLOW.map((c) => ({ collection: c, readers: REVIEWERS })),
  ...WORKFLOW.filter((c) => c !== "documents").map((c) => ({
    collection: c,
    filter: (db: Db) => query(collection(db, c), where("publication", "==", "published")),
    readers: MEMBERS,
  })),
  {
    collection: "documents",
    filter: (db) => query(collection(db, "documents"), where("status", "==", "published")),
    readers: MEMBERS,
  },
  // A member's second query, its own country's records (the member persona represents MX): the
  // same filter naming another country is the committee's and the secretariat's only.
  ...(
    [
      ["documents", "countries", "array-contains"],
      ["events", "hostCountries", "array-contains"],
      ["institutions", "countryId", "=="],
    ] as const
  ).flatMap(([c, field, op]) => [
    { collection: c, filter: (db: Db) => query(collection(db, c), where(field, op, "MX")), readers: MEMBERS },
    { collection: c, filter: (db: Db) => query(collection(db, c), where(field, op, "CL")), readers: REVIEWERS },
  ]),
  ...WORKFLOW.map((c) => ({ collection: `${c}/draft-CL/versions`, readers: REVIEWERS })),
  { collection: "memberContacts", readers: ["secretariat"] },
  {
    collection: "memberContacts",
    filter: (db) => query(collection(db, "memberContacts"), where("share.email", "==", true)),
    readers: ["secretariat"],
  },
  { collection: "directory", readers: MEMBERS },
  { collection: "accounts", readers: ["secretariat"] },
  { collection: "metadata", readers: [] },
  { collection: "audit", readers: ["secretariat"] },
  {
    collection: "audit",
    filter: (db) => query(collection(db, "audit"), where("audience", "in", ["committee", "committee:CL"])),
    readers: REVIEWERS,
  },
  { collection: "auditActors", readers: ["secretariat"] },
  { collection: "seatOverrides", readers: REVIEWERS },
  { collection: "invitations", readers: ["secretariat"] },
  {
    collection: "invitations",
    filter: (db) => query(collection(db, "invitations"), where("countryId", "==", "CL")),
    readers: REVIEWERS,
  },
  { collection: "publicationSchedules", readers: REVIEWERS },
  { collection: "outbox", readers: [] },
  { collection: "outboxReview", readers: ["secretariat"] },
  { collection: "views", readers: [] },
  { collection: "jobState", readers: [] },
  { collection: "subscribers", readers: [] },
  { collection: "subscriptionLimits", readers: [] },
  { collection: "registrations", readers: [] },
  {
    collection: "registrations",
    filter: (db) => query(collection(db, "registrations"), where("eventId", "==", "e1")),
    readers: [],
  },
  { collection: "registrationSettings", readers: [] },
  { collection: "registrationCounters", readers: [] },
  { collection: "delegations", readers: REVIEWERS },
  {
    collection: "delegations",
    filter: (db) => query(collection(db, "delegations"), where("country", "==", "MX")),
    readers: ["member", "committee", "secretariat"],
  },
  { collection: "registrationFigures", readers: [] },
];

beforeAll(async () => {
  // Denied requests are what most of these tests expect; the SDK would log each one.
  setLogLevel("silent");
  env = await initializeTestEnvironment({
    projectId: PROJECT,
    firestore: {
      rules: readFileSync(RULES_FILE, "utf8"),
      host,
      port: Number(port),
    },
  });
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    for (const { path, data } of READS) await setDoc(doc(ctx.firestore(), path), data);
  });
});
afterAll(() => env?.cleanup());

// One client per persona for the whole file: creating a client is what costs time here.
const clients = new Map<Persona, ReturnType<ReturnType<RulesTestEnvironment["unauthenticatedContext"]>["firestore"]>>();
const as = (persona: Persona) => {
  let client = clients.get(persona);
  if (!client) {
    const claims = PERSONAS[persona];
    client =
      claims === null
        ? env.unauthenticatedContext().firestore()
        : env.authenticatedContext(uidOf(persona), claims).firestore();
    clients.set(persona, client);
  }
  return client;
};
const expectAccess = (allowed: boolean, request: Promise<unknown>) =>
  allowed ? assertSucceeds(request) : assertFails(request);

describe("firestore rules: reads", () => {
  for (const persona of ALL) {
    it(`lets ${persona} get exactly what its role may see`, async () => {
      await Promise.all(
        READS.map(({ path, readers }) => expectAccess(readers.includes(persona), getDoc(doc(as(persona), path)))),
      );
    });
  }

  it("lets a member list documents only through a filter the rules can prove: published, or their own country", async () => {
    const docs = collection(as("member"), "documents");
    await assertSucceeds(getDocs(query(docs, where("status", "==", "published"))));
    await assertSucceeds(getDocs(query(docs, where("countries", "array-contains", "MX"))));
    await assertFails(getDocs(docs));
    await assertFails(getDocs(query(docs, where("countries", "array-contains", "CL"))));
  });

  it("lets a member list events, institutions, initiatives and topics only through a filter the rules can prove", async () => {
    const events = collection(as("member"), "events");
    await assertSucceeds(getDocs(query(events, where("publication", "==", "published"))));
    await assertSucceeds(getDocs(query(events, where("hostCountries", "array-contains", "MX"))));
    await assertFails(getDocs(events));
    await assertFails(getDocs(query(events, where("hostCountries", "array-contains", "CL"))));
    const institutions = collection(as("member"), "institutions");
    await assertSucceeds(getDocs(query(institutions, where("countryId", "==", "MX"))));
    await assertFails(getDocs(query(institutions, where("countryId", "==", "CL"))));
    for (const name of ["initiatives", "topics"]) {
      await assertSucceeds(getDocs(query(collection(as("member"), name), where("publication", "==", "published"))));
      await assertFails(getDocs(collection(as("member"), name)));
      await assertSucceeds(getDocs(collection(as("committee"), name)));
    }
    await assertFails(getDocs(collection(as("member"), "publicationSchedules")));
    await assertSucceeds(getDocs(collection(as("committee"), "publicationSchedules")));
  });

  it("refuses every list of private contact records but the secretariat's, and lists the directory's shared details to every role", async () => {
    for (const persona of ["member", "committee"] as const) {
      const contacts = collection(as(persona), "memberContacts");
      await assertFails(getDocs(contacts));
      await assertFails(getDocs(query(contacts, where("share.email", "==", true))));
      const directory = await getDocs(collection(as(persona), "directory"));
      // The projection holds what was shared and nothing else.
      expect(directory.docs.map((d) => d.data()).sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual([
        { id: "private" },
        { id: "shared", email: "s@example.org" },
      ]);
    }
    await assertSucceeds(getDocs(collection(as("secretariat"), "memberContacts")));
  });

  it("lets only the secretariat list accounts, and the committee only its own country's invitations", async () => {
    for (const persona of ALL) {
      await expectAccess(persona === "secretariat", getDocs(collection(as(persona), "accounts")));
      await expectAccess(persona === "secretariat", getDocs(collection(as(persona), "invitations")));
    }
    await assertSucceeds(getDocs(query(collection(as("committee"), "invitations"), where("countryId", "==", "CL"))));
    await assertFails(getDocs(query(collection(as("member"), "invitations"), where("countryId", "==", "MX"))));
  });

  it("lists the outbox to nobody, and the messages waiting for review, without bodies, to the secretariat", async () => {
    for (const persona of ALL) {
      const outbox = collection(as(persona), "outbox");
      await assertFails(getDocs(outbox));
      await assertFails(getDocs(query(outbox, where("delivery.state", "in", ["unknown", "failed"]))));
      await expectAccess(persona === "secretariat", getDocs(collection(as(persona), "outboxReview")));
    }
  });

  it("lists versions to the committee and the secretariat only", async () => {
    for (const persona of ALL) {
      const allowed = persona === "committee" || persona === "secretariat";
      await expectAccess(allowed, getDocs(collection(as(persona), "documents/draft-CL/versions")));
    }
  });

  it("lists the audit log whole to the secretariat, and to the committee only what its audience names", async () => {
    for (const persona of ALL) {
      await expectAccess(persona === "secretariat", getDocs(collection(as(persona), "audit")));
      const committeeQuery = query(
        collection(as(persona), "audit"),
        where("audience", "in", ["committee", "committee:CL"]),
      );
      await expectAccess(persona === "committee" || persona === "secretariat", getDocs(committeeQuery));
    }
    const audit = collection(as("committee"), "audit");
    await assertFails(getDocs(query(audit, where("audience", "in", ["committee", "committee:PE"]))));
    await assertFails(getDocs(query(audit, where("action", "==", "account.changeRole"))));
    await assertFails(getDocs(query(audit, where("audience", "==", "secretariat"))));
    const seen = await getDocs(query(audit, where("audience", "in", ["committee", "committee:CL"])));
    expect(seen.docs.map((d) => d.id).sort()).toEqual(["invite-cl", "x"]);
  });
});

describe("firestore rules: lists", () => {
  it("covers every collection a READS row stores", () => {
    const stored = new Set(
      READS.map(({ path }) =>
        path
          .split("/")
          .slice(0, -1)
          .join("/")
          .replace(/\/[^/]+\/versions$/, "/*/versions"),
      ),
    );
    const listed = new Set(LISTS.map((l) => l.collection.replace(/\/[^/]+\/versions$/, "/*/versions")));
    expect([...stored].filter((c) => !listed.has(c))).toEqual([]);
  });

  for (const persona of ALL) {
    it(`lets ${persona} list exactly what its role may list, whole or through the console's filters`, async () => {
      await Promise.all(
        LISTS.map(({ collection: name, filter, readers }) =>
          expectAccess(
            readers.includes(persona),
            getDocs(filter ? filter(as(persona)) : collection(as(persona), name)),
          ),
        ),
      );
    });
  }
});

describe("firestore rules: subscribers", () => {
  it("lists the subscribers and the subscription limits to nobody", async () => {
    for (const persona of ALL) {
      await assertFails(getDocs(collection(as(persona), "subscribers")));
      await assertFails(getDocs(collection(as(persona), "subscriptionLimits")));
    }
  });
});

describe("firestore rules: no client writes", () => {
  for (const persona of ALL) {
    it(`refuses ${persona} every create, update and delete`, async () => {
      await Promise.all(
        READS.flatMap(({ path }) => [
          assertFails(setDoc(doc(as(persona), `${path}-new`), { id: "new" })),
          assertFails(updateDoc(doc(as(persona), path), { touched: true })),
          assertFails(deleteDoc(doc(as(persona), path))),
        ]),
      );
    });
  }

  it("refuses escalation: promoting oneself, forging claims-like fields, publishing by hand", async () => {
    for (const persona of ALL) {
      const me = as(persona);
      await assertFails(setDoc(doc(me, "accounts", uidOf(persona)), { role: "secretariat", countryId: "CL" }));
      await assertFails(updateDoc(doc(me, "accounts", uidOf("member")), { role: "secretariat" }));
      await assertFails(setDoc(doc(me, "metadata", uidOf(persona)), { refreshTime: Date.now() }));
      await assertFails(setDoc(doc(me, "seatOverrides", "MX"), { countryId: "MX", seat: true, reason: "forged" }));
      await assertFails(setDoc(doc(me, "committee", "MX"), { id: "MX", countryId: "MX", basis: "manual" }));
      await assertFails(updateDoc(doc(me, "documents", "draft-CL"), { status: "published" }));
      await assertFails(updateDoc(doc(me, "events", "draft-CL"), { publication: "published" }));
      await assertFails(setDoc(doc(me, "publicationSchedules", "event_draft-CL"), { at: "2020-01-01T00:00:00Z" }));
      await assertFails(setDoc(doc(me, "invitations", "forged"), { countryId: "MX", role: "secretariat" }));
      await assertFails(setDoc(doc(me, "audit", "forged"), { action: "publish" }));
    }
  });
});

interface CoverageNode {
  sourcePosition: { line: number };
  values?: { count: number }[];
  children?: CoverageNode[];
}

// Runs last (tests in a file run in order): by now every request above has been evaluated.
describe("firestore rules: coverage", () => {
  it("saves the emulator's coverage report and evaluated every rule expression at least once", async () => {
    const base = `http://${host}:${port}/emulator/v1/projects/${PROJECT}`;
    mkdirSync(COVERAGE_DIR, { recursive: true });
    writeFileSync(join(COVERAGE_DIR, "firestore-rules.html"), await (await fetch(`${base}:ruleCoverage.html`)).text());
    const coverage = (await (await fetch(`${base}:ruleCoverage`)).json()) as { report: CoverageNode[] };
    const evaluated = new Set<number>();
    const visit = (node: CoverageNode) => {
      if ((node.values ?? []).some((v) => v.count > 0)) evaluated.add(node.sourcePosition.line);
      node.children?.forEach(visit);
    };
    coverage.report.forEach(visit);
    // Every line where an expression starts: an allow condition, a function's return, or an
    // || / && branch of a condition split over lines.
    const expressionLines = readFileSync(RULES_FILE, "utf8")
      .split("\n")
      .flatMap((line, index) => (/^\s*(allow .*: if |return |\|\||&&)/.test(line) ? [index + 1] : []));
    expect(expressionLines.length).toBeGreaterThan(10);
    expect(expressionLines.filter((line) => !evaluated.has(line))).toEqual([]);
    // Each list branch has a line of its own, so the check above proves every one of them ran.
    const rules = readFileSync(RULES_FILE, "utf8");
    expect(rules).not.toMatch(/allow [^:]*\b(get|read)\b[^:]*\blist\b|allow [^:]*\blist\b[^:]*\bget\b|allow read/);
    expect((rules.match(/^\s*allow list: if /gm) ?? []).length).toBeGreaterThanOrEqual(14);
  });
});
