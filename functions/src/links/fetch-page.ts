import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";

/** How far the weekly check goes for one page. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /**
   * Whether private, loopback and link-local addresses may be fetched. Never in production,
   * where an initiative's website pointing at 10.0.0.1 or 169.254.169.254 would let it probe
   * the cloud's internal network; the tests turn it on to reach their local servers.
   */
  allowPrivate: boolean;
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 10_000,
  maxBytes: 2_000_000,
  maxRedirects: 5,
  allowPrivate: false,
};

export type FetchFailure = "scheme" | "address" | "redirects" | "timeout" | "size" | "network";

/** A page the check could not, or would not, fetch; `reason` says which limit stopped it. */
export class FetchRefused extends Error {
  override name = "FetchRefused";
  constructor(
    message: string,
    readonly reason: FetchFailure,
  ) {
    super(message);
  }
}

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv6");
}

/** Whether an address is private, loopback, link-local or otherwise not on the public Internet. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return PRIVATE.check(mapped[1], "ipv4");
  return PRIVATE.check(bare, family === 6 ? "ipv6" : "ipv4");
}

/**
 * A DNS lookup that refuses private addresses. It runs inside the connection itself, so the
 * address checked is the address connected to (a name cannot resolve to a public address for
 * the check and a private one for the request).
 */
function guardedLookup(allowPrivate: boolean) {
  return (
    hostname: string,
    options: { family?: number; all?: boolean },
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { family: options.family ?? 0, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      if (refused && !allowPrivate)
        return callback(new FetchRefused(`${hostname} resolves to a private address`, "address"), "");
      const [first] = addresses;
      if (options.all) return callback(null, addresses);
      callback(null, first?.address ?? "", first?.family);
    });
  };
}

interface Answer {
  status: number;
  location?: string;
  body: string;
}

function getOnce(url: URL, limits: FetchLimits): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.get(
      url,
      {
        lookup: guardedLookup(limits.allowPrivate) as never,
        headers: { "user-agent": "compraspublicas-link-check/1.0", accept: "text/html,*/*;q=0.5" },
        signal: AbortSignal.timeout(limits.timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ status, location: response.headers.location, body: "" });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            request.destroy(new FetchRefused(`the page is larger than ${limits.maxBytes} bytes`, "size"));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", (error) => reject(asRefused(error)));
      },
    );
    request.on("error", (error) => reject(asRefused(error)));
  });
}

function asRefused(error: Error): FetchRefused {
  if (error instanceof FetchRefused) return error;
  if (
    error.name === "AbortError" ||
    error.name === "TimeoutError" ||
    (error as { code?: string }).code === "ABORT_ERR"
  ) {
    return new FetchRefused("no complete answer in time", "timeout");
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof FetchRefused) return cause;
  return new FetchRefused(error.message, "network");
}

/**
 * Fetches a page within the limits: http and https only, public addresses only (unless
 * allowed), redirects followed a bounded number of times, a deadline and a size cap.
 */
export async function fetchPage(
  address: string,
  limits: FetchLimits = DEFAULT_LIMITS,
): Promise<{ url: string; status: number; body: string }> {
  let url = new URL(address);
  for (let hops = 0; ; hops++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new FetchRefused(`only http and https addresses are checked, not ${url.protocol}`, "scheme");
    }
    if (!limits.allowPrivate && isPrivateAddress(url.hostname)) {
      throw new FetchRefused(`${url.hostname} is a private address`, "address");
    }
    const answer = await getOnce(url, limits);
    if (answer.location === undefined) return { url: url.href, status: answer.status, body: answer.body };
    if (hops >= limits.maxRedirects) throw new FetchRefused(`more than ${limits.maxRedirects} redirects`, "redirects");
    url = new URL(answer.location, url);
  }
}
