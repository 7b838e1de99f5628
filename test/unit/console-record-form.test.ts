import { describe, expect, it } from "vitest";
import { RECORD_KINDS } from "../../functions/src/committee/records/kinds.js";
import {
  checkRecord,
  emptySession,
  FORM_SPECS,
  mergedRecord,
  recordContentOf,
  recordFormOf,
} from "../../hosting/console/record-form.js";
import type { RecordScreen, StoredRecord } from "../../hosting/console/records-data.js";

const STORED: Record<RecordScreen, StoredRecord> = {
  events: {
    id: "forum",
    kind: "conference",
    title: { es: "Foro", en: "Forum" },
    summary: { es: "Resumen" },
    status: "held",
    start: "2005-06-20",
    timeZone: "America/Santiago",
    hostCountries: ["CL"],
    organizerIds: ["chilecompra"],
    attendingCountries: [],
    sessions: [{ type: "forum", title: { es: "Apertura" }, topics: [{ es: "Ética" }], topicIds: ["ethics"] }],
    participation: { officials: 120 },
    source: "report",
    publication: "draft",
    version: 4,
  },
  initiatives: {
    id: "ricg",
    name: { es: "Iniciativa" },
    coordinatorIds: ["chilecompra"],
    crossLink: "linked",
    linkCheck: { checkedOn: "2026-01-05", result: "links" },
    source: "report",
  },
  institutions: {
    id: "agency",
    kind: "procurement-agency",
    name: { es: "Agencia" },
    countryId: "MX",
    source: "report",
  },
  topics: { id: "ethics", name: { es: "Ética" }, priority: "highest", order: 1, source: "report" },
};

describe("the console's record forms", () => {
  for (const kind of Object.keys(FORM_SPECS) as RecordScreen[]) {
    it(`${kind}: sends the stored content back unchanged, fields the form does not edit included, and the callable's schema accepts it`, () => {
      const stored = STORED[kind];
      const content = recordContentOf(kind, recordFormOf(kind, stored), stored);
      const { id: _id, publication: _p, version: _v, ...expected } = stored;
      expect(content).toEqual(expected);
      expect(RECORD_KINDS[kind].content.safeParse(content).success).toBe(true);
      expect(checkRecord(kind, recordFormOf(kind, stored), false, stored)).toEqual({});
    });
  }

  it("names each bad field where the form shows it, before anything is sent", () => {
    const form = recordFormOf("events", undefined);
    form.sessions = [emptySession()];
    const errors = checkRecord("events", form, true);
    expect(Object.keys(errors).sort()).toEqual(["id", "sessions.0.title.es", "source", "title.es"]);
    expect(errors.source).toContain("where the record comes from");
  });

  it("puts the record's own cross-field rules beside the field: an end before its start, a day without its time zone", () => {
    const stored = STORED.events;
    const form = recordFormOf("events", stored);
    form.values.end = "2005-06-01";
    form.values.timeZone = "";
    const errors = checkRecord("events", form, false, stored);
    expect(errors.end).toContain("before the start");
    expect(errors.timeZone).toContain("time zone");
  });

  it("keeps a session's subjects through a reorder and removes an emptied optional text", () => {
    const stored = {
      ...STORED.events,
      sessions: [
        ...(STORED.events.sessions as object[]),
        { type: "workshop", title: { es: "Taller" }, topics: [], topicIds: [] },
      ],
    };
    const form = recordFormOf("events", stored);
    form.sessions.reverse();
    for (const lang of ["es", "en", "pt", "fr"] as const) form.texts[lang].summary = "";
    const content = recordContentOf("events", form, stored);
    expect(content.sessions).toEqual([
      { type: "workshop", title: { es: "Taller" }, topics: [], topicIds: [] },
      { type: "forum", title: { es: "Apertura" }, topics: [{ es: "Ética" }], topicIds: ["ethics"] },
    ]);
    expect(content).not.toHaveProperty("summary");
  });

  it("reapplies a stale edit field by field, keeping what another person saved meanwhile", () => {
    const base = recordFormOf("events", STORED.events);
    const mine = recordFormOf("events", STORED.events);
    mine.texts.es.title = "Foro regional";
    mine.values.end = "2005-06-22";
    const latestRecord = {
      ...STORED.events,
      version: 5,
      summary: { es: "Resumen corregido por Perú." },
      attendingCountries: ["PE"],
      sessions: [...(STORED.events.sessions as object[]), { type: "workshop", title: { es: "Taller" }, topicIds: [] }],
    };
    const result = mergedRecord(base, mine, recordFormOf("events", latestRecord));
    expect(result.texts.es.title).toBe("Foro regional");
    expect(result.values.end).toBe("2005-06-22");
    // The other person's summary, country and session are all kept.
    expect(result.texts.es.summary).toBe("Resumen corregido por Perú.");
    expect(result.values.attendingCountries).toBe("PE");
    expect(result.sessions.map((s) => s.title.es)).toEqual(["Apertura", "Taller"]);
    expect(result.texts.en).toEqual(base.texts.en);
    const content = recordContentOf("events", result, latestRecord);
    expect(content).toMatchObject({
      title: { es: "Foro regional", en: "Forum" },
      summary: { es: "Resumen corregido por Perú." },
    });
    expect(checkRecord("events", result, false, latestRecord)).toEqual({});
  });
});
