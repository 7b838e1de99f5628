import { createHmac, timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import { CURSOR_KEY } from "../config.js";

/** Longest cursor we accept; ours are far shorter, so anything longer was not made by us. */
export const MAX_CURSOR_LENGTH = 600;

const TAG_BYTES = 16;
const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/;

function tag(scope: string, body: string): Buffer {
  // The scope is signed too, so a library cursor cannot be replayed on the search page.
  return createHmac("sha256", CURSOR_KEY).update(`${scope}\n${body}`).digest().subarray(0, TAG_BYTES);
}

/**
 * An opaque "continue after this item" token: base64url JSON plus an HMAC tag. Pages keep the
 * sort key of their last item and the filters they were made for, never an offset, so a page
 * stays correct when documents are added in between.
 *
 * @example encodeCursor("library", { after: ["2005-06", "santiago-2005-executive-report"], filters: {} })
 */
export function encodeCursor(scope: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${body}.${tag(scope, body).toString("base64url")}`;
}

/**
 * The payload of a cursor made by {@link encodeCursor} for the same scope, or undefined when the
 * token is malformed, oversized, tampered with or of another shape. Never throws.
 */
export function decodeCursor<S extends z.ZodType>(scope: string, token: string, schema: S): z.infer<S> | undefined {
  if (token.length > MAX_CURSOR_LENGTH || !SHAPE.test(token)) return undefined;
  const [body = "", signature = ""] = token.split(".");
  const given = Buffer.from(signature, "base64url");
  if (given.length !== TAG_BYTES || !timingSafeEqual(given, tag(scope, body))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
