import type { Firestore } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../functions/src/i18n/index.js";
import { LANGS } from "../../functions/src/model/index.js";
import { createSite } from "../../functions/src/site/app.js";
import { deriveSiteData, type SiteData } from "../../functions/src/site/data.js";
import { PageCache } from "../../functions/src/site/page-cache.js";
import {
  clientId,
  isUnsubscribeToken,
  subscriberId,
  unsubscribeToken,
} from "../../functions/src/subscriptions/keys.js";
import { inMailLanguage, listHeaders, publicationMessage } from "../../functions/src/subscriptions/templates.js";
import { attr, elementsOf, formsOf, textOf } from "../support/html.js";
import { ORIGIN, seedSnapshot, TEST_ASSETS, TEST_CURSOR_KEY } from "../support/seeded-site.js";

const KEY = "unit-test subscription key, long enough to be a key";
let derived: SiteData;
let pages: PageCache;

/** No database in unit tests: any use of it fails the request, so a page that answers used none. */
const noDatabase = new Proxy({} as Firestore, {
  get() {
    throw new Error("unit tests have no database");
  },
});

const site = () =>
  createSite({
    view: async () => ({ derived }),
    assets: TEST_ASSETS,
    origin: ORIGIN,
    cursorKey: TEST_CURSOR_KEY,
    now: () => new Date("2026-11-25T12:00:00Z"),
    log: () => {},
    pages,
    subscriptions: { db: noDatabase, clock: () => new Date(), log: () => {}, key: KEY, sealKey: KEY, origin: ORIGIN },
  });

beforeAll(async () => {
  derived = deriveSiteData(await seedSnapshot());
  pages = new PageCache();
});

const post = (path: string, body: Record<string, string> | string, headers: Record<string, string> = {}) =>
  site().request(path, {
    method: "POST",
    body: typeof body === "string" ? body : new URLSearchParams(body).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...headers },
  });

const pageText = (html: string) =>
  elementsOf(html)
    .map((e) => (e.tagName === "body" ? textOf(e) : ""))
    .join("");
/** Whether the page tells the browser to send its URL as no one's Referer. */
const noReferrer = (html: string) =>
  elementsOf(html).some(
    (e) => e.tagName === "meta" && attr(e, "name") === "referrer" && attr(e, "content") === "no-referrer",
  );

const errorsOf = (html: string) =>
  elementsOf(html)
    .filter((e) => e.tagName === "strong" && attr(e, "id")?.endsWith("-error"))
    .map((e) => textOf(e));

