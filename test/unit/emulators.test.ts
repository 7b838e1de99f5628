import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emulatorEnvironment, MissingToolError } from "../../scripts/emulators.mjs";

const SDK = "/opt/google-cloud-sdk";
const FIRESTORE_JAR = `${SDK}/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar`;
const PUBSUB = `${SDK}/platform/pubsub-emulator/bin/cloud-pubsub-emulator`;

/** A machine with Java, the Cloud CLI and both emulators, minus whatever `missing` names. */
function machine(missing: string[] = []) {
  const calls: string[][] = [];
  const run = (cmd: string, args: string[]) => {
    calls.push([cmd, ...args]);
    if (missing.includes(cmd)) return undefined;
    if (cmd === "java") return 'openjdk version "17.0.15"';
    if (cmd === "gcloud") return SDK;
    if (cmd === "jar") {
      // Stands in for `jar cfm <jar> <manifest>`.
      writeFileSync(args[1] ?? "", "jar");
      return "";
    }
    return undefined;
  };
  const exists = (path: string) => !missing.includes(path) && [FIRESTORE_JAR, PUBSUB].includes(path);
  return { run, exists, calls };
}

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "emulators-test-"));
  vi.stubEnv("CLOUDSDK_ROOT", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("emulatorEnvironment", () => {
  it("says to install a JDK when java is missing", () => {
    const { run, exists } = machine(["java"]);
    expect(() => emulatorEnvironment({ run, exists, cacheDir, allowDownload: false })).toThrowError(
      new MissingToolError(
        "Java is not installed: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless) so the Firestore emulator can run.",
      ),
    );
  });

  it("says to install the Cloud CLI's Firestore emulator when its jar is missing", () => {
    const { run, exists } = machine([FIRESTORE_JAR]);
    const attempt = () => emulatorEnvironment({ run, exists, cacheDir, allowDownload: false });
    expect(attempt).toThrowError(MissingToolError);
    expect(attempt).toThrowError(/^The Firestore emulator was not found: .*cloud-firestore-emulator/);
  });

  it("says to install the Cloud CLI's Firestore emulator when gcloud itself is missing", () => {
    const { run, exists } = machine(["gcloud"]);
    expect(() => emulatorEnvironment({ run, exists, cacheDir, allowDownload: false })).toThrowError(
      /^The Firestore emulator was not found/,
    );
  });

  it("says to install the Pub/Sub emulator when it is missing", () => {
    const { run, exists } = machine([PUBSUB]);
    expect(() => emulatorEnvironment({ run, exists, cacheDir, allowDownload: false })).toThrowError(
      /^The Pub\/Sub emulator was not found: .*pubsub-emulator/,
    );
  });

  it("says to install a full JDK when the jar tool is missing", () => {
    const { run, exists } = machine(["jar"]);
    expect(() => emulatorEnvironment({ run, exists, cacheDir, allowDownload: false })).toThrowError(
      /^The `jar` tool was not found/,
    );
  });

  it("leaves the download to firebase-tools when allowed and nothing is installed", () => {
    const { run, exists } = machine(["gcloud"]);
    expect(emulatorEnvironment({ run, exists, cacheDir, allowDownload: true })).toEqual({});
  });

  it("writes a launcher jar whose manifest starts the Cloud CLI's Firestore emulator", () => {
    const { run, exists, calls } = machine();
    const env = emulatorEnvironment({ run, exists, cacheDir, allowDownload: false });
    const launcher = join(cacheDir, "firestore-launcher.jar");
    const manifest = join(cacheDir, "MANIFEST.MF");

    expect(env).toEqual({ FIRESTORE_EMULATOR_BINARY_PATH: launcher, PUBSUB_EMULATOR_BINARY_PATH: PUBSUB });
    expect(existsSync(launcher)).toBe(true);
    expect(readFileSync(manifest, "utf8").split("\n")).toEqual([
      "Manifest-Version: 1.0",
      "Main-Class: com.google.cloud.datastore.emulator.firestore.CloudFirestore",
      `Class-Path: file:${FIRESTORE_JAR}`,
      "",
    ]);
    expect(calls).toContainEqual(["jar", "cfm", launcher, manifest]);
  });

  it("reuses the launcher jar while the Cloud CLI stays where it was", () => {
    const first = machine();
    emulatorEnvironment({ run: first.run, exists: first.exists, cacheDir, allowDownload: false });
    const second = machine();
    emulatorEnvironment({ run: second.run, exists: second.exists, cacheDir, allowDownload: false });
    expect(second.calls.map(([cmd]) => cmd)).not.toContain("jar");
  });
});
