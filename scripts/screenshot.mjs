// `npm run screenshot`: the picture of the committee console in docs/console.md (docs/console.png),
// taken in Chromium at 1280 × 800, signed in as a demo login, on the console's own origin.
// `npm run screenshots` (`--every-role`): the README's pictures, each demo login's home and a few
// of its main screens, in docs/screenshots/ (EVERY_ROLE below says which).
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
import { mkdirSync } from "node:fs";
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
    "every-role": { type: "boolean", default: false },
  },
});

/** The README's pictures: every demo login's home, then the screens each role mostly works in. */
const EVERY_ROLE = [
  ...DEMO_ACCOUNTS.map((a) => ({ email: a.email, screen: "", name: "home" })),
  { email: "member-mx@demo.compraspublicas.org", screen: "#/documents", name: "documents" },
  { email: "member-mx@demo.compraspublicas.org", screen: "#/new", name: "new-document" },
  { email: "member-mx@demo.compraspublicas.org", screen: "#/records/events", name: "events" },
  { email: "committee-cl@demo.compraspublicas.org", screen: "#/audit", name: "audit" },
  { email: "secretariat@demo.compraspublicas.org", screen: "#/people", name: "people" },
  { email: "secretariat@demo.compraspublicas.org", screen: "#/seats", name: "seats" },
].map((shot) => ({ ...shot, out: `docs/screenshots/${shot.email.split("@")[0]}-${shot.name}.png` }));

const shots = options["every-role"] ? EVERY_ROLE : [{ email: options.login, screen: options.screen, out: options.out }];
for (const shot of shots) {
  if (DEMO_ACCOUNTS.some((a) => a.email === shot.email)) continue;
  console.error(`screenshot: ${shot.email} is no demo login; one of: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
  process.exit(1);
}

const origin = emulatorConsoleOrigin();
const running = await fetch(origin, { signal: AbortSignal.timeout(2000) }).then(
  (r) => r.ok,
  () => false,
);

if (running) {
  await takeScreenshots();
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

async function takeScreenshots() {
  mkdirSync(join(ROOT, "docs/screenshots"), { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const shot of shots) {
      const account = DEMO_ACCOUNTS.find((a) => a.email === shot.email);
      // A context each: every picture starts signed out, with nothing of the one before.
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
      await page.locator("#who").filter({ hasText: account.name }).waitFor();
      if (shot.screen) await page.goto(`${origin}/${shot.screen}`);
      // The screen has loaded what it shows once the network is quiet.
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      const out = join(ROOT, shot.out);
      await page.screenshot({ path: out });
      console.log(`${out}: ${shot.screen || "home"} of ${account.email}, 1280 × 800.`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
