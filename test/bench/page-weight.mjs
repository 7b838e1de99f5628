// Section a of `npm run bench`: the home page's weight on the wire and its first response.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { ROOT } from "../../scripts/emulators.mjs";
import { emit, kb, mark, TARGETS, table } from "./common.mjs";
import { PAGE_LANGS } from "./pages.ts";

export async function pageWeight(fns, app) {
  emit("### Page weight (home page)");
  emit();
  const manifest = fns.config.assetManifest();
  const css = readFileSync(join(ROOT, "hosting/public", manifest["site.css"]));
  const gz = (buffer) => gzipSync(buffer, { level: 6 }).length;
  const br = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const rows = [];
  for (const lang of PAGE_LANGS) {
    const response = await app.request(`/${lang}/`);
    const html = Buffer.from(await response.text());
    // The first response as HTTP/1.1 frames it (HTTP/2 compresses headers, so this is the upper bound).
    const head = [
      "HTTP/1.1 200 OK",
      ...[...response.headers].map(([k, v]) => `${k}: ${v}`),
      "content-encoding: gzip",
      `content-length: ${gz(html)}`,
      `date: ${new Date().toUTCString()}`,
      "",
      "",
    ].join("\r\n");
    const wire = gz(html) + gz(css);
    const first = Buffer.byteLength(head) + gz(html);
    rows.push([
      lang,
      kb(html.length),
      `${kb(gz(html))} / ${kb(br(html))}`,
      kb(css.length),
      `${kb(gz(css))} / ${kb(br(css))}`,
      `${kb(wire)} ${mark(wire <= TARGETS.wireKb * 1024)}`,
      `${kb(first)} ${mark(first <= TARGETS.firstResponseKb * 1024)}`,
    ]);
  }
  table(
    [
      "lang",
      "HTML",
      "HTML gzip / br",
      "CSS",
      "CSS gzip / br",
      `HTML+CSS gzip (≤ ${TARGETS.wireKb} KB)`,
      `first response (≤ ${TARGETS.firstResponseKb} KB)`,
    ],
    rows,
  );
}
