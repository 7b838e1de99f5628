import { join } from "node:path";
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consoleCallables } from "../../functions/src/committee/console-callables.js";
import {
  type Document,
  OUTBOX_COLLECTION,
  OUTBOX_REVIEW_COLLECTION,
  OutboxMessageSchema,
} from "../../functions/src/model/index.js";
import { reviewCallables } from "../../functions/src/notify/callables.js";
import { type DeliveryDeps, deliverMessage } from "../../functions/src/notify/delivery.js";
import { loadSeed } from "../../functions/src/seed/load-seed.js";
import { subscriberId, unsubscribeToken } from "../../functions/src/subscriptions/keys.js";
import { queuePublication } from "../../functions/src/subscriptions/publish.js";
import {
  confirmSubscription,
  requestSubscription,
  type SubscriptionDeps,
  unsubscribe,
  unsubscribeLinkIsValid,
} from "../../functions/src/subscriptions/subscribers.js";
import { type CallableProject, type Caller, openCallableProject } from "../support/console-callers.js";
import { firestoreRest, type RestFilter } from "../support/firestore-rest.js";
import { transportTo } from "../support/outbox-delivery.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

// Issue #14, items 3 and 4, played from outside: the demo logins (real ID tokens from the Auth
// emulator) read Firestore over its REST API, as any client could, in a project of this file's
// own. The console's actions and the outbox's delivery run in-process against the same project,
// mailing a real SMTP server; what the recipients get is what the tests look for in the database.
const PROJECT = "demo-attack-audit-outbox";
const SITE = "https://www.compraspublicas.org";
const CONSOLE = "https://console.example.org";
const KEY = "attack-test subscription key, long enough to use";
const SEAL_KEY = "attack-test outbox key, long enough to use it";
const PE_INVITEE = { email: "pe-invitee@demo-tests.compraspublicas.org", name: "Invitada Secreta Perú" };

let project: CallableProject;
let db: Firestore;
let sink: SmtpSink;
let now = Date.parse("2026-05-04T12:00:00Z");
const clock = () => new Date(now);
const consoleHandlers = consoleCallables(
  () => ({
    db,
    auth: project.auth,
    clock,
    notices: { log: () => {}, siteOrigin: SITE, consoleBase: CONSOLE, sealKey: SEAL_KEY },
  }),
  () => CONSOLE,
);
const reviewHandlers = reviewCallables(() => ({ db, clock }));
const subscriptions = (): SubscriptionDeps => ({ db, clock, log: () => {}, key: KEY, sealKey: SEAL_KEY, origin: SITE });
const delivery = (): DeliveryDeps => ({
  db,
  clock,
  transport: transportTo(sink),
  sender: "Red <no-reply@compraspublicas.org>",
  log: () => {},
  sealKey: SEAL_KEY,
});

beforeAll(async () => {
  project = await openCallableProject(PROJECT, (db) => loadSeed(db, join(import.meta.dirname, "../../seed")));
  db = project.db;
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await project?.close();
});
beforeEach(() => {
  sink.received.length = 0;
  sink.behaviour = () => ({ kind: "accept" });
});

// ---- Firestore over REST, as a client with a real login -------------------------------------

const rest = () => firestoreRest(PROJECT, project.callers);
const restGet = (caller: Caller, path: string) => rest().get(caller, path);
const restList = (caller: Caller, collectionId: string, filter?: RestFilter, orderByAt = false) =>
  rest().list(caller, collectionId, filter, orderByAt);

/** The query the console's audit screen and dashboard make for a committee login (hosting/console/data.ts). */
const committeeAuditQuery = (caller: Caller, country: string) =>
  restList(caller, "audit", { field: "audience", op: "IN", value: ["committee", `committee:${country}`] }, true);

// ---- The audit log -----------------------------------------------------------------------------

