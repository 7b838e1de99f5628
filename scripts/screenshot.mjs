// `npm run screenshot`: the picture of the committee console in docs/console.md (docs/console.png),
// taken in Chromium at 1280 × 800, signed in as a demo login, on the console's own origin.
//
// Against emulators already running (`npm start` in another terminal), it only takes the
// picture. Otherwise it builds, starts the emulators with the seed and the demo accounts, takes
// it and stops them (under `flock /tmp/emulators.lock` where several people share the machine).
//
// Options, after `npm run screenshot --`:
//   --screen '#/documents'   a route of the console (default: its home, the dashboard)
//   --login <email>          a demo login (default: the committee member of Chile)
//   --lang en                the interface language (default: en, the picture's)
//   --out docs/console.png   where to write it
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../test/support/browser.ts";
import { build } from "./build.mjs";
import { CHROMIUM, ensureChromium } from "./chromium.mjs";
import { DEMO_ACCOUNTS } from "./demo-accounts.mjs";
import { emulatorEnvironment, PROJECT_ID, ROOT } from "./emulators.mjs";
import { run } from "./process.mjs";
import { assertConsolePortFree, emulatorConsoleOrigin, firebaseArgs, suiteEnv } from "./suite.mjs";

const { values: options } = parseArgs({
  options: {
    screen: { type: "string", default: "" },
    login: { type: "string", default: "committee-cl@demo.compraspublicas.org" },
    lang: { type: "string", default: "en" },
    out: { type: "string", default: "docs/console.png" },
  },
});

const account = DEMO_ACCOUNTS.find((a) => a.email === options.login);
if (!account) {
  console.error(
    `screenshot: ${options.login} is no demo login; one of: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`,
  );
  process.exit(1);
}

const origin = emulatorConsoleOrigin();
const running = await fetch(origin, { signal: AbortSignal.timeout(2000) }).then(
  (r) => r.ok,
  () => false,
);

if (running) {
  await takeScreenshot();
} else {
  console.log(`No console at ${origin}: building and starting the emulators for the picture.`);
  ensureChromium();
  await build();
  await assertConsolePortFree();
  // Inside, PATH starts with node_modules/.bin, so `node` is the pinned Node 22 (suiteEnv).
  const again = ["node", "scripts/screenshot.mjs", ...process.argv.slice(2)].map((a) => JSON.stringify(a)).join(" ");
  const inside = ["node functions/lib/seed/cli.js seed", "node scripts/demo-accounts.mjs", again].join(" && ");
  await run("firebase", firebaseArgs("emulators:exec", inside), {
    env: { ...suiteEnv(emulatorEnvironment()), GCLOUD_PROJECT: PROJECT_ID },
  });
}

async function takeScreenshot() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: options.lang,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${origin}/`);
    await page.locator("#email").fill(account.email);
    await page.locator("input[type=password]").fill(account.password);
    await page.locator("form button[type=submit]").first().click();
    await page.locator("#who").filter({ hasText: account.email }).waitFor();
    if (options.screen) await page.goto(`${origin}/${options.screen}`);
    // The screen has loaded what it shows once the network is quiet.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    const out = join(ROOT, options.out);
    await page.screenshot({ path: out });
    console.log(`${out}: ${options.screen || "home"} of ${account.email}, 1280 × 800.`);
  } finally {
    await browser.close();
  }
}
