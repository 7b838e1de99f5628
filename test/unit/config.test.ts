import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import parseCsp from "content-security-policy-parser";
import { afterEach, describe, expect, it } from "vitest";
import * as config from "../../functions/src/config.js";
import { REGION, SettingsError, siteSettings, smtpSettings } from "../../functions/src/config.js";
import { outbox, outboxSweeper, site, subscriptionNews, views } from "../../functions/src/index.js";
import { emulatorConsoleOrigin, emulatorFirebaseConfig } from "../../scripts/suite.mjs";
import { seedSnapshot, siteOver } from "../support/seeded-site.js";

const ROOT = join(import.meta.dirname, "../..");
const firebaseJson = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8"));
const functionsPackage = JSON.parse(readFileSync(join(ROOT, "functions/package.json"), "utf8"));

type Header = { key: string; value: string };
type HeaderRule = { source: string; headers: Header[] };
type Spec = { type: string; name: string; default?: unknown };

/** A Hosting site of firebase.json by its deploy target: "site" (the public site) or "console". */
const hostingTarget = (json: typeof firebaseJson, target: "site" | "console") =>
  (json.hosting as { target: string; headers: HeaderRule[]; rewrites?: unknown[] }[]).find((h) => h.target === target);

/** The headers Hosting sends for files of a target matched by exactly this `source`. */
const hostingHeaders = (json: typeof firebaseJson, source: string, target: "site" | "console" = "site") => {
  const rule = (hostingTarget(json, target)?.headers ?? []).find((r) => r.source === source);
  expect(rule, `a headers rule for ${source}`).toBeDefined();
  return Object.fromEntries((rule?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value])) as Record<string, string>;
};

/**
 * The parameters and secrets config.ts declares, as the Firebase CLI reads them from the
 * functions' manifest (toSpec), so a new one cannot be forgotten here.
 */
const declared = (): Spec[] =>
  Object.values(config as Record<string, unknown>)
    .filter((v): v is { toSpec: () => Spec } => typeof (v as { toSpec?: unknown })?.toSpec === "function")
    .map((p) => p.toSpec());

const dotenv = (path: string) => parseEnv(readFileSync(join(ROOT, path), "utf8"));

describe("deployment configuration", () => {
  it("rewrites Hosting to the site function in the region the functions are deployed to", () => {
    const rewrites = (hostingTarget(firebaseJson, "site")?.rewrites ?? []) as {
      function?: { functionId: string; region: string };
    }[];
    const toSite = rewrites.filter((r) => r.function?.functionId === "site");
    expect(toSite.length).toBeGreaterThan(0);
    for (const rewrite of toSite) expect(rewrite.function?.region).toBe(REGION);
  });

  it("runs the functions on Node.js 22, the version their package.json declares", () => {
    expect(firebaseJson.functions.map((f: { runtime: string }) => f.runtime)).toEqual(["nodejs22"]);
    expect(functionsPackage.engines.node).toBe("22");
  });
});

