import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isIPv6 } from "node:net";

// Everything a subscription names is a keyed hash (HMAC with the SUBSCRIPTION_KEY secret): an
// address cannot be recovered from a record id, a log line or a link by hashing likely addresses.

const hmac = (key: string, purpose: string, value: string) =>
  createHmac("sha256", key).update(`${purpose}\n${value}`).digest();

/**
 * The id of an address's subscriber record. Case and surrounding spaces do not make another
 * subscriber: mailbox providers treat the local part case-insensitively in practice.
 */
export function subscriberId(key: string, address: string): string {
  return hmac(key, "address", address.trim().toLowerCase()).subarray(0, 16).toString("hex");
}

/** A subscriber id as subscriberId makes them, for refusing anything else before a read. */
export const SUBSCRIBER_ID = /^[0-9a-f]{32}$/;

/**
 * The network client a request comes from, hashed. An IPv6 /64 counts as one client: a home or
 * an office gets a whole /64, and rotating addresses within it must not reset a limit.
 */
export function clientId(key: string, ip: string): string {
  const trimmed = ip.trim();
  // An IPv4 client seen through an IPv6 socket ("::ffff:192.0.2.1") is that IPv4 client.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed)?.[1];
  const client = mapped ?? (isIPv6(trimmed) ? ipv6Prefix64(trimmed) : trimmed);
  return hmac(key, "client", client).subarray(0, 16).toString("hex");
}

function ipv6Prefix64(ip: string): string {
  const [head = "", tail = ""] = ip.toLowerCase().split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":");
}

/**
 * The unsubscribe token of a subscriber: an HMAC of their id, so every message can carry it
 * without the token being stored anywhere, and nobody without the key can make one.
 */
export function unsubscribeToken(key: string, id: string): string {
  return hmac(key, "unsubscribe", id).subarray(0, 16).toString("base64url");
}

export function isUnsubscribeToken(key: string, id: string, token: string): boolean {
  const given = Buffer.from(token, "base64url");
  const expected = Buffer.from(unsubscribeToken(key, id), "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Shape of the tokens this module makes (22 base64url characters: 16 bytes; 43: 32 bytes). */
export const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{22}$/;
export const CONFIRMATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A single-use confirmation token: random, because it must expire and be spent, which needs a
 * stored record anyway; only its hash is stored, so a copy of the database confirms nobody.
 */
export function newConfirmationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: confirmationTokenHash(token) };
}

export const confirmationTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
