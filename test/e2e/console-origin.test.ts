import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import parseCsp from "content-security-policy-parser";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGION } from "../../functions/src/config.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { emulatorHosts } from "../../scripts/suite.mjs";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT, signIn as idTokenOf } from "../support/console-callers.js";
import { signInToConsole } from "../support/console-page.js";
import { CONSOLE_ORIGIN, consoleUrl, HOSTING_ORIGIN } from "../support/emulator-suite.js";

// The console is a Hosting site of its own (issue #7) so that nothing a public page renders can
// reach its sign-in state. These tests sign in for real in Chromium and then look for that state
// from the public site, and check that the console's CSP holds on its own origin.
const committee = DEMO_ACCOUNTS.find((a) => a.uid === "demo-committee-cl");
const secretariat = DEMO_ACCOUNTS.find((a) => a.role === "secretariat");
if (!committee || !secretariat) throw new Error("demo accounts missing");

let browser: Browser;
let context: BrowserContext;
let framer: Server;
let framerOrigin: string;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: "en-US" });
  // A third origin that tries to frame the console, and, as the check's own control, a page of
  // its own origin.
  framer = createServer((req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    if (req.url === "/own") return res.end("<!doctype html><title>own</title><p id=own>framed</p>");
    const src = req.url === "/control" ? "/own" : consoleUrl();
    res.end(`<!doctype html><title>framer</title><iframe id=f src="${src}" width=800 height=600></iframe>`);
  });
  await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
  framerOrigin = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => framer?.close(resolve));
});

/** What an origin's scripts can see of stored state: localStorage keys, IndexedDB names, cookies. */
function storedState(page: Page) {
  return page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    indexedDb: (await indexedDB.databases()).map((d) => d.name),
    cookies: document.cookie,
  }));
}

describe("the console on an origin of its own", () => {
  it("is another origin than the public site's", () => {
    expect(new URL(CONSOLE_ORIGIN).origin).not.toBe(new URL(HOSTING_ORIGIN).origin);
  });

  it("keeps its signed-in user where no public page can read it, in the same browser", async () => {
    const page = await context.newPage();
    await signInToConsole(page, committee);
    const inConsole = await storedState(page);
    // The control: the Firebase SDK keeps the signed-in user in the console origin's storage.
    const authKeys = (state: typeof inConsole) => [
      ...state.localStorage.filter((k) => k.startsWith("firebase:")),
      ...state.indexedDb.filter((n) => n?.startsWith("firebase")),
    ];
    expect(authKeys(inConsole).length).toBeGreaterThan(0);
    expect(inConsole.localStorage.some((k) => k.startsWith("firebase:authUser:"))).toBe(true);

    for (const path of ["/es/", "/en/documents", "/es/search?q=licitaci%C3%B3n"]) {
      await page.goto(`${HOSTING_ORIGIN}${path}`);
      const onPublicPage = await storedState(page);
      expect(authKeys(onPublicPage), path).toEqual([]);
      expect(onPublicPage.cookies, path).toBe("");
    }
    // And the public origin was visited with the console signed in all along.
    await page.goto(consoleUrl());
    await expect.poll(() => page.locator("#who").textContent()).toContain(committee?.name);
    await page.close();
  });

  it("lets a public page neither fetch the console nor frame it", async () => {
    const page = await context.newPage();
    await page.goto(`${HOSTING_ORIGIN}/es/`);
    const attempt = await page.evaluate(async (url) => {
      const blocked: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => blocked.push(e.violatedDirective));
      const fetched = await fetch(url).then(
        () => "fetched",
        () => "refused",
      );
      const frame = document.createElement("iframe");
      frame.src = url;
      document.body.append(frame);
      await new Promise((r) => setTimeout(r, 500));
      return { fetched, blocked };
    }, consoleUrl());
    expect(attempt.fetched).toBe("refused");
    expect(attempt.blocked).toEqual(expect.arrayContaining(["connect-src", "frame-src"]));
    await page.close();
  });
});

