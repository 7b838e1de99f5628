import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { DEFAULT_SITE_ORIGIN, REGION } from "../../functions/src/config.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const emulators = JSON.parse(readFileSync(`${here}../../firebase.json`, "utf8")).emulators;

const zodShim = `${here}../../functions/src/model/zod-without-eval.ts`;

/** The models' zod, set to parse without eval under the console's CSP (model/zod-without-eval.ts). */
const zodWithoutEval: Plugin = {
  name: "zod-without-eval",
  enforce: "pre",
  resolveId(source, importer) {
    return source === "zod" && importer !== zodShim ? zodShim : null;
  },
};

/**
 * Builds the committee console (Preact + signals) into hosting/public-console, the public
 * directory of its own Hosting site (firebase.json's "console" target), served at its root.
 */
export default defineConfig({
  root: here,
  base: "/",
  // The site renders with hono/jsx; the console's .tsx files are Preact components.
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  plugins: [zodWithoutEval],
  // Settings have one home (functions/src/config.ts); the bundle gets them as constants.
  define: {
    // SITE_ORIGIN is a parameter the functions read at run time; the preview only needs to know
    // which links lead off the network's site, so it renders for the network's own address.
    __SITE_ORIGIN__: JSON.stringify(DEFAULT_SITE_ORIGIN),
    __REGION__: JSON.stringify(REGION),
    // The emulators' ports have one home, firebase.json; a local console connects to them.
    __EMULATOR_PORTS__: JSON.stringify({
      auth: emulators.auth.port,
      firestore: emulators.firestore.port,
      functions: emulators.functions.port,
    }),
  },
  build: {
    outDir: `${here}../public-console`,
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
    chunkSizeWarningLimit: 800,
  },
});
