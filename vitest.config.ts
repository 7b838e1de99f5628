import { defineConfig } from "vitest/config";

// Integration and e2e tests talk to the Firebase emulators, so they run under
// `firebase emulators:exec` (see scripts/test.mjs); unit tests need nothing running.
export default defineConfig({
  // The site renders with hono/jsx (tsconfig: jsx react-jsx, jsxImportSource hono/jsx); the
  // transform has to agree, or .tsx files would call React.
  oxc: { jsx: { runtime: "automatic", importSource: "hono/jsx" } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["functions/src/**/*.test.{ts,tsx}", "test/unit/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/rules/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
          globalSetup: ["test/support/shared-accounts.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          // One browser against one Hosting emulator: files run one after another, and only
          // after the integration tests, some of which write to the demo project e2e browses.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          globalSetup: ["test/support/shared-accounts.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A first call wakes a function in the emulator; on a busy machine that takes seconds.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