describe("the console's Content-Security-Policy on its own origin", () => {
  it("comes with every file the console's site serves, with frame-ancestors 'none'", async () => {
    const html = await (await fetch(consoleUrl())).text();
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\//);
    for (const path of ["/", "/index.html", script ?? "", "/robots.txt"]) {
      const response = await fetch(consoleUrl(path));
      expect(response.status, path).toBe(200);
      const csp = parseCsp(response.headers.get("content-security-policy") ?? "");
      expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(csp.get("script-src"), path).toEqual(["'self'"]);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("runs no injected inline script and reaches no origin it does not name, the public site's included", async () => {
    // A browser of its own: signed out, the console shows its sign-in form.
    const fresh = await browser.newContext({ locale: "en-US" });
    const page = await fresh.newPage();
    await page.goto(consoleUrl());
    await page.getByLabel("Email").waitFor();
    const outcome = await page.evaluate(async (publicSite) => {
      const blocked: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => blocked.push(e.violatedDirective));
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      const fetched = await fetch(publicSite).then(
        () => "fetched",
        () => "refused",
      );
      await new Promise((r) => setTimeout(r, 100));
      return { injected: (window as { injected?: boolean }).injected === true, fetched, blocked };
    }, `${HOSTING_ORIGIN}/es/`);
    expect(outcome.injected).toBe(false);
    expect(outcome.fetched).toBe("refused");
    expect(outcome.blocked).toEqual(expect.arrayContaining(["script-src-elem", "connect-src"]));
    await fresh.close();
  });

  it("breaks none of its own rules while it loads and signs in", async () => {
    // Recorded from the document's first instant, before the console's modules run: a library
    // that probes for eval (zod compiles parsers with Function) is refused by script-src 'self'
    // and reported even when it catches the refusal.
    const fresh = await browser.newContext({ locale: "en-US" });
    await fresh.addInitScript(() => {
      const seen: string[] = [];
      (window as { violations?: string[] }).violations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await fresh.newPage();
    await signInToConsole(page, committee);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as { violations?: string[] }).violations)).toEqual([]);
    await fresh.close();
  });

  it("refuses to be framed by another origin, where a page that allows it is framed", async () => {
    const page = await context.newPage();
    await page.goto(`${framerOrigin}/control`);
    await expect.poll(() => page.frameLocator("#f").locator("#own").textContent()).toBe("framed");

    await page.goto(framerOrigin);
    await page.waitForLoadState("load");
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // Chromium replaces a refused frame's document with its own error page.
    await expect.poll(async () => frame?.evaluate(() => document.querySelector("#app")?.outerHTML ?? null)).toBe(null);
    expect(await frame?.evaluate(() => location.href)).not.toBe(consoleUrl());
    await page.close();
  });
});

describe("invitation links from the emulated functions", () => {
  it("lead to the console's own origin, where the console opens", async () => {
    const app = initializeApp({ projectId: DEMO_PROJECT }, "console-origin-e2e");
    const db = getFirestore(app);
    const idToken = await idTokenOf(secretariat.email, secretariat.password);
    const response = await fetch(`http://${emulatorHosts().functions}/${DEMO_PROJECT}/${REGION}/committee-invite`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${idToken}` },
      body: JSON.stringify({
        data: {
          email: "origin-test@demo-tests.compraspublicas.org",
          role: "member",
          countryId: "CL",
          memberId: "origin-test-invitee",
          name: "Origin Test",
        },
      }),
    });
    const body = (await response.json()) as { result?: { link: string; token: string; invitationId: string } };
    try {
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body.result?.link).toBe(`${CONSOLE_ORIGIN}/#invitation=${body.result?.token}`);
      const page = await context.newPage();
      await page.goto(body.result?.link ?? "");
      expect(new URL(page.url()).origin).toBe(CONSOLE_ORIGIN);
      await expect.poll(() => page.title()).toContain("Committee console");
      await page.close();
    } finally {
      const id = body.result?.invitationId;
      if (id) {
        await db.doc(`invitations/${id}`).delete();
        const audit = await db.collection("audit").where("target.id", "==", id).get();
        await Promise.all(audit.docs.map((d) => d.ref.delete()));
      }
      await deleteApp(app);
    }
  });
});
