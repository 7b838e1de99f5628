// The compiled site (functions/lib, from `npm run build`) outside the Functions emulator: the
// bench renders it in-process and serves it over HTTP for Lighthouse. Firebase Admin is the
// functions' own copy, so the Firestore handed to the site is the class the site was built for.
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { PROJECT_ID, ROOT } from "../../scripts/emulators.mjs";
import { emulatorFirebaseConfig } from "../../scripts/suite.mjs";

const FUNCTIONS = join(ROOT, "functions");
const requireFromFunctions = createRequire(join(FUNCTIONS, "package.json"));
const lib = (path) => import(pathToFileURL(join(FUNCTIONS, "lib", path)).href);

/** The modules the bench needs, loaded once from functions/lib and functions/node_modules. */
export async function loadFunctions() {
  const [
    { createSite },
    { siteRequestListener },
    { deriveSiteData },
    meta,
    reader,
    writer,
    seed,
    config,
    model,
    search,
    openData,
    sitemap,
  ] = await Promise.all([
    lib("site/app.js"),
    lib("site/handler.js"),
    lib("site/data.js"),
    lib("views/view-meta.js"),
    lib("views/view-reader.js"),
    lib("views/view-writer.js"),
    lib("seed/load-seed.js"),
    lib("config.js"),
    lib("model/index.js"),
    Promise.all(["engine", "query", "normalize", "search-index"].map((name) => lib(`site/search/${name}.js`))).then(
      (modules) => Object.assign({}, ...modules),
    ),
    lib("site/feeds/open-data.js"),
    lib("site/feeds/sitemap.js"),
  ]);
  const { initializeApp } = requireFromFunctions("firebase-admin/app");
  const { getFirestore } = requireFromFunctions("firebase-admin/firestore");
  const { serve } = await import(pathToFileURL(requireFromFunctions.resolve("@hono/node-server")).href);
  return {
    createSite,
    siteRequestListener,
    deriveSiteData,
    ...meta,
    ...reader,
    ...writer,
    ...seed,
    config,
    /**
     * The site's settings as deployed with the parameters' defaults; the cursor key, a secret in
     * production, is the bench's own.
     */
    settings: {
      origin: config.SITE_ORIGIN.options.default,
      viewMaxAgeMs: config.VIEW_MAX_AGE_MS.options.default,
      cursorKey: "bench-only cursor key",
    },
    model,
    /** The search index and its helpers (queryWords, rankPage, tokenize). */
    search,
    openData,
    sitemap,
    serve,
    /** A Firestore client of its own for `projectId` (FIRESTORE_EMULATOR_HOST must be set). */
    firestore(projectId) {
      return getFirestore(initializeApp({ projectId }, projectId));
    },
  };
}

/**
 * The site app over `db`, with its view cache (whose `meter.reads` counts Firestore reads).
 * `maxAgeMs: 0` checks the view's meta document on every request, the most reads a page can cost.
 * `fresh()` makes another app over the same view cache: an app's cache of rendered pages starts
 * empty, so its first request of a URL measures the render itself.
 */
export function siteOver(fns, db, { maxAgeMs = 0, origin = fns.settings.origin } = {}) {
  const cache = new fns.PublicViewCache(() => db, fns.deriveSiteData, { maxAgeMs });
  const assets = fns.config.assetManifest();
  const deps = { view: () => cache.current(), assets, origin, cursorKey: fns.settings.cursorKey, log: () => {} };
  const fresh = () => fns.createSite(deps);
  /** The Node listener the `site` function uses, with its fast path for pages it has rendered. */
  const listener = () => fns.siteRequestListener(deps);
  return { app: fresh(), cache, fresh, listener };
}

const TYPES = {
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".woff2": "font/woff2",
};
const COMPRESSIBLE = /^(text\/|image\/svg|application\/(xml|atom|json|javascript))/;

/** Compresses like the Hosting CDN does: brotli when the browser takes it, else gzip. */
function encode(body, type, acceptEncoding = "") {
  if (!COMPRESSIBLE.test(type) || body.length < 256) return { body };
  if (/\bbr\b/.test(acceptEncoding)) {
    return {
      body: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      encoding: "br",
    };
  }
  if (/\bgzip\b/.test(acceptEncoding)) return { body: gzipSync(body, { level: 9 }), encoding: "gzip" };
  return { body };
}

