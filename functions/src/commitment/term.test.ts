import { describe, expect, it } from "vitest";
import { HostingCommitmentSchema } from "../model/index.js";
import { termsInForce } from "./term.js";

const term = (id: string, status: string, predecessorId?: string) =>
  HostingCommitmentSchema.parse({
    id,
    hostCountryId: "CL",
    scope: { es: "Sitio" },
    offeredAtEventId: "iii-seminar-santiago-2005",
    termMonths: 12,
    status,
    ...(status === "offered" ? {} : { termStart: "2026-01-01" }),
    ...(predecessorId ? { predecessorId } : {}),
    source: "test",
  });

describe("termsInForce", () => {
  it("keeps the last term of each chain and leaves out those renewed or handed over", () => {
    const chain = [term("a", "renewed"), term("a-t2", "handed-over", "a"), term("a-t3", "active", "a-t2")];
    expect(termsInForce(chain).map((c) => c.id)).toEqual(["a-t3"]);
    expect(termsInForce([term("b", "offered"), term("c", "expired")]).map((c) => c.id)).toEqual(["b", "c"]);
  });
});
