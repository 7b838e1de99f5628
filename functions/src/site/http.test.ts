import { describe, expect, it } from "vitest";
import { acceptsGzip } from "./http.js";

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["GZIP", true],
    ["x-gzip", true],
    ["*", true],
    ["br, *;q=0.1", true],
  ])("takes %j as accepting gzip", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it.each([[undefined], [""], ["identity"], ["br"], ["gzip;q=0"], ["gzip;q=0.0, *"], ["*;q=0"], ["gzipped"]])(
    "takes %j as refusing gzip",
    (header) => {
      expect(acceptsGzip(header)).toBe(false);
    },
  );
});
