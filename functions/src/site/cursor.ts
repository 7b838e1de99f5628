import { createHmac, timingSafeEqual } from "node:crypto";
import type { z } from "zod";

/** Longest cursor we accept; ours are far shorter, so anything longer was not made by us. */
export const MAX_CURSOR_LENGTH = 600;

const TAG_BYTES = 16;
const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/;

/**
 * Seals and opens the site's paging cursors with one HMAC key: the CURSOR_KEY secret in
 * production (functions/src/config.ts), a fixed key in tests. Every instance must share the key,
 * so that a cursor made by one works on any other.
 */
export class Cursors {
  readonly #key: string;

  constructor(key: string) {
    // An empty key would still make tags, but ones anybody can compute.
    if (key.length === 0) throw new Error("The cursor key is empty: set the CURSOR_KEY secret.");
    this.#key = key;
  }

  #tag(scope: string, body: string): Buffer {
    // The scope is signed too, so a library cursor cannot be replayed on the search page.
    return createHmac("sha256", this.#key).update(`${scope}\n${body}`).digest().subarray(0, TAG_BYTES);
  }

  /**
   * An opaque "continue after this item" token: base64url JSON plus an HMAC tag. Pages keep the
   * sort key of their last item and the filters they were made for, never an offset, so a page
   * stays correct when documents are added in between.
   *
   * @example cursors.encode("library", { after: ["2005-06", "santiago-2005-executive-report"], filters: {} })
   */
  encode(scope: string, payload: unknown): string {
    const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
    return `${body}.${this.#tag(scope, body).toString("base64url")}`;
  }

  /**
   * The payload of a cursor made by {@link Cursors.encode} with the same key for the same scope,
   * or undefined when the token is malformed, oversized, tampered with, sealed with another key
   * or of another shape. Never throws.
   */
  decode<S extends z.ZodType>(scope: string, token: string, schema: S): z.infer<S> | undefined {
    if (token.length > MAX_CURSOR_LENGTH || !SHAPE.test(token)) return undefined;
    const [body = "", signature = ""] = token.split(".");
    const given = Buffer.from(signature, "base64url");
    if (given.length !== TAG_BYTES || !timingSafeEqual(given, this.#tag(scope, body))) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    } catch {
      return undefined;
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  }
}
