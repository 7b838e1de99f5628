import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CommitteeSeat, Event, SeatOverride } from "../../model/index.js";
import { readSeed } from "../../seed/read-seed.js";
import { type SeedRecords, validateSeed } from "../../seed/validate-seed.js";
import { computeSeatChanges, RULE_SOURCE } from "./santiago-rule.js";

let seed: SeedRecords;
beforeAll(async () => {
  seed = validateSeed(await readSeed(join(import.meta.dirname, "../../../../seed")));
});
const TODAY = "2026-03-01";
const event = (id: string, status: Event["status"], hostCountries: string[], start?: string): Event => ({
  id,
  kind: "seminar",
  title: { es: id },
  status,
  ...(start ? { start } : {}),
  hostCountries,
  organizerIds: [],
  attendingCountries: [],
  sessions: [],
  source: "test",
});
const override = (countryId: string, seat: boolean): SeatOverride => ({
  countryId,
  seat,
  reason: "Decided at the 2026 assembly",
  by: "demo-secretariat",
  at: "2026-02-01T10:00:00.000Z",
});

describe("the Santiago rule", () => {
  it("gives exactly the seed's seats, on the same basis and event, from the seed's events", () => {
    const fromEvents = computeSeatChanges({ events: seed.events, overrides: [], current: [], today: TODAY });
    const pick = (s: CommitteeSeat | undefined) => s && { countryId: s.countryId, basis: s.basis, eventId: s.eventId };
    expect(fromEvents.map((c) => pick(c.after))).toEqual(
      [...seed.committee].sort((a, b) => a.countryId.localeCompare(b.countryId)).map(pick),
    );
  });

  it("changes nothing when the events still justify every seat", () => {
    expect(computeSeatChanges({ events: seed.events, overrides: [], current: seed.committee, today: TODAY })).toEqual(
      [],
    );
  });

  it("gives a seat to the host of a new upcoming event, dated today, and takes it back when the event is cancelled", () => {
    const events = [...seed.events, event("v-seminar-buenos-aires", "planned", ["AR"], "2027-05")];
    const [change, ...rest] = computeSeatChanges({ events, overrides: [], current: seed.committee, today: TODAY });
    expect(rest).toEqual([]);
    expect(change?.after).toEqual({
      id: "AR",
      countryId: "AR",
      basis: "will-host",
      eventId: "v-seminar-buenos-aires",
      since: TODAY,
      source: RULE_SOURCE,
    });
    const cancelled = [...seed.events, event("v-seminar-buenos-aires", "cancelled", ["AR"], "2027-05")];
    const current = [...seed.committee, change?.after as CommitteeSeat];
    expect(computeSeatChanges({ events: cancelled, overrides: [], current, today: TODAY })).toEqual([
      { countryId: "AR", before: change?.after, after: undefined },
    ]);
  });

  it("keeps a seat's date when its basis moves from hosting next to having hosted", () => {
    const usHeld = seed.events.map((e) =>
      e.id === "next-event-united-states" ? { ...e, status: "held" as const } : e,
    );
    const [change] = computeSeatChanges({ events: usHeld, overrides: [], current: seed.committee, today: TODAY });
    expect(change?.after).toMatchObject({ countryId: "US", basis: "hosted", since: "2005-06" });
  });

  it("lets the secretariat give a seat by hand with its reason, and remove one the rule would give", () => {
    const changes = computeSeatChanges({
      events: seed.events,
      overrides: [override("MX", true), override("PE", false)],
      current: seed.committee,
      today: TODAY,
    });
    expect(changes.map((c) => [c.countryId, c.after?.basis ?? null])).toEqual([
      ["MX", "manual"],
      ["PE", null],
    ]);
    expect(changes[0]?.after).toMatchObject({ reason: "Decided at the 2026 assembly", since: TODAY });
  });

  it("counts only published events: a draft gives no seat, publishing gives it, unpublishing or deleting takes it back", () => {
    const draft = { ...event("next", "planned", ["MX"], "2027-05"), publication: "draft" as const };
    const seatOf = (events: Event[], current: CommitteeSeat[] = []) =>
      computeSeatChanges({ events, overrides: [], current, today: TODAY }).find((c) => c.countryId === "MX");
    expect(seatOf([draft])).toBeUndefined();
    for (const state of ["in-review", "archived", "deleted"] as const) {
      expect(seatOf([{ ...draft, publication: state }])).toBeUndefined();
    }
    const won = seatOf([{ ...draft, publication: "published" }]);
    expect(won?.after).toMatchObject({ countryId: "MX", basis: "will-host", eventId: "next" });
    const held = won?.after ? [won.after] : [];
    expect(seatOf([{ ...draft, publication: "draft" }], held)?.after).toBeUndefined();
    expect(seatOf([{ ...draft, publication: "deleted" }], held)?.after).toBeUndefined();
    // The seed's events carry no state: published, so they keep giving their seats.
    expect(seatOf([{ ...draft, publication: undefined }], held)).toBeUndefined();
  });
});
