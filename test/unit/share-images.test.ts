import { type DefaultTreeAdapterMap, parse } from "parse5";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { LogEntry } from "../../functions/src/log.js";
import { createSite } from "../../functions/src/site/app.js";
import { pageContext } from "../../functions/src/site/context.js";
import { deriveSiteData, type SiteData } from "../../functions/src/site/data.js";
import { eventCard, networkCard, type ShareCard, shareImagePath } from "../../functions/src/site/share/card.js";
import { cardSvg, missingGlyphs, renderCard } from "../../functions/src/site/share/render.js";
import type { PublicSnapshot } from "../../functions/src/views/public-snapshot.js";
import { PAGE_LANGS, PAGE_TYPES, pageUrl } from "../bench/pages.js";
import { ORIGIN, seedSnapshot, siteOver, TEST_ASSETS, TEST_CURSOR_KEY } from "../support/seeded-site.js";

type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

function* elements(node: Node): Generator<Element> {
  if ("tagName" in node) yield node;
  if ("childNodes" in node) for (const child of node.childNodes) yield* elements(child);
}

/** The page's social tags, read by a real HTML parser: { "og:image": ..., "twitter:card": ... }. */
function socialTags(html: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const element of elements(parse(html))) {
    if (element.tagName !== "meta") continue;
    const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value;
    const key = attr("property") ?? attr("name");
    const content = attr("content");
    if (key && content !== undefined && /^(og|twitter):/.test(key)) tags[key] = content;
  }
  return tags;
}

/** Decodes the bytes as a PNG (pngjs, not our renderer): throws on anything else. */
const png = (bytes: Uint8Array) => PNG.sync.read(Buffer.from(bytes));
const BACKGROUND = [0x0b, 0x3d, 0x6b];

let snapshot: PublicSnapshot;
let site: ReturnType<typeof siteOver>;
beforeAll(async () => {
  snapshot = await seedSnapshot();
  site = siteOver(snapshot);
});

describe("share previews", () => {
  describe.each(PAGE_LANGS)("in %s", (lang) => {
    it.each(PAGE_TYPES)("$name carries Open Graph and Twitter tags whose image is a 1200 × 630 PNG", async (type) => {
      const html = await (await site.request(pageUrl(lang, type))).text();
      const tags = socialTags(html);
      expect(tags["og:title"]).toBeTruthy();
      expect(tags["og:description"]).toBeTruthy();
      expect(tags["og:locale"]).toBe(lang);
      expect(tags["twitter:card"]).toBe("summary_large_image");
      expect(tags["twitter:image"]).toBe(tags["og:image"]);
      const image = new URL(tags["og:image"] ?? "");
      expect(image.origin).toBe(ORIGIN);
      expect(image.pathname).toMatch(new RegExp(`^/og/${lang}/`));
      const res = await site.request(image.pathname);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("cache-control")).toContain("immutable");
      const { width, height } = png(new Uint8Array(await res.arrayBuffer()));
      expect([width, height]).toEqual([1200, 630]);
    });
  });

  it("gives each event and document its own image, in the page's language", async () => {
    const image = async (path: string) => socialTags(await (await site.request(path)).text())["og:image"];
    const event = await image("/es/events/iii-seminar-santiago-2005");
    const document = await image("/en/documents/santiago-2005-executive-report");
    expect(event).toMatch(/\/og\/es\/events\/iii-seminar-santiago-2005\.[\w-]{12}\.png$/);
    expect(document).toMatch(/\/og\/en\/documents\/santiago-2005-executive-report\.[\w-]{12}\.png$/);
    expect(await image("/es/")).toMatch(/\/og\/es\/network\.[\w-]{12}\.png$/);
    expect(await image("/en/")).not.toBe(await image("/es/"));
  });

  it("draws Spanish, Portuguese and French accents with the shipped font, and notices what it cannot draw", async () => {
    const card: ShareCard = {
      lang: "fr",
      kicker: "Séminaire · 20–23 juin 2005 · São Paulo",
      title: "¿Licitación electrónica? Açores, ação, coração, Œuvre, « marchés publics », garçon, ÀÉÎÕÜÑ",
      site: "Réseau interaméricain des marchés publics",
    };
    expect(await missingGlyphs(card)).toEqual([]);
    expect(await missingGlyphs({ ...card, title: "東京" })).toEqual(["東京"]);
  });

  it.each([
    [
      "a very long title",
      "Informe ejecutivo del III Seminario Interamericano de Compras Públicas Electrónicas ".repeat(6),
    ],
    ["one endless word", "á".repeat(400)],
  ])("clips %s to three lines with an ellipsis, inside the margins", async (_name, title) => {
    const card: ShareCard = { lang: "es", kicker: "Seminario · junio de 2005", title, site: "Red Interamericana" };
    // Satori's layout, read as text: the title's runs end with the ellipsis and stay within 80 px margins.
    const svg = await cardSvg(card, { embedFont: false });
    const runs = [
      ...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*font-size="68"[^>]*>([^<]*)<\/text>/g),
    ];
    const text = runs.map((r) => r[4]).join("");
    expect(text.endsWith("…")).toBe(true);
    expect(text.length).toBeLessThan(title.length);
    expect(new Set(runs.map((r) => r[2])).size).toBeLessThanOrEqual(3);
    for (const [, x, , width] of runs) expect(Number(x) + Number(width)).toBeLessThanOrEqual(1200 - 80 + 0.5);
    // The drawn PNG, decoded on its own: nothing but background in the right margin.
    const image = png(await renderCard(card));
    for (let y = 0; y < 600; y += 3) {
      for (let x = 1125; x < 1200; x += 5) {
        const i = (y * image.width + x) * 4;
        expect([...image.data.subarray(i, i + 3)], `pixel ${x},${y}`).toEqual(BACKGROUND);
      }
    }
  });
});

