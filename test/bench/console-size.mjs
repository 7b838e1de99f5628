// The committee console's JavaScript as a browser receives it, from the built
// hosting/public-console: what its page loads at once (the entry script and the chunks Vite
// preloads) and what loads later, gzipped. Printed by `npm run bench` (scripts/bench.mjs).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "parse5";
import { CONSOLE_OUT } from "../../scripts/build.mjs";

const CONSOLE_DIR = CONSOLE_OUT;
const CONSOLE_BUDGET_KB = 150;

/** Paths of the scripts index.html loads at once: module scripts and modulepreload links. */
function initialScripts(html) {
  const found = [];
  const walk = (node) => {
    const attrs = Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value]));
    if (node.nodeName === "script" && attrs.type === "module" && attrs.src) found.push(attrs.src);
    if (node.nodeName === "link" && attrs.rel === "modulepreload" && attrs.href) found.push(attrs.href);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html));
  return found.map((src) => src.replace(/^\//, ""));
}

const gzipKb = (file) => gzipSync(readFileSync(join(CONSOLE_DIR, file))).length / 1024;

/** { initialKb, lazyKb, files }: gzip sizes of the console's JavaScript, initial and deferred. */
function consoleSize(dir = CONSOLE_DIR) {
  const initial = initialScripts(readFileSync(join(dir, "index.html"), "utf8"));
  const all = readdirSync(join(dir, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `assets/${f}`);
  const files = all.map((file) => ({ file, kb: gzipKb(file), initial: initial.includes(file) }));
  const sum = (list) => list.reduce((total, f) => total + f.kb, 0);
  return {
    initialKb: sum(files.filter((f) => f.initial)),
    lazyKb: sum(files.filter((f) => !f.initial)),
    files,
  };
}

/** The console's section of the bench report. */
export function consoleWeight(emit, table) {
  const { initialKb, lazyKb, files } = consoleSize();
  emit("### Committee console JavaScript (gzip)");
  emit();
  table(
    ["file", "loaded", "gzip KB"],
    files.map((f) => [f.file, f.initial ? "at once" : "when needed", f.kb.toFixed(1)]),
  );
  const mark = initialKb <= CONSOLE_BUDGET_KB ? "" : "**";
  emit(
    `Initial JavaScript, Firebase SDK included: ${mark}${initialKb.toFixed(1)} KB${mark} gzip (target ≤ ${CONSOLE_BUDGET_KB} KB); the editor (Markdown renderer, word diff) loads when first opened: ${lazyKb.toFixed(1)} KB.`,
  );
  emit();
}