describe("parameters and secrets", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("declares the site's settings as parameters and the cursor key as a secret, so `firebase deploy` asks for them", () => {
    expect(declared()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "string", name: "SITE_ORIGIN", default: "https://www.compraspublicas.org" }),
        expect.objectContaining({ type: "int", name: "VIEW_MAX_AGE_MS", default: 2000 }),
        { type: "secret", name: "CURSOR_KEY" },
      ]),
    );
  });

  it("gives the site function, and only it, access to the cursor key", () => {
    const secretsOf = (fn: unknown) =>
      (fn as { __endpoint: { secretEnvironmentVariables?: { key: string }[] } }).__endpoint
        .secretEnvironmentVariables ?? [];
    // The site also holds the subscriptions' key (its forms), the outbox's (it queues a sealed
    // confirmation link) and the registrations' (issue #16: a delegate's answer page checks its
    // keyed link); no other function holds the cursor key.
    expect(secretsOf(site)).toEqual([
      { key: "CURSOR_KEY" },
      { key: "SUBSCRIPTION_KEY" },
      { key: "OUTBOX_KEY" },
      { key: "REGISTRATION_KEY" },
    ]);
    for (const trigger of [...Object.values(views), subscriptionNews]) {
      expect(secretsOf(trigger).map((s) => s.key)).not.toContain("CURSOR_KEY");
    }
  });

  it("declares the SMTP server as parameters and its password as a secret, given only to the functions that send", () => {
    expect(declared()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "string", name: "SMTP_HOST" }),
        expect.objectContaining({ type: "int", name: "SMTP_PORT", default: 587 }),
        expect.objectContaining({ type: "string", name: "SMTP_USER" }),
        expect.objectContaining({ type: "string", name: "SMTP_SENDER" }),
        { type: "secret", name: "SMTP_PASSWORD" },
      ]),
    );
    const secretsOf = (fn: unknown) =>
      (fn as { __endpoint: { secretEnvironmentVariables?: { key: string }[] } }).__endpoint
        .secretEnvironmentVariables ?? [];
    // The senders also hold the key that opens the tokens a queued message carries sealed.
    expect(secretsOf(outbox)).toEqual([{ key: "SMTP_PASSWORD" }, { key: "OUTBOX_KEY" }]);
    expect(secretsOf(outboxSweeper)).toEqual([{ key: "SMTP_PASSWORD" }, { key: "OUTBOX_KEY" }]);
    expect(secretsOf(site).map((s) => s.key)).not.toContain("SMTP_PASSWORD");
  });

  it("refuses a sender with a line break, which would let it add headers, naming SMTP_SENDER", () => {
    process.env.SMTP_HOST = "smtp.example.org";
    process.env.SMTP_PORT = "587";
    process.env.SMTP_USER = "";
    process.env.SITE_ORIGIN = "https://www.compraspublicas.org";
    process.env.SMTP_SENDER = "Red <no-reply@compraspublicas.org>";
    expect(smtpSettings()).toMatchObject({ host: "smtp.example.org", port: 587, user: "", password: "" });
    process.env.SMTP_SENDER = "Red <no-reply@compraspublicas.org>\r\nBcc: all@example.org";
    expect(() => smtpSettings()).toThrow(/SMTP_SENDER/);
  });

  it("points the emulated system's links at the local site and console, and leaves production's at the network's domain", () => {
    const params = dotenv("functions/.env.local");
    const hosting = firebaseJson.emulators.hosting as { host: string; port: number };
    expect(params.SITE_ORIGIN).toBe(`http://${hosting.host}:${hosting.port}`);
    expect(params.CONSOLE_ORIGIN).toBe(emulatorConsoleOrigin());
    expect(config.DEFAULT_SITE_ORIGIN).toBe("https://www.compraspublicas.org");
    expect(config.DEFAULT_CONSOLE_ORIGIN).toBe("https://console.compraspublicas.org");
    // `firebase deploy` offers the declared defaults for a project without its own values.
    expect(declared()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "SITE_ORIGIN", default: "https://www.compraspublicas.org" }),
        expect.objectContaining({ name: "CONSOLE_ORIGIN", default: "https://console.compraspublicas.org" }),
      ]),
    );
    // Only the emulators read .env.local: deploying never uploads it.
    const [functions] = firebaseJson.functions as { ignore: string[] }[];
    expect(functions?.ignore).toContain(".env.local");
  });

  it("gives the emulators a value for every parameter and secret, so a fresh clone starts without a prompt", () => {
    const params = dotenv("functions/.env.local");
    const secrets = dotenv("functions/.secret.local");
    for (const spec of declared()) {
      const where = `${spec.name} in functions/${spec.type === "secret" ? ".secret" : ".env"}.local`;
      if (spec.type === "secret") expect(secrets[spec.name], where).toBeTruthy();
      // An empty parameter is a value too (SMTP_USER empty: MailDev takes mail without login).
      else expect(Object.hasOwn(params, spec.name), where).toBe(true);
    }
  });

  it("keeps the emulator-only values out of what `firebase deploy` uploads and reads", () => {
    const [functions] = firebaseJson.functions as { ignore: string[] }[];
    expect(functions?.ignore).toEqual(expect.arrayContaining([".env.local", ".secret.local"]));
    // functions/.env is read on every deploy; a secret there would bypass Secret Manager.
    let deployed: Record<string, string | undefined> = {};
    try {
      deployed = dotenv("functions/.env");
    } catch {
      // No functions/.env: nothing deployed from it.
    }
    for (const spec of declared().filter((s) => s.type === "secret")) expect(deployed[spec.name]).toBeUndefined();
  });

  it("reads the settings at run time, as the emulators and Cloud Functions set them", () => {
    process.env.SITE_ORIGIN = "https://staging.example.org";
    process.env.VIEW_MAX_AGE_MS = "500";
    process.env.CURSOR_KEY = "a key long enough to be hard to guess";
    expect(siteSettings()).toEqual({
      origin: "https://staging.example.org",
      viewMaxAgeMs: 500,
      cursorKey: "a key long enough to be hard to guess",
    });
  });

  it("refuses an unusable origin or a short cursor key, naming the setting to fix", () => {
    process.env.SITE_ORIGIN = "www.compraspublicas.org";
    process.env.VIEW_MAX_AGE_MS = "2000";
    process.env.CURSOR_KEY = "short";
    expect(() => siteSettings()).toThrow(SettingsError);
    expect(() => siteSettings()).toThrow(/SITE_ORIGIN[\s\S]*CURSOR_KEY/);
  });
});

describe("Hosting's own headers", () => {
  it("marks the static assets and robots.txt nosniff and HTTPS-only, with the site function's HSTS", async () => {
    const fromSite = (await siteOver(await seedSnapshot()).request("/es/")).headers.get("strict-transport-security");
    for (const source of ["/assets/**", "/robots.txt"]) {
      const headers = hostingHeaders(firebaseJson, source);
      expect(headers["x-content-type-options"], source).toBe("nosniff");
      expect(headers["strict-transport-security"], source).toBe(fromSite);
    }
  });

  it("lets the production console connect to no local address, and only the emulators' copy to the emulators", () => {
    const production = parseCsp(hostingHeaders(firebaseJson, "**", "console")["content-security-policy"] ?? "");
    expect([...production.values()].flat().filter((s) => /127\.0\.0\.1|localhost/.test(s))).toEqual([]);
    expect(production.get("frame-ancestors"), "frame-ancestors works only as a header").toEqual(["'none'"]);

    const emulated = parseCsp(
      hostingHeaders(emulatorFirebaseConfig(firebaseJson), "**", "console")["content-security-policy"] ?? "",
    );
    const { auth, firestore, functions } = firebaseJson.emulators;
    expect(emulated.get("connect-src")).toEqual([
      ...(production.get("connect-src") ?? []),
      `http://127.0.0.1:${auth.port}`,
      `http://localhost:${auth.port}`,
      `http://127.0.0.1:${firestore.port}`,
      `http://localhost:${firestore.port}`,
      // The console's callables, on the Functions emulator.
      `http://127.0.0.1:${functions.port}`,
      `http://localhost:${functions.port}`,
    ]);
    for (const [directive, sources] of production) {
      if (directive !== "connect-src") expect(emulated.get(directive), directive).toEqual(sources);
    }
  });
});
