import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import satori, { type Font } from "satori";
import type { ShareCard } from "./card.js";

import { SHARE_HEIGHT, SHARE_WIDTH } from "./size.js";

const FAMILY = "Atkinson Hyperlegible";

/**
 * Atkinson Hyperlegible, as @fontsource ships it: its Latin file covers Spanish, Portuguese and
 * French, the Latin Extended one any other name (Satori falls back through fonts in the order
 * given). Read once per instance, on the first image.
 */
let fonts: Font[] | undefined;
function loadFonts(): Font[] {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const file = (subset: string, weight: 400 | 700) =>
    readFileSync(
      require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${subset}-${weight}-normal.woff2`),
    );
  fonts = (["latin", "latin-ext"] as const).flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: FAMILY,
      data: file(subset, weight),
      weight,
      style: "normal" as const,
    })),
  );
  return fonts;
}

type Node = { type: string; props: { style?: Record<string, string | number>; children?: Node | Node[] | string } };
const div = (style: Record<string, string | number>, children: Node | Node[] | string): Node => ({
  type: "div",
  props: { style: { display: "flex", ...style }, children },
});

/** The card's layout for Satori: kicker, a title of at most three lines ending in an ellipsis, the network's name. */
function cardTree(card: ShareCard): Node {
  const clamp = (lines: number) => ({
    display: "block",
    lineClamp: lines,
    overflow: "hidden",
    textOverflow: "ellipsis",
    wordBreak: "break-word",
    maxWidth: "100%",
  });
  return div(
    {
      width: SHARE_WIDTH,
      height: SHARE_HEIGHT,
      flexDirection: "column",
      justifyContent: "space-between",
      boxSizing: "border-box",
      padding: "72px 80px",
      backgroundColor: "#0b3d6b",
      color: "#ffffff",
      fontFamily: FAMILY,
      borderBottom: "24px solid #c2410c",
    },
    [
      div({ ...clamp(2), fontSize: 34, color: "#cfe3f5" }, card.kicker),
      div({ ...clamp(3), fontSize: 68, fontWeight: 700, lineHeight: 1.15 }, card.title),
      div({ ...clamp(1), fontSize: 32 }, card.site),
    ],
  );
}

/** The card as an SVG; `embedFont: false` keeps its text as text, which tests read. */
export async function cardSvg(card: ShareCard, { embedFont = true } = {}): Promise<string> {
  return layout(card, { embedFont });
}

/**
 * The parts of a card's text that no shipped font can draw (they would show as empty boxes):
 * Satori asks for another font for each of them.
 */
export async function missingGlyphs(card: ShareCard): Promise<string[]> {
  const missing: string[] = [];
  await layout(card, {
    embedFont: false,
    loadAdditionalAsset: async (_code, segment) => {
      missing.push(segment);
      return [];
    },
  });
  return missing;
}

type LayoutOptions = Pick<Parameters<typeof satori>[1], "embedFont" | "loadAdditionalAsset">;

function layout(card: ShareCard, options: LayoutOptions): Promise<string> {
  // Satori's element type is React's; ours is the plain object shape it documents.
  return satori(cardTree(card) as Parameters<typeof satori>[0], {
    width: SHARE_WIDTH,
    height: SHARE_HEIGHT,
    fonts: loadFonts(),
    ...options,
  });
}

/** The 1200 × 630 PNG of a card: laid out by Satori, drawn by resvg. */
export async function renderCard(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await cardSvg(card);
  const png = new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
  // A Buffer may be a view into a shared pool; the response wants bytes of its own.
  return new Uint8Array(png);
}
