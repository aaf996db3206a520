import { describe, expect, it } from "vitest";
import { kuzuParams } from "../../server/graph/kuzu-store.js";

describe("Kùzu parameter guard", () => {
  it("when a list mixes whole and decimal numbers, then it is refused before Kùzu corrupts it", () => {
    expect(() => kuzuParams({ xs: [100.5, 20] })).toThrow(/mixes decimal and integer/);
  });

  it("when a list holds objects, then it is refused (struct types come from the first row)", () => {
    expect(() => kuzuParams({ rows: [{ a: 1 }] })).toThrow(/lists of objects/);
  });

  it("when values are homogeneous, then they pass unchanged and undefined becomes null", () => {
    expect(kuzuParams({ a: ["x", "y"], b: [1, 2], c: undefined, d: 2.5 })).toEqual({ a: ["x", "y"], b: [1, 2], c: null, d: 2.5 });
  });
});
