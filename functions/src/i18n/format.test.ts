import { describe, expect, it } from "vitest";
import { LANGS } from "../model/index.js";
import { offeredTimeZones, timeZoneName, timeZoneOptions } from "./format.js";

const APRIL = new Date("2027-04-10T12:00:00Z");

describe("time zones as a person reads them", () => {
  it("names a zone as people know it, in their language, never by its code", () => {
    expect(timeZoneName("America/Santiago", "es", APRIL)).toBe("hora de Chile");
    expect(timeZoneName("America/Santiago", "en", APRIL)).toBe("Chile Time");
    for (const lang of LANGS) {
      expect(timeZoneName("America/Santiago", lang, APRIL)).not.toContain("America");
      // UTC has no generic name of its own: Intl would say "GMT+00:00".
      expect(timeZoneName("UTC", lang, APRIL)).not.toMatch(/^GMT/);
    }
  });

  it("adds the city of the code when another zone would read the same", () => {
    // Madrid and Paris are both Central European Time; Chile's zone is the only one of its name.
    expect(timeZoneName("Europe/Madrid", "en", APRIL)).toBe("Central European Time (Madrid)");
    expect(timeZoneName("Europe/Paris", "fr", APRIL)).toMatch(/\(Paris\)$/);
    expect(timeZoneName("America/Argentina/Buenos_Aires", "es", APRIL)).toMatch(/\(Buenos Aires\)$/);
  });

  it("offers every zone once, each label distinct, from west to east and then by name", () => {
    const zones = offeredTimeZones();
    for (const lang of LANGS) {
      const options = timeZoneOptions(zones, lang, APRIL);
      expect(options.map((o) => o.zone).sort()).toEqual([...zones].sort());
      const labels = options.map((o) => o.label);
      expect(new Set(labels).size, lang).toBe(labels.length);
      const at = (zone: string) => options.findIndex((o) => o.zone === zone);
      // Honolulu (UTC-10) < Mexico City (-6) < Santiago (-4 in April... -3 in summer) < UTC < Madrid (+2).
      expect(at("Pacific/Honolulu")).toBeLessThan(at("America/Mexico_City"));
      expect(at("America/Mexico_City")).toBeLessThan(at("America/Santiago"));
      expect(at("America/Santiago")).toBeLessThan(at("UTC"));
      expect(at("UTC")).toBeLessThan(at("Europe/Madrid"));
    }
    // Within one offset, by name in the language's order.
    const europe = timeZoneOptions(["Europe/Paris", "Europe/Berlin", "Europe/Madrid"], "en", APRIL);
    expect(europe.map((o) => o.zone)).toEqual(["Europe/Berlin", "Europe/Madrid", "Europe/Paris"]);
  });
});