describe("the subscription page", () => {
  for (const lang of LANGS) {
    it(`offers a plain POST form in ${lang}, the emails' language preset to the page's, kept by no cache`, async () => {
      const t = translator(lang);
      const res = await site().request(`/${lang}/subscribe`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const html = await res.text();
      const [form] = formsOf(html).filter((f) => f.method === "post");
      expect(form?.action).toBe(`/${lang}/subscribe`);
      expect(form?.fields).toEqual({ address: "", lang });
      const labels = elementsOf(html)
        .filter((e) => e.tagName === "label")
        .map(textOf);
      expect(labels).toEqual(expect.arrayContaining([t("sub.form.address"), t("sub.form.lang")]));
      // No script anywhere: the form works without JavaScript.
      expect(elementsOf(html).some((e) => e.tagName === "script")).toBe(false);
    });
  }

  it("is never kept by the instance's page cache, unlike an ordinary page", async () => {
    pages = new PageCache();
    await site().request("/es/subscribe");
    await site().request("/es/subscribe");
    expect(pages.size).toBe(0);
    // The same cache keeps an ordinary page, so an empty one above means the page was refused.
    await site().request("/es/about");
    expect(pages.size).toBe(1);
  });

  it("is linked from every page's footer, in the page's language", async () => {
    for (const lang of LANGS) {
      for (const path of ["/", "/about", "/library"]) {
        const html = await (await site().request(`/${lang}${path === "/" ? "/" : path}`)).text();
        const footer = elementsOf(html).find((e) => e.tagName === "footer");
        const links = footer ? elementsOf(`<div>${footerHtml(html)}</div>`).filter((e) => e.tagName === "a") : [];
        expect(
          links.map((a) => attr(a, "href")),
          `${lang}${path}`,
        ).toContain(`/${lang}/subscribe`);
      }
    }
  });
});

function footerHtml(html: string): string {
  return html.slice(html.indexOf("<footer"), html.indexOf("</footer>"));
}

describe("the subscription form's validation", () => {
  it("answers a text that is not an address with a localized 400 that keeps what was typed", async () => {
    for (const lang of LANGS) {
      const res = await post(`/${lang}/subscribe`, { address: "not an address", lang: "pt" });
      expect(res.status).toBe(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const html = await res.text();
      expect(errorsOf(html)).toEqual([translator(lang)("sub.error.address")]);
      expect(formsOf(html).find((f) => f.method === "post")?.fields).toEqual({ address: "not an address", lang: "pt" });
    }
  });

  it("refuses an address with a line break (a header injection) and keeps it in the form", async () => {
    const typed = "ana@example.org\r\nBcc: everyone@example.org";
    const res = await post("/en/subscribe", { address: typed, lang: "en" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorsOf(html)).toEqual([translator("en")("sub.error.address")]);
    // The browser reads the value back as typed (its parser turns CR LF into LF, as in any attribute).
    expect(formsOf(html).find((f) => f.method === "post")?.fields.address).toBe(typed.replace("\r\n", "\n"));
  });

  it("refuses 10 kB of text as too long, saying the limit, and keeps the text", async () => {
    const typed = `${"a".repeat(10_000)}@example.org`;
    const res = await post("/fr/subscribe", { address: typed, lang: "fr" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorsOf(html)).toEqual([translator("fr")("sub.error.addressTooLong", { max: 254 })]);
    expect(formsOf(html).find((f) => f.method === "post")?.fields.address).toBe(typed);
  });

  it("refuses a language we do not write in, keeping the address", async () => {
    const res = await post("/es/subscribe", { address: "ana@example.org", lang: "de" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorsOf(html)).toEqual([translator("es")("sub.error.lang")]);
    expect(formsOf(html).find((f) => f.method === "post")?.fields.address).toBe("ana@example.org");
  });

  it("refuses a body far larger than the form with a localized 400, without reading it all", async () => {
    const res = await post("/pt/subscribe", `address=${"a".repeat(40_000)}&lang=pt`);
    expect(res.status).toBe(400);
    expect(pageText(await res.text())).toContain(translator("pt")("sub.error.tooLarge"));
  });
});

describe("the subscription form's CSRF check", () => {
  it("refuses a POST from another site's page, by Origin or by Sec-Fetch-Site, with a localized 403", async () => {
    const fromElsewhere = await post(
      "/en/subscribe",
      { address: "ana@example.org", lang: "en" },
      {
        origin: "https://attacker.example",
      },
    );
    expect(fromElsewhere.status).toBe(403);
    expect(pageText(await fromElsewhere.text())).toContain(translator("en")("sub.error.origin"));
    const crossSite = await site().request("/en/subscribe", {
      method: "POST",
      body: "address=ana%40example.org&lang=en",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("cache-control")).toBe("no-store");
  });

  it("lets the site's own form through, by its Origin or by Sec-Fetch-Site: same-origin", async () => {
    // A bad address proves the request passed the check: validation comes after it.
    expect((await post("/en/subscribe", { address: "x", lang: "en" })).status).toBe(400);
    const sameOrigin = await site().request("/en/subscribe", {
      method: "POST",
      body: "address=x&lang=en",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(400);
  });
});

describe("the pages behind the emails' links", () => {
  const id = subscriberId(KEY, "ana@example.org");

  it("refuses a malformed confirmation link with a localized 400, before any read", async () => {
    const res = await site().request(`/en/subscribe/confirm?s=${id}&t=short`);
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(noReferrer(html)).toBe(true);
    expect(pageText(html)).toContain(translator("en")("sub.invalid.confirm"));
  });

  it("shows an unsubscribe link's page with a button that POSTs the one-click body to the same URL", async () => {
    const path = `/pt/unsubscribe?s=${id}&t=${unsubscribeToken(KEY, id)}`;
    const res = await site().request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(noReferrer(html)).toBe(true);
    const [form] = formsOf(html).filter((f) => f.method === "post");
    expect(form?.action).toBe(path);
    expect(form?.fields).toEqual({ "List-Unsubscribe": "One-Click" });
  });

  it("refuses an unsubscribe link whose token was not made with the key", async () => {
    const forged = unsubscribeToken("another key, long enough to be a key too", id);
    const get = await site().request(`/es/unsubscribe?s=${id}&t=${forged}`);
    expect(get.status).toBe(400);
    const post = await site().request(`/es/unsubscribe?s=${id}&t=${forged}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(post.status).toBe(400);
    expect(post.headers.get("location")).toBeNull();
  });
});

describe("subscription keys and emails", () => {
  it("names a subscriber by a keyed hash that ignores case and spaces, and a different one per key", () => {
    const id = subscriberId(KEY, "Ana.Perez@Example.org");
    expect(subscriberId(KEY, "  ana.perez@example.org ")).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(subscriberId("another key, long enough to be a key too", "ana.perez@example.org")).not.toBe(id);
  });

  it("counts an IPv6 /64 as one client, and an IPv4 seen through IPv6 as that IPv4 client", () => {
    expect(clientId(KEY, "2001:db8:1:2::1")).toBe(clientId(KEY, "2001:db8:1:2:ffff:1:2:3"));
    expect(clientId(KEY, "2001:db8:1:3::1")).not.toBe(clientId(KEY, "2001:db8:1:2::1"));
    expect(clientId(KEY, "::ffff:192.0.2.7")).toBe(clientId(KEY, "192.0.2.7"));
    expect(clientId(KEY, "192.0.2.7")).not.toBe(clientId(KEY, "192.0.2.8"));
  });

  it("puts List-Id, a one-click List-Unsubscribe on the site's origin with a valid token, and List-Unsubscribe-Post", () => {
    const id = subscriberId(KEY, "ana@example.org");
    const headers = listHeaders(ORIGIN, "fr", id, KEY);
    expect(headers["List-Id"]).toMatch(/^[^<>]+ <news\.www\.compraspublicas\.org>$/);
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const uri = new URL(/^<(.+)>$/.exec(headers["List-Unsubscribe"] ?? "")?.[1] ?? "");
    expect(uri.origin).toBe(ORIGIN);
    expect(uri.pathname).toBe("/fr/unsubscribe");
    expect(uri.searchParams.get("s")).toBe(id);
    expect(isUnsubscribeToken(KEY, id, uri.searchParams.get("t") ?? "")).toBe(true);
  });

  it("writes a publication in the subscriber's language, the title falling back as the site's pages do, with a visible unsubscribe link", () => {
    const id = subscriberId(KEY, "ana@example.org");
    const title = { es: "Informe", en: "Report" };
    // One rule everywhere (i18n/pick.ts): a French reader gets English before Spanish.
    expect(inMailLanguage(title, "fr")).toBe("Report");
    expect(inMailLanguage({ en: "Report" }, "pt")).toBe("Report");
    expect(inMailLanguage(title, "pt")).toBe("Informe");
    const mail = publicationMessage(ORIGIN, { id, lang: "fr" }, { id: "informe-2005", title }, KEY);
    expect(mail.subject).toBe(translator("fr")("sub.mail.published.subject", { title: "Report" }));
    const links = elementsOf(mail.html)
      .filter((e) => e.tagName === "a")
      .map((a) => attr(a, "href") ?? "");
    expect(links).toContain(`${ORIGIN}/fr/documents/informe-2005`);
    const unsubscribe = links.find((href) => href.startsWith(`${ORIGIN}/fr/unsubscribe?`));
    expect(unsubscribe).toBeDefined();
    expect(mail.text).toContain(unsubscribe);
  });
});
