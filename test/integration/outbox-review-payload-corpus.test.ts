import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeliveryState, OUTBOX_COLLECTION, type Recipient } from "../../functions/src/model/index.js";
import { reviewCallables } from "../../functions/src/notify/callables.js";
import { deliveryUpdate } from "../../functions/src/notify/delivery.js";
import { enqueue } from "../../functions/src/notify/outbox.js";
import { composeMessage } from "../../functions/src/notify/templates.js";
import { type CallableProject, type Callers, openCallableProject } from "../support/console-callers.js";
import {
  bad,
  type Case,
  callerCases,
  databaseState,
  expectEachRefused,
  fieldCases,
} from "../support/payload-corpus.js";

// Malformed payloads for the decision on an email flagged for review (resolveOutboxReview): each
// refused with a clear code and message, and nothing written anywhere (any collection, Auth);
// a message that is not flagged cannot be decided; then the valid decision goes through.
const PROJECT = "demo-outbox-review-corpus";
let project: CallableProject;
let db: Firestore;
let callers: Callers;
const clock = () => new Date("2026-05-02T00:00:00Z");
const handlers = reviewCallables(() => ({ db, clock }));
const ids: Partial<Record<DeliveryState, string>> = {};

/** A queued message left in `state`, as delivery would leave it. */
async function message(state: DeliveryState): Promise<string> {
  const to: Recipient = { id: `member:${state}`, address: `${state}@example.org`, lang: "es", timeZone: "UTC" };
  const { id } = await enqueue(db, clock, () => {}, {
    purpose: "review.corpus",
    occurrence: state,
    recipient: to,
    content: composeMessage(
      { subject: "commitment.lastDay.subject", paragraphs: [], params: { host: "Chile", date: clock() } },
      to,
      "https://www.compraspublicas.org",
    ),
  });
  if (state !== "pending") {
    await db
      .collection(OUTBOX_COLLECTION)
      .doc(id)
      .update(deliveryUpdate({ state, attempts: 1, updatedAtMs: clock().getTime(), error: "corpus fixture" }));
  }
  return id;
}

beforeAll(async () => {
  project = await openCallableProject(PROJECT);
  ({ db, callers } = project);
  for (const state of ["unknown", "sent", "pending", "failed", "retrying"] as const) ids[state] = await message(state);
});
afterAll(() => project?.close());

const state = () => databaseState(db, PROJECT, project.auth);

describe("malformed payloads for the outbox review", () => {
  it("resolveOutboxReview: refuses each of at least 30 with a clear code and message, and writes nothing", async () => {
    const flagged = ids.unknown ?? "";
    const valid = { id: flagged, decision: "arrived" };
    const cases: Case[] = [
      ...fieldCases(valid),
      bad("an id in capitals", { ...valid, id: flagged.toUpperCase() }),
      bad("an id one character short", { ...valid, id: flagged.slice(1) }),
      bad("an id one character long", { ...valid, id: `${flagged}0` }),
      bad("an id with a path", { ...valid, id: `../outbox/${flagged}` }),
      bad("an id naming another collection", { ...valid, id: `accounts/${flagged.slice(9)}` }),
      bad("a script as the id", { ...valid, id: "<script>alert(1)</script>" }),
      bad("an id with a line break", { ...valid, id: `${flagged.slice(1)}\n` }),
      bad("a decision in capitals", { ...valid, decision: "ARRIVED" }),
      bad("a decision of the delivery's own states", { ...valid, decision: "sent" }),
      bad("a decision to drop it", { ...valid, decision: "delete" }),
      bad("a delivery state forced in the payload", { ...valid, delivery: { state: "sent" } }),
      bad("a reviewer forced in the payload", { ...valid, reviewedBy: "someone-else" }),
      bad("a message that does not exist", { ...valid, id: "0".repeat(40) }, "failed-precondition"),
      ...(["sent", "pending", "failed", "retrying"] as const).map((s) =>
        bad(`a ${s} message, never flagged`, { id: ids[s], decision: "resend" }, "failed-precondition"),
      ),
      ...callerCases(valid, ["no-person", "member", "committee-cl", "committee-pe"]),
    ];
    await expectEachRefused(handlers.resolveOutboxReview, cases, callers, state, "secretariat");
  });

  it("takes a decision on a flagged message from the secretariat, once", async () => {
    const decide = () =>
      handlers.resolveOutboxReview(callers.request("secretariat", { id: ids.unknown, decision: "arrived" }));
    expect((await decide()).state).toBe("sent");
    await expect(decide()).rejects.toMatchObject({ code: "failed-precondition" });
  });
});
