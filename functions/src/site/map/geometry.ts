import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { CountryCodeSchema } from "../../model/index.js";

/** The Americas as `npm run build` projected them (scripts/map.mjs): SVG paths in whole units. */
const MapGeometrySchema = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  countries: z.array(
    z.object({
      /** ISO 3166-1 alpha-2; null for the few shapes Natural Earth gives no code. */
      id: CountryCodeSchema.nullable(),
      /** Whole units: "M x,y" then relative steps ("l-3-6,1,2"), "z" closing each ring. */
      d: z.string().regex(/^M[-\d,lzM]+$/),
    }),
  ),
});
export type MapGeometry = z.infer<typeof MapGeometrySchema>;

const FILE = join(dirname(fileURLToPath(import.meta.url)), "../../..", "map-geometry.json");
let geometry: MapGeometry | undefined;

/** Read once per instance: the file only changes with a new build, which is a new deployment. */
export function mapGeometry(): MapGeometry {
  if (geometry) return geometry;
  if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run \`npm run build\` first, which projects the map.`);
  geometry = MapGeometrySchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
  return geometry;
}
