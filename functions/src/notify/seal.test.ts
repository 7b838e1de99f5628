import { describe, expect, it } from "vitest";
import { openTokens, sealTokens } from "./seal.js";

const KEY = "a test outbox key, long enough to be one";
const TOKEN = "k3Y9_live-token-0123456789abcdefXYZ";
const message = {
  subject: "Confirm",
  text: `Open https://example.org/c?t=${TOKEN}`,
  html: `<a href="https://example.org/c?t=${TOKEN}">Open</a>`,
  headers: { "List-Unsubscribe": `<https://example.org/u?t=${TOKEN}>` },
};

describe("sealed tokens", () => {
  it("stores no trace of the token, and gives the message back whole with the key and the message's id", () => {
    const { message: stored, sealed } = sealTokens(KEY, "message-1", message, [TOKEN]);
    expect(JSON.stringify({ stored, sealed })).not.toContain(TOKEN);
    expect(openTokens(KEY, "message-1", stored, sealed)).toEqual(message);
  });

  it("opens nothing under another key or for another message", () => {
    const { message: stored, sealed } = sealTokens(KEY, "message-1", message, [TOKEN]);
    expect(() => openTokens("another key, just as long as the first", "message-1", stored, sealed)).toThrow();
    expect(() => openTokens(KEY, "message-2", stored, sealed)).toThrow();
    expect(() => openTokens(undefined, "message-1", stored, sealed)).toThrow();
  });

  it("refuses a token the message does not carry, or one too short to stand out", () => {
    expect(() => sealTokens(KEY, "m", message, ["not-in-the-message-at-all"])).toThrow();
    expect(() => sealTokens(KEY, "m", { ...message, text: "a b c" }, ["b"])).toThrow();
  });
});
