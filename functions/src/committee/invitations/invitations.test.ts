import { describe, expect, it } from "vitest";
import { AcceptPayloadSchema, invitationUrl } from "./invitations.js";

const token = "Qm9ndXMtdG9rZW4tZm9yLWEtdGVzdC1vbmx5LTQzY2g"; // 43 base64url characters

describe("invitationUrl", () => {
  it("leads to the console's own origin, with the token in the fragment", () => {
    const url = new URL(invitationUrl("https://console.compraspublicas.org", token));
    expect(url.origin).toBe("https://console.compraspublicas.org");
    expect(url.pathname).toBe("/");
    expect(url.search).toBe("");
    expect(url.hash).toBe(`#invitation=${token}`);
  });

  it("uses the emulated console's port and ignores a trailing slash or path in the origin", () => {
    expect(invitationUrl("http://127.0.0.1:5005", token)).toBe(`http://127.0.0.1:5005/#invitation=${token}`);
    expect(invitationUrl("https://console.compraspublicas.org/", token)).toBe(
      `https://console.compraspublicas.org/#invitation=${token}`,
    );
    expect(invitationUrl("https://console.compraspublicas.org/es/?x=1", token)).toBe(
      `https://console.compraspublicas.org/#invitation=${token}`,
    );
  });

  it("gives back a token that the accept callable's schema takes, character for character", () => {
    const fromLink = new URLSearchParams(new URL(invitationUrl("http://127.0.0.1:5005", token)).hash.slice(1));
    expect(AcceptPayloadSchema.parse({ token: fromLink.get("invitation") }).token).toBe(token);
  });

  it("refuses an origin that is not a URL instead of making a relative link", () => {
    expect(() => invitationUrl("console.compraspublicas.org", token)).toThrow(TypeError);
  });
});
