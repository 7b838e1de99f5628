import { mkdirSync } from "node:fs";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { parse } from "parse5";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SITE_ORIGIN } from "../../functions/src/config.js";
import { renderMarkdown } from "../../functions/src/markdown/markdown.js";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "../bench/pages.js";
import { launchChromium } from "../support/browser.js";
import { DEMO_PROJECT, demoLogin, ensureDemoLogins } from "../support/console-callers.js";
import { chooseByName, englishPage, expectAccessible, openFromMenu, signInToConsole } from "../support/console-page.js";
import { consoleUrl, HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";

// The committee console in Chromium, against the Hosting, Auth, Firestore and Functions
// emulators: the journeys of issue #7, with axe-core on every screen and a 360 px wide phone.
const CONSOLE = consoleUrl();
const NEWS = "console-ui-news";
const MX_DRAFT = "console-ui-mx";
const app = initializeApp({ projectId: DEMO_PROJECT }, "console-e2e");
const db = getFirestore(app);

const login = demoLogin;
const cl = login("committee-cl");
const pe = login("committee-pe");
const member = login("member-mx");

async function removeTestDocuments() {
  for (const id of [NEWS, MX_DRAFT]) {
    await db.recursiveDelete(db.doc(`documents/${id}`));
    await db.doc(`publicationNews/${id}`).delete();
    const audit = await db.collection("audit").where("target.id", "==", id).get();
    await Promise.all(audit.docs.map((d) => d.ref.delete()));
  }
}

let browser: Browser;
/** The author, on a 360 px wide phone; CSP bypassed so axe-core can be injected. */
let phone: Page;
/** The reviewer, on a desktop. */
let desk: Page;
/** A member, with the console's Content-Security-Policy in force. */
let strict: Page;

beforeAll(async () => {
  await ensureDemoLogins();
  await removeTestDocuments();
  browser = await launchChromium();
  const page = (options: BrowserContextOptions) => englishPage(browser, options, 15_000);
  phone = await page({ viewport: { width: 360, height: 740 }, bypassCSP: true });
  desk = await page({ viewport: { width: 1100, height: 800 }, bypassCSP: true });
  strict = await page({ viewport: { width: 1100, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await removeTestDocuments();
  await deleteApp(app);
});

const status = (page: Page) => page.locator("#status");

async function stored(id: string) {
  return (await db.doc(`documents/${id}`).get()).data();
}

describe("committee console sign-in", () => {
  it("keeps the typed email and says what was wrong after a wrong password", async () => {
    await phone.goto(CONSOLE);
    await expectAccessible(phone, "the sign-in screen");
    await phone.getByLabel("Email").fill(cl.email);
    await phone.getByLabel("Password").fill("not-the-password");
    await phone.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => status(phone).textContent()).toContain("Wrong email or password");
    expect(await phone.getByLabel("Email").inputValue()).toBe(cl.email);
  });

  it("signs in with the keyboard alone and shows the role's sections", async () => {
    await desk.goto(CONSOLE);
    await desk.getByLabel("Email").waitFor();
    for (let i = 0; i < 6 && (await desk.evaluate(() => document.activeElement?.id)) !== "email"; i++) {
      await desk.keyboard.press("Tab");
    }
    await desk.keyboard.type(pe.email);
    await desk.keyboard.press("Tab");
    await desk.keyboard.type(pe.password);
    await desk.keyboard.press("Enter");
    await expect.poll(() => desk.locator("#who").textContent()).toBe(`${pe.name} · committee`);
    await expect.poll(() => desk.getByRole("link", { name: "Audit log" }).count()).toBe(1);
  });

  it("names the signed-in person in the page's banner, and says whose session the sign-out button ends", async () => {
    // The person by the name of their member record; the address is for an account nobody claims.
    const banner = desk.getByRole("banner");
    expect(await banner.textContent()).toContain(pe.name);
    expect(await banner.textContent()).not.toContain(pe.email);
    const signOut = banner.getByRole("button", { name: "Sign out", exact: true });
    expect(await signOut.count()).toBe(1);
    const describedBy = await signOut.getAttribute("aria-describedby");
    expect(await desk.locator(`#${describedBy}`).textContent()).toBe(`${pe.name} · committee`);
    // In another language, the role follows it; the name stays the person's.
    await desk.getByLabel("Language").selectOption("es");
    await expect.poll(() => desk.locator("#who").textContent()).toBe(`${pe.name} · comité`);
    await desk.getByLabel("Idioma").selectOption("en");
    await expectAccessible(desk, "the dashboard with the person's name in its banner");
  });
});

describe("a document from a committee member's draft to the public site", () => {
  const spanish = {
    title: "La consola publica una noticia",
    summary: "Una noticia escrita en la consola.",
    body: "Texto en **español** con [un enlace](https://example.org/informe).",
  };
  const english = {
    title: "The console publishes a news item",
    summary: "A news item written in the console.",
    body: "Text in **English** with [a link](https://example.org/report).",
  };

  it("refuses an empty form beside its fields before anything is sent", async () => {
    await signInToConsole(phone, cl);
    await expectAccessible(phone, "the dashboard");
    await openFromMenu(phone, { name: "New document" });
    const before = (await db.collection("documents").count().get()).data().count;
    await phone.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Check the marked fields: nothing was sent.");
    await expect.poll(() => phone.locator("#f-id-error").textContent()).toContain("slug");
    expect(await phone.locator("#f-title-es").getAttribute("aria-invalid")).toBe("true");
    expect(await phone.locator("#f-title-es-error").textContent()).toContain("Spanish (es) or English (en)");
    expect(await phone.locator("#f-source-error").textContent()).toContain("where the record comes from");
    await expectAccessible(phone, "the editor with errors");
    expect((await db.collection("documents").count().get()).data().count).toBe(before);
  });

  it("saves a Spanish draft, then its English translation side by side", async () => {
    await phone.locator("#f-id").fill(NEWS);
    await phone.locator("#f-source").fill("Console browser test");
    await chooseByName(phone, "#f-countries", "Chile");
    await phone.locator("#f-translations-es").selectOption("original");
    await phone.locator("#f-title-es").fill(spanish.title);
    await phone.locator("#f-summary-es").fill(spanish.summary);
    await phone.locator("#f-body-es").fill(spanish.body);
    await phone.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Saved: version 1, status “draft”.");
    expect(phone.url()).toContain(`#/documents/${NEWS}`);

    await phone.locator("#f-translations-en").selectOption("translated");
    await phone.locator("#f-title-en").fill(english.title);
    await phone.locator("#f-summary-en").fill(english.summary);
    await phone.locator("#f-body-en").fill(english.body);
    await phone.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Saved: version 2, status “draft”.");
    expect(await stored(NEWS)).toMatchObject({
      status: "draft",
      version: 2,
      title: { es: spanish.title, en: english.title },
      translations: { es: "original", en: "translated" },
    });
  });

  it("previews the English text with the public site's own renderer", async () => {
    await phone.getByRole("button", { name: "Preview (en)" }).click();
    const preview = phone.locator("#preview .prose");
    await expect.poll(() => preview.innerHTML()).toBe(renderMarkdown(english.body, DEFAULT_SITE_ORIGIN));
    expect(await phone.locator("#preview h1").textContent()).toBe(english.title);
    await expectAccessible(phone, "the editor with a preview");
  });

  it("shows an edit on a stale version as a conflict with both texts, and saves the merge", async () => {
    // The other committee member changes the summary while the author still has version 2 open.
    await desk.goto(consoleUrl(`#/documents/${NEWS}`));
    await desk.locator("#f-summary-es").fill("Resumen corregido por Perú.");
    await desk.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(desk).textContent()).toBe("Saved: version 3, status “draft”.");

    const body = `${spanish.body} Párrafo nuevo de Chile.`;
    await phone.locator("#f-body-es").fill(body);
    await phone.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(phone).textContent()).toContain("Demo Comité Perú saved version 3");
    // When, as the author reads time: their language, their member record's zone, the zone named.
    const savedAt = String((await db.doc(`documents/${NEWS}/versions/3`).get()).get("at"));
    const inSantiago = new Intl.DateTimeFormat("en", {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "America/Santiago",
      timeZoneName: "short",
    }).format(new Date(savedAt));
    expect(await status(phone).textContent()).toContain(
      `saved version 3 on ${inSantiago}; you were editing version 2.`,
    );
    expect(await status(phone).textContent()).not.toContain("UTC");
    const conflict = phone.getByRole("region", { name: "Someone else changed this document" });
    await expect.poll(() => conflict.textContent()).toContain("Latest saved version (3)");
    expect((await conflict.locator("ins").allTextContents()).join(" ")).toContain("Párrafo nuevo de Chile.");
    await expectAccessible(phone, "the editor with a conflict");
    expect((await stored(NEWS))?.version).toBe(3);

    await conflict.getByRole("button", { name: "Reapply my text on the latest version" }).click();
    await phone.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Saved: version 4, status “draft”.");
    // Nothing silently overwritten: Peru's summary and Chile's paragraph are both kept.
    expect(await stored(NEWS)).toMatchObject({
      version: 4,
      summary: { es: "Resumen corregido por Perú." },
      body: { es: body },
    });
  });

  it("compares versions word by word and restores an earlier one", async () => {
    await phone.getByRole("button", { name: "Compare with the current one (2)" }).click();
    await expect
      .poll(async () => (await phone.locator(".diff ins").allTextContents()).join(" "))
      .toContain("Párrafo nuevo de Chile.");
    await expectAccessible(phone, "the version history");
    // The history names people and steps in words: no account, person id or action code.
    const history = () => phone.locator(".versions").textContent();
    await expect.poll(history).toContain(`Demo Comité Perú (Peru) saved a draft of “${english.title}”`);
    expect(await history()).toContain(`Demo Comité Chile (Chile) saved a draft of “${english.title}”`);
    expect(await history()).not.toMatch(/demo-committee|document\.|saveDraft/);
    await phone.getByRole("button", { name: "Restore this version (2)" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Version 2 restored as version 5.");
    expect(await stored(NEWS)).toMatchObject({
      version: 5,
      status: "draft",
      summary: { es: spanish.summary },
      body: { es: spanish.body },
    });
    expect(await phone.locator("#f-body-es").inputValue()).toBe(spanish.body);
  });

  it("submits, and refuses its author's own publication with a clear message", async () => {
    await phone.getByRole("button", { name: "Submit for review" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Saved: version 6, status “in review”.");
    await phone.getByRole("button", { name: "Publish" }).click();
    await expect
      .poll(() => status(phone).textContent())
      .toBe(
        "The last edit of this document is yours: another committee member must publish it. The secretariat may, giving a reason.",
      );
    expect((await stored(NEWS))?.status).toBe("in-review");
  });

  it("lists and filters documents and the audit log", async () => {
    await openFromMenu(phone, { name: "Documents" });
    await phone.getByLabel("Search").fill("consola publica");
    // Titles show in the interface language.
    await expect.poll(() => phone.getByRole("cell").first().textContent()).toBe(english.title);
    await expectAccessible(phone, "the document list");
    await openFromMenu(phone, { name: "Audit log" });
    await phone.getByLabel("Action").selectOption({ label: "Version restored" });
    await phone.getByLabel("Record / Who").fill(english.title);
    await expect.poll(() => phone.getByText(/^\d+ entries$/).textContent()).toBe("1 entries");
    // The entry reads as a sentence: the person by name and country, the step as a verb, the title.
    const log = () => phone.locator("main table").textContent();
    await expect.poll(log).toContain(`Demo Comité Chile (Chile) restored an earlier version of “${english.title}”`);
    expect(await log()).not.toMatch(/demo-committee|document\.restoreVersion|restoreVersion/);
    await expectAccessible(phone, "the audit log");
  });

  it("is published by the other committee member, with the keyboard, and appears on the public site in both languages", async () => {
    await desk.getByRole("link", { name: "Home" }).click();
    const review = desk.getByRole("region", { name: "Waiting for my review" });
    await review.getByRole("link", { name: english.title }).click();
    await desk.getByRole("button", { name: "Publish" }).focus();
    await desk.keyboard.press("Enter");
    await expect.poll(() => status(desk).textContent()).toBe("Saved: version 7, status “published”.");
    await expectAccessible(desk, "the editor of a published document");
    mkdirSync("test-results", { recursive: true });
    await desk.getByRole("link", { name: "Home" }).click();
    await desk.getByRole("heading", { name: "Recent changes" }).waitFor();
    await desk.screenshot({ path: "test-results/console.png" });

    for (const [lang, title] of [
      ["es", spanish.title],
      ["en", english.title],
    ] as const) {
      const started = Date.now();
      const html = await eventually(async () => {
        const response = await fetch(`${HOSTING_ORIGIN}/${lang}/documents/${NEWS}`);
        const text = await response.text();
        return response.ok && text.includes(title) ? text : undefined;
      }, `the ${lang} page of ${NEWS}`);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(html).toContain(lang === "es" ? "<strong>español</strong>" : "<strong>English</strong>");
    }
  });
});

describe("a correction republished in the console", () => {
  it("reaches subscribers again only when its publisher asks, with a reason the audit log keeps", async () => {
    // Peru unpublishes, Chile submits again; Peru is offered a new notice beside Publish.
    await desk.goto(consoleUrl(`#/documents/${NEWS}`));
    await desk.getByRole("button", { name: "Unpublish" }).click();
    await expect.poll(() => status(desk).textContent()).toBe("Saved: version 8, status “draft”.");
    await phone.goto(consoleUrl(`#/documents/${NEWS}`));
    await phone.getByRole("button", { name: "Submit for review" }).click();
    await expect.poll(() => status(phone).textContent()).toBe("Saved: version 9, status “in review”.");

    await desk.goto(consoleUrl("#/"));
    await desk.goto(consoleUrl(`#/documents/${NEWS}`));
    const notice = desk.getByRole("group", { name: "Notice to subscribers" });
    await notice.getByLabel("Notify subscribers again when publishing").check();
    await notice.getByLabel("Why they should know (kept in the audit log)").fill("The link to the report was wrong");
    await expectAccessible(desk, "the editor with a new notice to subscribers");
    await desk.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => status(desk).textContent()).toBe("Saved: version 10, status “published”.");
    const publications = (await db.collection("audit").where("target.id", "==", NEWS).get()).docs
      .map((d) => d.data())
      .filter((e) => e.action === "document.publish")
      .sort((a, b) => String(a.at).localeCompare(String(b.at)));
    expect(publications.map((e) => e.notifySubscribers ?? null)).toEqual([
      null,
      { reason: "The link to the report was wrong" },
    ]);
  });
});

describe("a member in the console, under its Content-Security-Policy", () => {
  it("drafts and submits for their own country, and is offered no publication or audit log", async () => {
    await signInToConsole(strict, member);
    expect(await strict.getByRole("link", { name: "Audit log" }).count()).toBe(0);
    await strict.getByRole("link", { name: "New document" }).click();
    await strict.locator("#f-id").fill(MX_DRAFT);
    await strict.locator("#f-source").fill("Console browser test");
    await chooseByName(strict, "#f-countries", "Mexico");
    await strict.locator("#f-title-es").fill("Informe de México");
    await strict.locator("#f-summary-es").fill("Resumen.");
    await strict.locator("#f-body-es").fill("Texto.");
    await strict.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => status(strict).textContent()).toBe("Saved: version 1, status “draft”.");
    await strict.getByRole("button", { name: "Submit for review" }).click();
    await expect.poll(() => status(strict).textContent()).toBe("Saved: version 2, status “in review”.");
    expect(await strict.getByRole("button", { name: "Publish" }).count()).toBe(0);
    expect((await stored(MX_DRAFT))?.status).toBe("in-review");
  });
});

/** Every script a page loads or runs: src of script elements, preloads, and inline code. */
function scriptsOf(html: string): string[] {
  const found: string[] = [];
  type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string };
  const walk = (node: Node) => {
    const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
    if (node.nodeName === "script") {
      found.push(attr("src") ?? (node.childNodes ?? []).map((c) => c.value ?? "").join(""));
    }
    if (node.nodeName === "link" && /preload|modulepreload/.test(attr("rel") ?? "")) found.push(attr("href") ?? "");
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(html) as unknown as Node);
  return found;
}

describe("the public site beside the console", () => {
  it("carries none of the console's JavaScript or Firebase on any page type", async () => {
    for (const lang of PAGE_LANGS) {
      for (const type of PAGE_TYPES) {
        const html = await (await fetch(`${HOSTING_ORIGIN}${pageUrl(lang, type)}`)).text();
        for (const script of scriptsOf(html)) {
          expect(script, pageUrl(lang, type)).not.toMatch(/\/console\/|:\/\/|firebase|initializeApp/i);
        }
      }
    }
    // The check sees scripts: the console's own page has them.
    const consolePage = await (await fetch(CONSOLE)).text();
    expect(scriptsOf(consolePage).some((src) => src.startsWith("/assets/"))).toBe(true);
  });
});