describe("the audit log, read by a committee member", () => {
  let invitationEntry: string;
  let roleEntry: string;

  beforeAll(async () => {
    await consoleHandlers.invite(
      project.callers.request("secretariat", {
        email: PE_INVITEE.email,
        role: "member",
        countryId: "PE",
        memberId: "invitada-secreta-pe",
        name: PE_INVITEE.name,
        inviteeLang: "es",
      }),
    );
    await db
      .doc("accounts/attack-rep-uy")
      .set({ id: "attack-rep-uy", memberId: "rep-uy", role: "member", countryId: "UY" });
    await consoleHandlers.changeRole(
      project.callers.request("secretariat", {
        uid: "attack-rep-uy",
        role: "committee",
        reason: "Appointed representative to the committee",
      }),
    );
    const entry = async (action: string) =>
      (await db.collection("audit").where("action", "==", action).get()).docs[0]?.id ?? "";
    invitationEntry = await entry("invitation.create");
    roleEntry = await entry("account.changeRole");
    expect(invitationEntry).not.toBe("");
    expect(roleEntry).not.toBe("");
  });

  it("cannot read another country's invitation, its invitee's address or name, through the audit log", async () => {
    // The invitation itself: refused, as it always was.
    expect((await restList("committee-cl", "invitations")).status).toBe(403);
    // Its audit entry, by id, by a whole list, by a filter naming the other country or the action.
    expect((await restGet("committee-cl", `audit/${invitationEntry}`)).status).toBe(403);
    expect((await restList("committee-cl", "audit")).status).toBe(403);
    expect((await committeeAuditQuery("committee-cl", "PE")).status).toBe(403);
    expect(
      (await restList("committee-cl", "audit", { field: "action", op: "EQUAL", value: "invitation.create" })).status,
    ).toBe(403);
  });

  it("cannot read which account is which person through role changes", async () => {
    expect((await restGet("committee-cl", `audit/${roleEntry}`)).status).toBe(403);
    expect((await restGet("committee-pe", `audit/${roleEntry}`)).status).toBe(403);
    expect(
      (await restList("committee-cl", "audit", { field: "audience", op: "EQUAL", value: "secretariat" })).status,
    ).toBe(403);
    expect((await restList("committee-cl", "accounts")).status).toBe(403);
  });

  it("still loads the console's audit screen for the committee, and the whole log for the secretariat", async () => {
    const cl = await committeeAuditQuery("committee-cl", "CL");
    expect(cl.status).toBe(200);
    expect(cl.body).not.toContain(PE_INVITEE.email);
    expect(cl.body).not.toContain(PE_INVITEE.name);
    expect(cl.names).not.toContain(roleEntry);
    // The Peruvian committee reads its own country's invitation, as the invitations rule lets it.
    const pe = await committeeAuditQuery("committee-pe", "PE");
    expect(pe.status).toBe(200);
    expect(pe.names).toContain(invitationEntry);
    expect((await restGet("committee-pe", `audit/${invitationEntry}`)).status).toBe(200);
    const all = await restList("secretariat", "audit");
    expect(all.status).toBe(200);
    expect(all.names).toEqual(expect.arrayContaining([invitationEntry, roleEntry]));
    // A member reads no audit log at all.
    expect((await committeeAuditQuery("member", "MX")).status).toBe(403);
  });
});

// ---- The outbox --------------------------------------------------------------------------------

const report: Document = {
  id: "informe-ataque",
  kind: "executive-report",
  title: { es: "Informe de prueba", en: "Test report" },
  summary: { es: "Resumen", en: "Summary" },
  body: { es: "Texto", en: "Text" },
  translations: { es: "original", en: "translated" },
  countries: [],
  topics: [],
  source: "attack test",
  status: "published",
  publishedOn: "2026-05-04",
  version: 1,
};

/** Every message waiting in the outbox, delivered; returns the states they were left in. */
async function deliverWaiting(): Promise<string[]> {
  const waiting = await db.collection(OUTBOX_COLLECTION).where("delivery.state", "in", ["pending", "retrying"]).get();
  const states: string[] = [];
  for (const doc of waiting.docs) states.push(String(await deliverMessage(delivery(), doc.id)));
  return states;
}

/** Every document of the project, every collection and subcollection, as JSON text by path. */
async function everyStoredDocument(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const visit = async (refs: DocumentReference[]) => {
    for (const ref of refs) {
      const snapshot = await ref.get();
      if (snapshot.exists) found.set(ref.path, JSON.stringify(snapshot.data()));
      for (const sub of await ref.listCollections()) await visit(await sub.listDocuments());
    }
  };
  for (const collection of await db.listCollections()) await visit(await collection.listDocuments());
  return found;
}

const holding = (stored: Map<string, string>, secret: string) =>
  [...stored].filter(([, json]) => json.includes(secret)).map(([path]) => path);

const mailTo = (address: string) =>
  sink.received.find((m: ParsedMail) => {
    const to = Array.isArray(m.to) ? m.to : [m.to];
    return to.some((a) => a?.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()));
  });

