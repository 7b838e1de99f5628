import { type Browser, chromium } from "playwright-core";
import { CHROMIUM } from "../../scripts/chromium.mjs";

/** Flags for Debian's Chromium (scripts/chromium.mjs finds or installs it) on a machine without internet. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium, driven by playwright-core; tests never download a browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
