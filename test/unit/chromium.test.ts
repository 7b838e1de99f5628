import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aptRunner, ensureChromium, INSTALL_HINT } from "../../scripts/chromium.mjs";

describe("ensureChromium", () => {
  it("returns the browser's path when Chromium is already installed", () => {
    const path = join(mkdtempSync(join(tmpdir(), "chromium-test-")), "chromium");
    writeFileSync(path, "");
    expect(ensureChromium({ path, runner: null })).toBe(path);
  });

  it("says in one sentence how to install Chromium when this user cannot run apt", () => {
    const path = join(tmpdir(), "no-such-dir", "chromium");
    expect(() => ensureChromium({ path, runner: null })).toThrow(
      `Chromium is missing at ${path}; install it with: ${INSTALL_HINT}`,
    );
  });
});

describe("aptRunner", () => {
  it("runs apt-get directly as root", () => {
    expect(aptRunner({ uid: 0, canSudo: () => false })).toEqual([]);
  });

  it("goes through non-interactive sudo for other users who may use it", () => {
    expect(aptRunner({ uid: 1000, canSudo: () => true })).toEqual(["sudo", "-n"]);
  });

  it("gives up for users without sudo, so the install hint is shown instead", () => {
    expect(aptRunner({ uid: 1000, canSudo: () => false })).toBeNull();
  });
});
