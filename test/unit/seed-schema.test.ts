import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readSeed } from "../../functions/src/seed/read-seed.js";
import { type SeedRecords, SeedValidationError, validateSeed } from "../../functions/src/seed/validate-seed.js";

const SEED_DIR = join(import.meta.dirname, "../../seed");

let seed: SeedRecords;
beforeAll(async () => {
  seed = validateSeed(await readSeed(SEED_DIR));
});

const byId = <T extends { id: string }>(list: T[], id: string): T => {
  const found = list.find((r) => r.id === id);
  if (!found) throw new Error(`no record "${id}"`);
  return found;
};

describe("the seed from the 2005 Santiago executive report", () => {
  it("lists the 18 OAS countries that attended and Canada, 19 in all", () => {
    const codes = seed.countries.map((c) => c.id);
    expect(codes).toHaveLength(19);
    expect(codes).toContain("CA");
  });

  it("records 38 officials from 18 countries and 2 multilateral institutions at the III Seminar in Santiago", () => {
    const seminar = byId(seed.events, "iii-seminar-santiago-2005");
    expect(seminar.attendingCountries).toHaveLength(18);
    expect(seminar.attendingCountries).not.toContain("CA");
    expect(seminar.participation).toEqual({ officials: 38, countries: 18, multilateralInstitutions: 2 });
    expect(seminar.city?.es).toBe("Santiago de Chile");
    expect(seminar.hostCountries).toEqual(["CL"]);
  });

  it("seats five countries on the Executive Committee: four past hosts and the next host", () => {
    const basis = Object.fromEntries(seed.committee.map((s) => [s.countryId, s.basis]));
    expect(basis).toEqual({ PE: "hosted", CR: "hosted", BR: "hosted", CL: "hosted", US: "will-host" });
  });

  it("has five priority topics, two of them of the highest priority", () => {
    expect(seed.topics).toHaveLength(5);
    expect(seed.topics.filter((t) => t.priority === "highest").map((t) => t.id)).toEqual([
      "sme-participation",
      "professional-development",
    ]);
  });

  it("merges three initiatives with their coordinators", () => {
    const coordinators = Object.fromEntries(seed.initiatives.map((i) => [i.id, i.coordinatorIds]));
    expect(coordinators).toEqual({
      "e-government-procurement-network": ["chilecompra"],
      "conference-of-the-americas": ["gsa", "ccc"],
      "central-procurement-institutions-network": ["consucode"],
    });
  });

  it("keeps Chile's one-year hosting offer without inventing a start date", () => {
    expect(seed.commitments).toHaveLength(1);
    const offer = seed.commitments[0];
    expect(offer?.hostCountryId).toBe("CL");
    expect(offer?.termMonths).toBe(12);
    expect(offer?.termStart).toBeUndefined();
    expect(offer?.status).toBe("offered");
  });

  it("leaves the dates of the Peru and Costa Rica events absent, as the report gives none", () => {
    for (const id of ["previous-event-peru", "previous-event-costa-rica"]) {
      const event = byId(seed.events, id);
      expect(event.start).toBeUndefined();
      expect(event.end).toBeUndefined();
    }
  });

  it("publishes the executive report in Spanish and English", () => {
    const report = byId(seed.documents, "santiago-2005-executive-report");
    expect(report.status).toBe("published");
    expect(report.translations).toEqual({ es: "original", en: "original" });
    expect(report.body.es).toMatch(/\S/);
    expect(report.body.en).toMatch(/\S/);
  });
});

describe("an invalid seed", () => {
  it("is rejected with the file, record and field of the problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "seed-invalid-"));
    cpSync(SEED_DIR, dir, { recursive: true });
    const eventsFile = join(dir, "events.json");
    const events = JSON.parse(readFileSync(eventsFile, "utf8"));
    events[0].start = "2005-13-45";
    writeFileSync(eventsFile, JSON.stringify(events));

    const raw = await readSeed(dir);
    let error: unknown;
    try {
      validateSeed(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedValidationError);
    const { issues, message } = error as SeedValidationError;
    expect(issues).toContainEqual({
      file: expect.stringMatching(/events\.json$/),
      record: '0 ("iii-seminar-santiago-2005")',
      field: "start",
      message: "is not a real calendar date",
    });
    // The records that refer to the broken event are not blamed for it.
    for (const issue of issues) expect(issue.record).toBe('0 ("iii-seminar-santiago-2005")');
    expect(message).toContain("nothing was written");
    expect(message).toMatch(
      /events\.json, record 0 \("iii-seminar-santiago-2005"\), field "start": is not a real calendar date/,
    );
  });
});
