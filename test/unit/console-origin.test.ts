import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { CONSOLE_ORIGIN, consoleOrigin, DEFAULT_CONSOLE_ORIGIN, SettingsError } from "../../functions/src/config.js";
import viteConfig from "../../hosting/console/vite.config.js";
import { CONSOLE_OUT } from "../../scripts/build.mjs";
import { PROJECT_ID } from "../../scripts/emulators.mjs";
import { consoleHostingPort, emulatorConsoleOrigin, emulatorFirebaseConfig } from "../../scripts/suite.mjs";
import { consoleUrl, CONSOLE_ORIGIN as TESTS_CONSOLE_ORIGIN } from "../support/emulator-suite.js";

// The committee console is a Hosting site of its own (issue #7), so no page of the public site
// shares its origin, and with it the sign-in state the Firebase SDK keeps in that origin's storage.
const ROOT = join(import.meta.dirname, "../..");
const firebaseJson = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8"));
const firebaserc = JSON.parse(readFileSync(join(ROOT, ".firebaserc"), "utf8"));
type Site = { target: string; public: string; redirects?: { source: string; destination: string; type: number }[] };
const sites = firebaseJson.hosting as Site[];
const target = (config: { hosting: Site[] }, name: string) => config.hosting.find((s) => s.target === name);

describe("the console's own Hosting site", () => {
  it("is a second deploy target with its own public directory, the one Vite builds the console into at its root", () => {
    expect(sites.map((s) => s.target)).toEqual(["site", "console"]);
    expect(target(firebaseJson, "site")?.public).toBe("hosting/public");
    expect(join(ROOT, target(firebaseJson, "console")?.public ?? "")).toBe(CONSOLE_OUT);
    expect(viteConfig.base).toBe("/");
    expect(join(viteConfig.build?.outDir ?? "")).toBe(CONSOLE_OUT);
  });

  it("maps both targets to sites of the demo project, so the emulator serves both", () => {
    const mapped = firebaserc.targets[PROJECT_ID].hosting;
    expect(Object.keys(mapped).sort()).toEqual(["console", "site"]);
    expect(new Set([...mapped.site, ...mapped.console]).size).toBe(2);
  });

  it("sends /console/ on the public origin to the production console, and on the emulators to the emulated one", () => {
    const redirect = target(firebaseJson, "site")?.redirects?.find((r) => r.source.startsWith("/console"));
    expect(redirect).toEqual({ source: "/console{,/**}", destination: `${DEFAULT_CONSOLE_ORIGIN}/`, type: 301 });
    const emulated = target(emulatorFirebaseConfig(firebaseJson), "site")?.redirects?.[0];
    expect(emulated).toEqual({ ...redirect, destination: `${emulatorConsoleOrigin()}/` });
  });

  it("serves the emulated console on a port no emulator of firebase.json uses, and tells functions and tests the same origin", () => {
    const port = consoleHostingPort(firebaseJson.emulators);
    const taken = Object.values(firebaseJson.emulators as Record<string, { port?: number }>).map((e) => e.port);
    expect(taken).not.toContain(port);
    expect(emulatorConsoleOrigin()).toBe(`http://127.0.0.1:${port}`);
    expect(parseEnv(readFileSync(join(ROOT, "functions/.env.local"), "utf8")).CONSOLE_ORIGIN).toBe(
      emulatorConsoleOrigin(),
    );
    expect(TESTS_CONSOLE_ORIGIN).toBe(emulatorConsoleOrigin());
    expect(consoleUrl("#/documents/x")).toBe(`${emulatorConsoleOrigin()}/#/documents/x`);
  });
});

describe("the CONSOLE_ORIGIN parameter", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("is declared with the production console as its default, so a deploy without a value still links there", () => {
    const spec = (CONSOLE_ORIGIN as unknown as { toSpec: () => unknown }).toSpec();
    expect(spec).toMatchObject({
      type: "string",
      name: "CONSOLE_ORIGIN",
      default: DEFAULT_CONSOLE_ORIGIN,
    });
  });

  it("gives the origin alone, and refuses a value that is not an http(s) origin, naming the parameter", () => {
    process.env.CONSOLE_ORIGIN = "http://127.0.0.1:5005/";
    expect(consoleOrigin()).toBe("http://127.0.0.1:5005");
    process.env.CONSOLE_ORIGIN = "console.compraspublicas.org";
    expect(() => consoleOrigin()).toThrow(SettingsError);
    expect(() => consoleOrigin()).toThrow(/CONSOLE_ORIGIN/);
    process.env.CONSOLE_ORIGIN = "javascript:alert(1)";
    expect(() => consoleOrigin()).toThrow(SettingsError);
  });
});
