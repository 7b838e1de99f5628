import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Builds the committee console into hosting/public/console, served by Firebase Hosting. */
export default defineConfig({
  root: here,
  base: "/console/",
  build: {
    outDir: `${here}../public/console`,
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
    chunkSizeWarningLimit: 800,
  },
});
