import { describe, expect, it } from "vitest";
import { keyFilter, mayHold } from "../../../server/imports/key-filter.js";
import { KnownFirms, nameKey } from "../../../server/imports/known-firms.js";

describe("keyFilter", () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `9113020${String(i).padStart(11, "0")}` : `唐山冷轧${i}有限公司|130203`));
  const filter = keyFilter(keys, keys.length);

  it("never says a key it holds is absent", () => {
    expect(keys.filter((k) => !mayHold(filter, k))).toEqual([]);
  });

  it("says most other keys are absent", () => {
    const others = Array.from({ length: 20_000 }, (_, i) => `邢台焦化${i}有限公司|130500`);
    const falseMaybes = others.filter((k) => mayHold(filter, k)).length;
    expect(falseMaybes / others.length).toBeLessThan(0.03);
  });

  it("holds nothing when made of nothing", () => {
    const empty = keyFilter([], 0);
    expect(mayHold(empty, "anything")).toBe(false);
  });

  it("answers exactly when asked of the keys themselves (rows prepared beside them)", () => {
    const known = new KnownFirms();
    known.add("唐山冷轧（中国）有限公司", { id: "a", uscc: "911302000000000001", regionCode: "130203", place: 0 });
    expect(mayHold(known, nameKey("唐山冷轧(中国)有限公司"))).toBe(true);
    expect(mayHold(known, "911302000000000001")).toBe(true);
    expect(mayHold(known, "唐山冷轧有限公司")).toBe(false);
  });
});
