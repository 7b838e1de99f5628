import { createHmac, timingSafeEqual } from "node:crypto";

// A registration's id and its cancellation link are keyed hashes (HMAC with the REGISTRATION_KEY
// secret), like a subscription's: neither an id nor a log line can be turned back into an
// address by hashing likely addresses, and nobody without the key can make a cancellation link.

const hmac = (key: string, purpose: string, value: string) =>
  createHmac("sha256", key).update(`${purpose}\n${value}`).digest();

/**
 * The form of an address a registration is keyed by. Case and surrounding spaces do not make
 * another person: mailbox providers treat the local part case-insensitively in practice.
 */
export const normalizeAddress = (address: string): string => address.trim().toLowerCase();

/**
 * The id of an address's registration for an event: one per address per event by construction,
 * since a second request for the same address (in any case) names the same record.
 */
export function registrationId(key: string, eventId: string, address: string): string {
  return hmac(key, "registration", `${eventId}\n${normalizeAddress(address)}`)
    .subarray(0, 16)
    .toString("hex");
}

/** A registration id as registrationId makes them, for refusing anything else before a read. */
export const REGISTRATION_ID = /^[0-9a-f]{32}$/;

/** The one-click cancellation token every message carries: an HMAC of the id, stored nowhere. */
export function cancellationToken(key: string, id: string): string {
  return hmac(key, "cancel-registration", id).subarray(0, 16).toString("base64url");
}

export function isCancellationToken(key: string, id: string, token: string): boolean {
  const given = Buffer.from(token, "base64url");
  const expected = Buffer.from(cancellationToken(key, id), "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
