import type { Firestore } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, type AuditEntry } from "../model/index.js";
import { AUDIT_REACTIONS, type NoticeDeps, type Reaction, reactToAuditEntry, seatChanged } from "./audit-reactions.js";

const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  at: "2026-04-01T12:00:00.000Z",
  actor: { system: "santiago-rule" },
  action: "seat.rule",
  target: { collection: "committee", id: "MX" },
  countryIds: ["MX"],
  before: null,
  after: null,
  ...fields,
});

// These paths decide before they read anything: a database that throws proves they did not.
const untouchable = new Proxy({} as Firestore, {
  get() {
    throw new Error("the reaction read the database");
  },
});
const deps = (log: unknown[] = []): NoticeDeps => ({
  db: untouchable,
  clock: () => new Date("2026-04-01T12:00:00Z"),
  log: (e) => log.push(e),
  siteOrigin: "https://www.compraspublicas.org",
  consoleBase: "https://www.compraspublicas.org/console/",
});

describe("the audit log's notifications", () => {
  it("hands each entry to the reaction of its action, with the entry's id, and nothing to actions without one", async () => {
    const seen: string[] = [];
    const table: Partial<Record<AuditEntry["action"], Reaction>> = {
      "document.publish": async (_deps, e) => {
        seen.push(`${e.action}:${e.id}:${e.target.id}`);
        return 3;
      },
    };
    const published = entry({ action: "document.publish", target: { collection: "documents", id: "d" } });
    expect(await reactToAuditEntry(deps(), "a1", published, table)).toBe(3);
    expect(await reactToAuditEntry(deps(), "a2", entry({ action: "document.archive" }), table)).toBe(0);
    expect(seen).toEqual(["document.publish:a1:d"]);
  });

  it("logs and skips an entry that does not parse, instead of failing the trigger forever", async () => {
    const log: unknown[] = [];
    expect(await reactToAuditEntry(deps(log), "bad", { action: "document.submit" })).toBe(0);
    expect(log).toEqual([expect.objectContaining({ severity: "ERROR", id: "bad" })]);
  });

  it("reacts to a submission and to seats; the invitation is mailed by its callable, which alone has the token", () => {
    expect(Object.keys(AUDIT_REACTIONS).sort()).toEqual(["document.submit", "seat.rule", "seat.set"]);
    expect(Object.keys(AUDIT_REACTIONS).every((a) => (AUDIT_ACTIONS as readonly string[]).includes(a))).toBe(true);
    expect(AUDIT_REACTIONS["invitation.create"]).toBeUndefined();
  });

  it("mails nobody for a seat override or a seat whose basis changed, which gain or lose nothing", async () => {
    const seat = (basis: "hosted" | "will-host") => ({
      id: "MX",
      countryId: "MX",
      basis,
      eventId: "e",
      since: "2026-01-01",
      source: "s",
    });
    const override = entry({ action: "seat.set", target: { collection: "seatOverrides", id: "MX" } });
    expect(await seatChanged(deps(), { ...override, id: "o" })).toBe(0);
    const moved = entry({ before: seat("will-host"), after: seat("hosted") });
    expect(await seatChanged(deps(), { ...moved, id: "m" })).toBe(0);
  });
});