describe("share images that are missing or fail", () => {
  let data: SiteData;
  beforeAll(() => {
    data = deriveSiteData(snapshot);
  });

  /** The site over the seed, drawing share images with `render`, its log kept. */
  function shareApp(render: (card: ShareCard) => Promise<Uint8Array<ArrayBuffer>>) {
    const logged: LogEntry[] = [];
    const app = createSite({
      view: async () => ({ derived: data }),
      assets: TEST_ASSETS,
      origin: ORIGIN,
      cursorKey: TEST_CURSOR_KEY,
      log: (e) => logged.push(e),
      drawShareImage: render,
    });
    return { app, logged };
  }
  const ctx = (lang: "es" | "en") =>
    pageContext({
      lang,
      data: deriveSiteData(snapshot),
      assets: TEST_ASSETS,
      origin: ORIGIN,
      now: new Date(),
      path: "/",
    });
  const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

  it("answers an unknown event with the network's image, briefly cached", async () => {
    const network = await bytes(await site.request(shareImagePath(networkCard(ctx("en")), { kind: "network" })));
    const res = await site.request("/og/en/events/no-such-event.AAAAAAAAAAAA.png");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).not.toContain("immutable");
    expect(await bytes(res)).toEqual(network);
  });

  it("answers a stale image URL with the current image, briefly cached", async () => {
    const res = await site.request("/og/es/events/iii-seminar-santiago-2005.AAAAAAAAAAAA.png");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).not.toContain("immutable");
    expect(png(await bytes(res)).width).toBe(1200);
  });

  it("falls back to the network's image when an image fails to draw, logs it, and keeps no failed drawing", async () => {
    let calls = 0;
    const { app, logged } = shareApp(async (card) => {
      calls++;
      if (card.title !== networkCard(ctx("es")).title) throw new Error("font exploded");
      return renderCard(card);
    });
    const stale = "/og/es/events/iii-seminar-santiago-2005.AAAAAAAAAAAA.png";
    const res = await app.request(stale);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).not.toContain("immutable");
    expect(png(await bytes(res)).height).toBe(630);
    expect(logged).toEqual([
      expect.objectContaining({ severity: "ERROR", message: "share.render_failed", path: stale }),
    ]);
    expect(calls).toBe(2);
    // Another URL of the same card draws it again (a failure is not kept); the network's image was kept.
    const santiago = data.events.get("iii-seminar-santiago-2005");
    if (!santiago) throw new Error("the seed's Santiago seminar is missing");
    const exact = shareImagePath(eventCard(ctx("es"), santiago), { kind: "events", id: santiago.id });
    expect((await app.request(exact)).status).toBe(200);
    expect(calls).toBe(3);
    expect(logged).toHaveLength(2);
    // Nor was the stand-in kept under the failed URL: asked again, it is drawn (and fails) again.
    expect((await app.request(stale)).status).toBe(200);
    expect(calls).toBe(4);
    expect(logged).toHaveLength(3);
  });
});
