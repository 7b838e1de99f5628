import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { compactPath, projectAmericas } from "../../scripts/map.mjs";
import { SEED_DIR, seedSnapshot, siteOver } from "../support/seeded-site.js";

type Seed = { id: string; name: Record<string, string> }[];
const seed = (file: string) => JSON.parse(readFileSync(join(SEED_DIR, file), "utf8"));
const COUNTRIES: Seed = seed("countries.json");
const SEATS: { countryId: string; basis: string }[] = seed("committee.json");
const SANTIAGO: { hostCountries: string[]; attendingCountries: string[] } = seed("events.json").find(
  (e: { id: string }) => e.id === "iii-seminar-santiago-2005",
);

let site: ReturnType<typeof siteOver>;
beforeAll(async () => {
  site = siteOver(await seedSnapshot());
});

interface Shape {
  href?: string;
  label?: string;
  current?: string;
  fill: string;
}

/** The page's map, read by an XML parser: fails on anything that is not well-formed SVG. */
async function mapOf(path: string) {
  const html = await (await site.request(path)).text();
  const start = html.indexOf('<figure class="map"><svg');
  expect(start, `${path} carries a map`).toBeGreaterThan(0);
  const svg = html.slice(html.indexOf("<svg", start), html.indexOf("</svg>", start) + "</svg>".length);
  expect(XMLValidator.validate(svg)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  }).parse(svg);
  const root = parsed.svg[0];
  type Link = { href: string; "aria-label": string; "aria-current"?: string; path: { fill: string }[] };
  const links: Shape[] = (root.a ?? []).map((a: Link) => ({
    href: a.href,
    label: a["aria-label"],
    current: a["aria-current"],
    fill: a.path[0]?.fill,
  }));
  const muted: Shape[] = root.g[0].path.map(() => ({ fill: root.g[0].fill }));
  return { root, links, muted, html };
}

const fillOf = (links: Shape[], lang: string, id: string) => {
  const found = links.filter((l) => l.href === `/${lang}/countries/${id.toLowerCase()}`);
  expect(found, `${id} is drawn once`).toHaveLength(1);
  return found[0]?.fill;
};

describe("the map of the network", () => {
  it("projects every seed country into the drawing at build time, once each", () => {
    const geometry = projectAmericas();
    for (const { id } of COUNTRIES)
      expect(
        geometry.countries.filter((c) => c.id === id),
        id,
      ).toHaveLength(1);
    for (const { d } of geometry.countries) expect(d).toMatch(/^(?:M-?\d+,?-?\d+(?:l-?\d+(?:,?-?\d+)*)?z?)+$/);
    expect(geometry.countries.map((c) => c.id)).not.toContain("FJ");
  });

  it("writes each ring as relative steps between rounded points, dropping repeated points, with no drift", () => {
    expect(compactPath("M10,10L10,10L13,8L13,8L9,14ZM-5,-5L-2,-1Z")).toBe("M10,10l3-2-4,6zM-5-5l3,4z");
    // 300 steps of 1.4 rounded one by one would drift; differences of rounded points do not.
    const points = Array.from({ length: 300 }, (_, i) => `L${Math.round(i * 1.4)},0`).join("");
    const steps: number[] = String(compactPath(`M0,0${points}`))
      .slice("M0,0l".length)
      .split(",")
      .map(Number);
    expect(steps.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0)).toBe(Math.round(299 * 1.4));
  });

  it.each(["es", "en"])("links each network country once, named in %s, on the members page", async (lang) => {
    const { links, muted } = await mapOf(`/${lang}/members`);
    expect(links).toHaveLength(COUNTRIES.length);
    for (const country of COUNTRIES) {
      const link = links.find((l) => l.href === `/${lang}/countries/${country.id.toLowerCase()}`);
      expect(link?.label, country.id).toContain(country.name[lang]);
    }
    // Countries outside the network are drawn, but neither links nor named.
    expect(muted.length).toBeGreaterThan(5);
  });

  it("styles each country by its standing in the seed: seat, Santiago 2005, or member", async () => {
    const { links, html } = await mapOf("/en/members");
    const seats = new Set(SEATS.map((s) => s.countryId));
    for (const { id } of COUNTRIES) {
      const expected = seats.has(id)
        ? "url(#map-stripes)"
        : SANTIAGO.attendingCountries.includes(id)
          ? "url(#map-dots)"
          : "#4f6f8f";
      expect(fillOf(links, "en", id), id).toBe(expected);
    }
    expect(links.find((l) => l.href === "/en/countries/ca")?.label).toBe("Canada: member of the network");
    expect(links.find((l) => l.href === "/en/countries/ar")?.label).toBe(
      "Argentina: represented at Santiago de Chile, 2005",
    );
    for (const legend of [
      "Executive Committee seat",
      "represented at Santiago de Chile, 2005",
      "member of the network",
    ]) {
      expect(html).toContain(`${legend}</li>`);
    }
  });

  it("marks each committee seat by its basis, hosted or will host", async () => {
    const { links } = await mapOf("/es/committee");
    for (const seat of SEATS) {
      expect(fillOf(links, "es", seat.countryId)).toBe(
        seat.basis === "hosted" ? "url(#map-stripes)" : "url(#map-dots)",
      );
    }
    expect(links.find((l) => l.href === "/es/countries/us")?.label).toBe(
      "Estados Unidos: será sede del próximo evento",
    );
    expect(fillOf(links, "es", "AR")).toBe("#4f6f8f");
  });

  it("shows an event's host and attending countries", async () => {
    const { links } = await mapOf("/en/events/iii-seminar-santiago-2005");
    for (const id of SANTIAGO.hostCountries) expect(fillOf(links, "en", id)).toBe("url(#map-stripes)");
    for (const id of SANTIAGO.attendingCountries.filter((c) => !SANTIAGO.hostCountries.includes(c))) {
      expect(fillOf(links, "en", id)).toBe("url(#map-dots)");
    }
    expect(fillOf(links, "en", "CA")).toBe("#4f6f8f");
  });

  it("locates the country of a country page, and marks it as the current page", async () => {
    const { links } = await mapOf("/es/countries/jm");
    const current = links.filter((l) => l.current === "page");
    expect(current).toEqual([
      { href: "/es/countries/jm", label: "Jamaica: este país", current: "page", fill: "url(#map-stripes)" },
    ]);
  });
});