/** The file of hosting/public at `pathname`, if there is one (Hosting serves those first). */
async function staticFile(publicDir, pathname) {
  const file = normalize(join(publicDir, decodeURIComponent(pathname)));
  if (!file.startsWith(`${publicDir}/`)) return undefined;
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

/**
 * Serves the site the way Firebase Hosting does: files of hosting/public first (assets immutable,
 * robots.txt), every other path through the site app, responses compressed. Resolves with the
 * server's URL.
 */
export async function serveSite(app, { port = 0 } = {}) {
  const publicDir = join(ROOT, "hosting/public");
  return listen(port, async (req, url) => {
    const file = await staticFile(publicDir, url.pathname);
    if (file) {
      return {
        status: 200,
        headers: {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "cache-control": url.pathname.startsWith("/assets/")
            ? "public, max-age=31536000, immutable"
            : "public, max-age=3600",
        },
        body: await readFile(file),
      };
    }
    const response = await app.fetch(
      new Request(url.href.replace("http://localhost", `http://${req.headers.host}`), {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
      }),
    );
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    };
  });
}

/**
 * What the Hosting emulator answers at /__/firebase/init.json for a demo project, which has no
 * web app to ask for its config (firebase-tools' constructDefaultWebSetup): the console starts
 * on it as it does under `npm start`.
 */
export const DEMO_WEB_CONFIG = {
  projectId: PROJECT_ID,
  databaseURL: `https://${PROJECT_ID}.firebaseio.com`,
  storageBucket: `${PROJECT_ID}.appspot.com`,
  apiKey: "fake-api-key",
  authDomain: `${PROJECT_ID}.firebaseapp.com`,
};

/**
 * Serves the built console (hosting/public-console) the way the Hosting emulator serves its
 * site: its files with the headers firebase.json gives them on the emulators (the production
 * CSP plus the emulators' addresses), the directory's index.html at `/`, the demo project's web
 * config at /__/firebase/init.json, responses compressed. No emulator is needed for the sign-in
 * screen: the console talks to Auth only once someone signs in.
 */
export async function serveConsole({ port = 0 } = {}) {
  const config = emulatorFirebaseConfig(JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8")));
  const site = config.hosting.find((s) => s.target === "console");
  const publicDir = join(ROOT, site.public);
  const rules = site.headers ?? [];
  // Hosting matches each rule's glob; the console's rules all cover every path, and a narrower
  // one added later must be served here too, so it stops the bench rather than being skipped.
  const narrower = rules.find((rule) => rule.source !== "**");
  if (narrower) throw new Error(`serveConsole applies "**" header rules only; firebase.json has "${narrower.source}"`);
  const siteHeaders = Object.fromEntries(
    rules.flatMap((rule) => rule.headers.map((h) => [h.key.toLowerCase(), h.value])),
  );
  return listen(port, async (_req, url) => {
    if (url.pathname === "/__/firebase/init.json") {
      return {
        status: 200,
        headers: { "content-type": "application/json" },
        body: Buffer.from(JSON.stringify(DEMO_WEB_CONFIG, null, 2)),
      };
    }
    const file = await staticFile(publicDir, url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname);
    if (!file) return { status: 404, headers: { "content-type": "text/plain" }, body: Buffer.from("Not found") };
    return {
      status: 200,
      headers: { ...siteHeaders, "content-type": TYPES[extname(file)] ?? "application/octet-stream" },
      body: await readFile(file),
    };
  });
}

/**
 * An HTTP server on 127.0.0.1:`port` (0: any free port) answering with `handle(req, url)`'s
 * { status, headers, body }, compressed like the Hosting CDN. Resolves with its URL and close().
 */
async function listen(port, handle) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const { status, headers, body } = await handle(req, url);
      const encoded = encode(body, headers["content-type"] ?? "", req.headers["accept-encoding"]);
      if (encoded.encoding) {
        headers["content-encoding"] = encoded.encoding;
        if (!/accept-encoding/i.test(headers.vary ?? "")) {
          headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
        }
      }
      headers["content-length"] = String(encoded.body.length);
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : encoded.body);
    } catch (error) {
      res.writeHead(error.code === "ENOENT" ? 404 : 500, { "content-type": "text/plain" });
      res.end(error.code === "ENOENT" ? "Not found" : String(error));
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