const linkIn = (mail: ParsedMail | undefined, pattern: RegExp) => {
  const found = pattern.exec(mail?.text ?? "")?.[0];
  if (!found) throw new Error(`no link ${pattern} in:\n${mail?.text}`);
  return new URL(found);
};

describe("the outbox, read by a secretariat client or from a copy of the database", () => {
  it("holds no live token in clear, queued or sent: confirmation, invitation and unsubscribe links", async () => {
    const visitor = "visitor@example.org";
    const reader = "reader@example.org";
    const invitee = "mx-invitee@demo-tests.compraspublicas.org";

    // A subscriber who confirmed earlier, for the news.
    await requestSubscription(subscriptions(), { address: reader, lang: "es", clientIp: "198.51.100.7" });
    await deliverWaiting();
    const readerConfirm = linkIn(mailTo(reader), /https:\/\/\S+\/subscribe\/confirm\?\S+/);
    const readerId = readerConfirm.searchParams.get("s") ?? "";
    expect(await confirmSubscription(subscriptions(), readerId, readerConfirm.searchParams.get("t") ?? "")).toBe(true);
    sink.received.length = 0;

    // Queued: a confirmation, an invitation, a publication's news.
    await requestSubscription(subscriptions(), { address: visitor, lang: "en", clientIp: "198.51.100.8" });
    const invited = (await consoleHandlers.invite(
      project.callers.request("secretariat", {
        email: invitee,
        role: "member",
        countryId: "MX",
        memberId: "invitada-mx-ataque",
        name: "Invitada México",
        inviteeLang: "es",
      }),
    )) as { token: string; link: string };
    expect(
      (await queuePublication({ db, clock, log: () => {}, key: KEY, sealKey: SEAL_KEY, origin: SITE }, report)).queued,
    ).toBe(1);
    const liveUnsubscribe = unsubscribeToken(KEY, readerId);

    const queued = await everyStoredDocument();
    expect(holding(queued, invited.token)).toEqual([]);
    expect(holding(queued, liveUnsubscribe)).toEqual([]);

    expect(await deliverWaiting()).toEqual(["sent", "sent", "sent"]);
    const confirmLink = linkIn(mailTo(visitor), /https:\/\/\S+\/subscribe\/confirm\?\S+/);
    const invitationMail = mailTo(invitee);
    const news = mailTo(reader);
    // The header as it came over SMTP, unfolded (RFC 5322).
    const unsubscribeLine = news?.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    const listUnsubscribe = /<(https:\/\/[^>]+)>/.exec(unsubscribeLine.replace(/\r?\n(?=[ \t])/g, ""))?.[1] ?? "";
    expect(listUnsubscribe).not.toBe("");
    const received = [
      confirmLink.searchParams.get("t") ?? "",
      confirmLink.href,
      invited.token,
      invited.link,
      new URL(listUnsubscribe).searchParams.get("t") ?? "",
      listUnsubscribe,
    ];
    // The links the recipients got work: each token is the live one.
    expect(invitationMail?.text).toContain(invited.link);
    expect(received[4]).toBe(liveUnsubscribe);
    const visitorId = confirmLink.searchParams.get("s") ?? "";
    expect(visitorId).toBe(subscriberId(KEY, visitor));

    const stored = await everyStoredDocument();
    for (const secret of received) expect(holding(stored, secret), secret).toEqual([]);
    expect(await confirmSubscription(subscriptions(), visitorId, received[0] ?? "")).toBe(true);
    expect(unsubscribeLinkIsValid(KEY, readerId, received[4] ?? "")).toBe(true);
  });

  it("keeps no body or address of a settled message, sent or refused for good, and lets the TTL take the rest", async () => {
    await requestSubscription(subscriptions(), {
      address: "settled@example.org",
      lang: "es",
      clientIp: "198.51.100.9",
    });
    expect(await deliverWaiting()).toEqual(["sent"]);
    sink.behaviour = () => ({ kind: "refuse", code: 550 });
    await requestSubscription(subscriptions(), {
      address: "refused@example.org",
      lang: "es",
      clientIp: "198.51.100.10",
    });
    expect(await deliverWaiting()).toEqual(["failed"]);
    const all = await db.collection(OUTBOX_COLLECTION).get();
    for (const doc of all.docs) {
      const message = OutboxMessageSchema.parse(doc.data());
      if (!["sent", "failed", "dropped"].includes(message.delivery.state)) continue;
      expect(Object.keys(doc.data()).sort(), doc.id).toEqual(["createdAtMs", "delivery", "expireAt", "key", "lang"]);
      expect(message.expireAt).toBeDefined();
    }
    const stored = await everyStoredDocument();
    expect(holding(stored, "settled@example.org").filter((p) => p.startsWith(OUTBOX_COLLECTION))).toEqual([]);
    expect(holding(stored, "refused@example.org").filter((p) => p.startsWith(OUTBOX_COLLECTION))).toEqual([]);
  });

  it("drops a subscriber's news when the address unsubscribed before it went, and sends it to those who stayed", async () => {
    const leaving = "leaving@example.org";
    const staying = "staying@example.org";
    for (const address of [leaving, staying]) {
      await requestSubscription(subscriptions(), { address, lang: "es", clientIp: "198.51.100.11" });
    }
    await deliverWaiting();
    for (const address of [leaving, staying]) {
      const link = linkIn(mailTo(address), /https:\/\/\S+\/subscribe\/confirm\?\S+/);
      expect(
        await confirmSubscription(subscriptions(), link.searchParams.get("s") ?? "", link.searchParams.get("t") ?? ""),
      ).toBe(true);
    }
    sink.received.length = 0;
    now += 60_000;
    await queuePublication(
      { db, clock, log: () => {}, key: KEY, sealKey: SEAL_KEY, origin: SITE },
      { ...report, id: "informe-ataque-2" },
    );
    const leavingId = subscriberId(KEY, leaving);
    expect(await unsubscribe(subscriptions(), leavingId, unsubscribeToken(KEY, leavingId))).toBe(true);
    await deliverWaiting();
    expect(mailTo(leaving)).toBeUndefined();
    expect(mailTo(staying)?.subject).toContain("Informe de prueba");
    const dropped = await db
      .collection(OUTBOX_COLLECTION)
      .where("key.recipient", "==", `subscriber:${leavingId}`)
      .where("key.purpose", "==", "subscription.published")
      .get();
    expect(dropped.docs.map((d) => d.get("delivery.state"))).toContain("dropped");
    expect(holding(await everyStoredDocument(), leaving)).toEqual([]);
  });

  it("refuses every client the outbox, and shows the secretariat the messages waiting for it, without bodies, to resolve", async () => {
    await requestSubscription(subscriptions(), {
      address: "unknown-fate@example.org",
      lang: "es",
      clientIp: "198.51.100.12",
    });
    sink.behaviour = () => ({ kind: "dropAfterAccept" });
    const [state] = await deliverWaiting();
    expect(state).toBe("unknown");
    const flagged = (await db.collection(OUTBOX_COLLECTION).where("delivery.state", "==", "unknown").get()).docs[0];
    const id = flagged?.id ?? "";

    for (const caller of ["secretariat", "committee-cl", "member", "no-person", "anonymous"] as const) {
      expect((await restList(caller, OUTBOX_COLLECTION)).status, caller).toBe(403);
      expect(
        (await restList(caller, OUTBOX_COLLECTION, { field: "delivery.state", op: "EQUAL", value: "unknown" })).status,
        caller,
      ).toBe(403);
      expect((await restGet(caller, `${OUTBOX_COLLECTION}/${id}`)).status, caller).toBe(403);
    }
    for (const caller of ["committee-cl", "member", "no-person", "anonymous"] as const) {
      expect((await restList(caller, OUTBOX_REVIEW_COLLECTION)).status, caller).toBe(403);
    }

    // The secretariat's review screen: the message, its recipient and subject, no body, no link.
    const review = await restList("secretariat", OUTBOX_REVIEW_COLLECTION);
    expect(review.status).toBe(200);
    expect(review.names).toEqual([id]);
    expect(review.body).toContain("unknown-fate@example.org");
    expect(review.body).not.toContain("subscribe/confirm");
    expect(review.body).not.toMatch(/"(text|html|sealed|headers)"/);

    await reviewHandlers.resolveOutboxReview(project.callers.request("secretariat", { id, decision: "arrived" }));
    expect((await db.doc(`${OUTBOX_COLLECTION}/${id}`).get()).get("delivery.state")).toBe("sent");
    expect((await db.doc(`${OUTBOX_COLLECTION}/${id}`).get()).get("to")).toBeUndefined();
    expect((await restList("secretariat", OUTBOX_REVIEW_COLLECTION)).names).toEqual([]);
  });
});
