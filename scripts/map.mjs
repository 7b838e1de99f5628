// The map of the Americas the site draws: Natural Earth countries (world-atlas, 1:110m) cut to
// the Americas, projected and rounded once at build time into functions/map-geometry.json, so
// neither the function nor the browser ever projects anything.
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { geoAzimuthalEqualArea, geoCentroid, geoPath } from "d3-geo";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import { ROOT } from "./emulators.mjs";

const MAP_GEOMETRY = join(ROOT, "functions/map-geometry.json");

/** Width of the drawing in SVG units; whole units at this size keep El Salvador and Jamaica visible. */
const WIDTH = 400;

/**
 * A polygon belongs to the map when its centre lies in the western hemisphere's landmasses:
 * this keeps French Guiana and the Caribbean islands of European states, drops Hawaii (part of
 * the United States, but far out in the Pacific) and Antarctica.
 */
function inAmericas(polygon) {
  const [lon, lat] = geoCentroid({ type: "Polygon", coordinates: polygon });
  return lon > -170 && lon < -25 && lat > -60 && !(lon < -140 && lat < 40);
}

/** { width, height, countries: [{ id: ISO 3166 alpha-2, or null where Natural Earth has no code, d: SVG path }] }. */
export function projectAmericas() {
  const require = createRequire(import.meta.url);
  const topology = require("world-atlas/countries-110m.json");
  const shapes = [];
  for (const country of feature(topology, topology.objects.countries).features) {
    if (!country.geometry) continue;
    const polygons =
      country.geometry.type === "Polygon" ? [country.geometry.coordinates] : country.geometry.coordinates;
    const kept = polygons.filter(inAmericas);
    if (kept.length === 0) continue;
    shapes.push({ ...country, geometry: { type: "MultiPolygon", coordinates: kept } });
  }
  const collection = { type: "FeatureCollection", features: shapes };
  // Centred on the continent, equal-area: Canada and Brazil keep their real proportions.
  const projection = geoAzimuthalEqualArea().rotate([80, -8]).fitWidth(WIDTH, collection);
  const path = geoPath(projection).digits(0);
  const [[, top], [, bottom]] = path.bounds(collection);
  return {
    width: WIDTH,
    height: Math.ceil(bottom - top),
    countries: shapes
      .map((shape) => ({
        id: (shape.id && countries.numericToAlpha2(shape.id)) || null,
        d: compactPath(path(shape)),
      }))
      .filter((shape) => shape.d),
  };
}

/**
 * d3's path in whole units, rewritten shorter: each ring starts with an absolute M, then one
 * relative "l" whose steps are differences of the rounded points (so no rounding error adds up),
 * without the zero steps rounding leaves. Numbers are joined by commas, or by nothing before a
 * minus sign, as SVG path syntax allows. About 40 % fewer bytes than d3's absolute commands.
 */
export function compactPath(d) {
  if (!d) return d;
  let out = "";
  let x = 0;
  let y = 0;
  let start = [0, 0];
  let steps = [];
  const join = (numbers) =>
    numbers.reduce((text, n) => (text === "" ? `${n}` : n < 0 ? `${text}${n}` : `${text},${n}`), "");
  const flush = () => {
    if (steps.length > 0) out += `l${join(steps)}`;
    steps = [];
  };
  for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === "Z") {
      flush();
      out += "z";
      [x, y] = start;
      continue;
    }
    const [px, py] = args.split(",").map(Number);
    if (command === "M") {
      flush();
      out += `M${join([px, py])}`;
      start = [px, py];
    } else if (px !== x || py !== y) {
      steps.push(px - x, py - y);
    }
    x = px;
    y = py;
  }
  flush();
  return out;
}

export async function writeMapGeometry(file = MAP_GEOMETRY) {
  const geometry = projectAmericas();
  await writeFile(file, `${JSON.stringify(geometry)}\n`);
  return geometry;
}
