import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Cursors } from "./cursor.js";

const Schema = z.object({ after: z.tuple([z.string(), z.string()]) }).strict();
const KEY = "a test key, never used by a deployed site";
const cursors = new Cursors(KEY);
const encodeCursor = cursors.encode.bind(cursors);
const decodeCursor = cursors.decode.bind(cursors);
const payload = { after: ["2005-06", "santiago-2005-executive-report"] as [string, string] };

describe("cursors", () => {
  it("round-trips a payload as an opaque URL-safe token", () => {
    const token = encodeCursor("library", payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(token).not.toContain("santiago");
    expect(decodeCursor("library", token, Schema)).toEqual(payload);
  });

  it("rejects a tampered payload or tag, another scope, garbage and oversized tokens", () => {
    const token = encodeCursor("library", payload);
    const [body = "", tag = ""] = token.split(".");
    const other = encodeCursor("library", { after: ["2099", "zzz"] }).split(".")[0];
    for (const bad of [
      `${other}.${tag}`,
      `${body}.${tag.slice(0, -1)}${tag.endsWith("A") ? "B" : "A"}`,
      `${body}x.${tag}`,
      body,
      "",
      "....",
      "a.b",
      `${token}.${tag}`,
      `${"A".repeat(700)}.${tag}`,
    ]) {
      expect(decodeCursor("library", bad, Schema), bad).toBeUndefined();
    }
    expect(decodeCursor("search", token, Schema)).toBeUndefined();
  });

  it("rejects a correctly signed token whose content is not JSON or not of the expected shape", () => {
    const sign = (body: string) =>
      `${body}.${createHmac("sha256", KEY).update(`library\n${body}`).digest().subarray(0, 16).toString("base64url")}`;
    expect(decodeCursor("library", sign(Buffer.from("{not json").toString("base64url")), Schema)).toBeUndefined();
    expect(decodeCursor("library", encodeCursor("library", { after: [1, 2] }), Schema)).toBeUndefined();
    expect(decodeCursor("library", encodeCursor("library", { ...payload, extra: 1 }), Schema)).toBeUndefined();
    expect(decodeCursor("library", sign(Buffer.from(JSON.stringify(payload)).toString("base64url")), Schema)).toEqual(
      payload,
    );
  });

  it("refuses a cursor sealed with another key, so only instances sharing the secret accept each other's", () => {
    const foreign = new Cursors("another deployment's key").encode("library", payload);
    expect(decodeCursor("library", foreign, Schema)).toBeUndefined();
    expect(new Cursors(KEY).decode("library", encodeCursor("library", payload), Schema)).toEqual(payload);
  });

  it("refuses to work with an empty key, with which anybody could seal cursors", () => {
    expect(() => new Cursors("")).toThrow(/CURSOR_KEY/);
  });
});
