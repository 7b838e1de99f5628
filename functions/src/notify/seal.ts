import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// A message that carries a live token (a confirmation link, an invitation link, an unsubscribe
// link) is stored with a placeholder where the token was and the token sealed beside it
// (AES-256-GCM under the OUTBOX_KEY secret, bound to the message's id). Delivery puts the token
// back just before handing the message to SMTP, so a copy of the database holds no usable link,
// and a sealed token copied into another message does not open there.

/** What stands for the i-th sealed token in a stored subject, body or header. */
export const placeholder = (index: number) => `\u27E6sealed:${index}\u27E7`;
const PLACEHOLDER = /\u27E6sealed:(\d+)\u27E7/g;

/** Tokens are long random or keyed values; a short one could match ordinary text by chance. */
const MIN_TOKEN_LENGTH = 16;

const cipherKey = (key: string) => createHash("sha256").update(`outbox-seal\n${key}`).digest();

/** The texts of a message that may carry a token. */
export interface Sealable {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * Replaces each token in the message by its placeholder and seals the tokens for message `id`.
 * Throws if a token is too short to stand out, or appears nowhere (a caller that names a token
 * the message does not carry has composed it differently than it believes).
 */
export function sealTokens<M extends Sealable>(
  key: string,
  id: string,
  message: M,
  tokens: string[],
): { message: M; sealed: string[] } {
  let { subject, text, html } = message;
  let headers = message.headers;
  tokens.forEach((token, index) => {
    if (token.length < MIN_TOKEN_LENGTH) throw new Error("a sealed token must be at least 16 characters");
    const found = [subject, text, html, ...Object.values(headers ?? {})].some((part) => part.includes(token));
    if (!found) throw new Error("a token to seal is not in the message");
    const swap = (part: string) => part.split(token).join(placeholder(index));
    subject = swap(subject);
    text = swap(text);
    html = swap(html);
    if (headers) headers = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, swap(value)]));
  });
  const sealed = tokens.map((token) => seal(key, id, token));
  return { message: { ...message, subject, text, html, ...(headers ? { headers } : {}) }, sealed };
}

/** The message as it must be sent: each placeholder replaced by its token, opened for message `id`. */
export function openTokens<M extends Sealable>(key: string | undefined, id: string, message: M, sealed: string[]): M {
  if (sealed.length === 0) return message;
  if (!key) throw new Error("the message carries sealed tokens and no OUTBOX_KEY was given");
  const tokens = sealed.map((box) => open(key, id, box));
  const restore = (part: string) =>
    part.replace(PLACEHOLDER, (_, index: string) => {
      const token = tokens[Number(index)];
      if (token === undefined) throw new Error("a placeholder names no sealed token");
      return token;
    });
  return {
    ...message,
    subject: restore(message.subject),
    text: restore(message.text),
    html: restore(message.html),
    ...(message.headers
      ? { headers: Object.fromEntries(Object.entries(message.headers).map(([n, v]) => [n, restore(v)])) }
      : {}),
  };
}

function seal(key: string, id: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", cipherKey(key), iv);
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

function open(key: string, id: string, box: string): string {
  const bytes = Buffer.from(box, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", cipherKey(key), bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
}
