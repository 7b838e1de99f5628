import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linksBack } from "../../functions/src/links/backlink.js";
import { checkWebsite } from "../../functions/src/links/check.js";
import { DEFAULT_LIMITS, FetchRefused, fetchPage, isPrivateAddress } from "../../functions/src/links/fetch-page.js";

const SITE = "https://www.compraspublicas.org";
const TEST_LIMITS = { timeoutMs: 1_000, maxBytes: 100_000, maxRedirects: 3, allowPrivate: true };
const page = (body: string) => `<!doctype html><html><head><title>x</title></head><body>${body}</body></html>`;

const routes: Record<string, RequestListener> = {
  "/present": (_req, res) =>
    res.end(page('<p>Members of <a href="https://compraspublicas.org/es/">the network</a></p>')),
  "/absent": (_req, res) => res.end(page('<p>No link here. <!-- <a href="https://www.compraspublicas.org/"> --></p>')),
  "/lookalike": (_req, res) => res.end(page('<a href="https://compraspublicas.org.evil.example/">x</a>')),
  "/moved": (_req, res) => res.writeHead(301, { location: "/present" }).end(),
  "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
  "/to-file": (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
  "/slow": () => {},
  "/error": (_req, res) => res.writeHead(500).end(page('<a href="https://www.compraspublicas.org/">x</a>')),
  "/huge": (_req, res) => {
    res.write(page("<p>"));
    const chunk = "x".repeat(64 * 1024);
    const more = () => {
      while (res.write(chunk)) {}
      res.once("drain", more);
    };
    more();
    res.on("close", () => res.removeAllListeners("drain"));
  },
};

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ""] ?? ((_q, r) => r.writeHead(404).end()))(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const check = (path: string) =>
  checkWebsite(`${origin}${path}`, { siteOrigin: SITE, timeZone: "UTC", limits: TEST_LIMITS }, "2026-06-01");

describe("the initiatives' cross-link check", () => {
  it("finds a link back to the network's site, directly or behind a redirect", async () => {
    expect(await check("/present")).toEqual({ checkedOn: "2026-06-01", result: "links" });
    expect(await check("/moved")).toEqual({ checkedOn: "2026-06-01", result: "links" });
  });

  it("reports a page with no link back, a commented-out link and a look-alike host as missing", async () => {
    expect((await check("/absent")).result).toBe("missing");
    expect((await check("/lookalike")).result).toBe("missing");
  });

  it("reports a server error, a timeout, a huge body and endless redirects as unreachable, saying why", async () => {
    expect(await check("/error")).toMatchObject({ result: "unreachable", detail: "HTTP 500" });
    expect(await check("/slow")).toMatchObject({ result: "unreachable", detail: expect.stringMatching(/^timeout/) });
    expect(await check("/huge")).toMatchObject({ result: "unreachable", detail: expect.stringMatching(/^size/) });
    expect(await check("/loop")).toMatchObject({ result: "unreachable", detail: expect.stringMatching(/^redirects/) });
  });

  it("follows only http and https, even through a redirect", async () => {
    await expect(fetchPage("ftp://example.org/", TEST_LIMITS)).rejects.toMatchObject({ reason: "scheme" });
    await expect(fetchPage(`${origin}/to-file`, TEST_LIMITS)).rejects.toMatchObject({ reason: "scheme" });
  });

  it("never fetches private or loopback addresses with the production limits, by address or by name", async () => {
    await expect(fetchPage(`${origin}/present`, DEFAULT_LIMITS)).rejects.toThrow(FetchRefused);
    await expect(fetchPage(`${origin}/present`, DEFAULT_LIMITS)).rejects.toMatchObject({ reason: "address" });
    const port = new URL(origin).port;
    await expect(fetchPage(`http://localhost:${port}/present`, DEFAULT_LIMITS)).rejects.toMatchObject({
      reason: "address",
    });
    for (const address of [
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "127.0.0.1",
      "::1",
      "[::1]",
      "fd00::1",
      "::ffff:10.0.0.1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "200.14.71.10", "2001:4860:4860::8888"])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it("reads links as a browser would, relative ones against the page's address", () => {
    expect(linksBack(page('<a href="/es/">x</a>'), "https://www.compraspublicas.org/x", SITE)).toBe(true);
    expect(linksBack(page('<a href="/es/">x</a>'), "https://initiative.example/", SITE)).toBe(false);
    expect(
      linksBack(page('<a href="javascript:alert(1)//compraspublicas.org">x</a>'), "https://a.example/", SITE),
    ).toBe(false);
  });
});
