import { describe, expect, it } from "vitest";
import { RECORD_KINDS } from "../../functions/src/committee/records/kinds.js";
import {
  AuditEntrySchema,
  FIRESTORE_DOCUMENT_MAX_BYTES,
  RECORD_MAX_BYTES,
  SESSIONS_MAX_BYTES,
  storedSize,
} from "../../functions/src/model/index.js";
import { BODY_MAX, COSTLY, longId, maxDocument, maxEvent } from "../support/max-records.js";

// What a record at the model's limits costs Firestore, counted as Firestore counts
// (firebase.google.com/docs/firestore/storage-size): the record, its version entry and the audit
// entry that holds it twice must each fit in one document (1 MiB) with a fifth to spare.
const MARGIN_LIMIT = FIRESTORE_DOCUMENT_MAX_BYTES * 0.8;
const author = { memberId: longId(1), role: "secretariat" as const };
/** An audit entry the secretariat alone reads keeps the account too (appendAudit). */
const actor = { uid: "u".repeat(128), ...author };
const AT = "2026-04-01T12:00:00.000Z";
/** A document's name: each path segment's bytes plus one, and 16 more. */
const nameSize = (...segments: string[]) => segments.reduce((sum, s) => sum + s.length + 1, 16);

function footprint(kind: (typeof RECORD_KINDS)["documents" | "events"], record: Record<string, unknown>) {
  const collection = kind.collection;
  const version = kind.version.parse({
    version: 1_000_000,
    at: AT,
    action: `${kind.type}.restoreVersion`,
    by: author,
    contentBy: author,
    record,
  });
  const audit = AuditEntrySchema.parse({
    at: AT,
    actor,
    action: `${kind.type}.restoreVersion`,
    target: { collection, id: record.id },
    countryIds: kind.countriesOf(record as { id: string }),
    before: record,
    after: record,
    reason: COSTLY.repeat(1_000),
    notifySubscribers: { reason: COSTLY.repeat(1_000) },
  });
  const id = String(record.id);
  return {
    record: storedSize(record) + nameSize(collection, id) + 32,
    version: storedSize(version) + nameSize(collection, id, "versions", "1000000") + 32,
    audit: storedSize(audit) + nameSize("audit", "x".repeat(20)) + 32,
  };
}

describe("records at the model's limits fit Firestore's 1 MiB with margin", () => {
  it("a document with every language's body at its maximum, in 3-byte characters", () => {
    const record = RECORD_KINDS.documents.schema.parse({
      ...maxDocument(),
      id: longId(0),
      status: "in-review",
      publishedOn: "2026-04-01",
      version: 1_000_000,
    }) as Record<string, unknown>;
    const size = footprint(RECORD_KINDS.documents, record);
    expect(size.record).toBeGreaterThan(RECORD_MAX_BYTES * 0.95);
    expect(size.record).toBeLessThanOrEqual(RECORD_MAX_BYTES);
    expect(size.version).toBeLessThan(MARGIN_LIMIT);
    expect(size.audit).toBeLessThan(MARGIN_LIMIT);
  });

  it("an event with its sessions filled to their byte budget and every other field at its maximum", () => {
    const content = maxEvent();
    expect(storedSize(content.sessions)).toBeGreaterThan(SESSIONS_MAX_BYTES - 4_000);
    const record = RECORD_KINDS.events.schema.parse({
      ...content,
      id: longId(0),
      publication: "in-review",
      version: 1_000_000,
    }) as Record<string, unknown>;
    const size = footprint(RECORD_KINDS.events, record);
    expect(size.record).toBeLessThanOrEqual(RECORD_MAX_BYTES);
    expect(size.audit).toBeLessThan(MARGIN_LIMIT);
  });

  it("refuses one character over a body's maximum, naming the field", () => {
    const content = maxDocument();
    const over = RECORD_KINDS.documents.content.safeParse({
      ...content,
      body: { ...content.body, pt: `${content.body.pt}€` },
    });
    expect(over.success).toBe(false);
    expect(over.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["body.pt", `must be at most ${BODY_MAX} characters`],
    ]);
  });

  it("refuses one subject past the sessions' byte budget, naming the sessions", () => {
    const over = RECORD_KINDS.events.content.safeParse(maxEvent(true));
    expect(over.success).toBe(false);
    expect(over.error?.issues.map((i) => i.path.join("."))).toEqual(["sessions"]);
    expect(over.error?.issues[0]?.message).toContain(`at most ${SESSIONS_MAX_BYTES} bytes`);
  });

  it("counts an astral character (2 units, 4 bytes) cheaper per unit than a 3-byte one", () => {
    expect(storedSize("𝄞")).toBe(5);
    expect("𝄞".length).toBe(2);
    expect(storedSize(COSTLY)).toBe(4);
  });
});
