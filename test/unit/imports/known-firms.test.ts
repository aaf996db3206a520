import { describe, expect, it } from "vitest";
import { KnownFirms, narrowerRegion, regionContains } from "../../../server/imports/known-firms.js";

const held = (id: string, regionCode: string, uscc: string | null = null) => ({ id, uscc, regionCode, hash: `h-${id}` });

describe("KnownFirms", () => {
  const known = new KnownFirms();
  known.add("宁波拓普集团股份有限公司", held("a", "330206"));
  known.add("东方电气股份有限公司", held("b", "510107", "91510000MA00000001"));
  // Two firms of one name in two counties of one province.
  known.add("长城机械有限公司", held("c1", "130102"));
  known.add("长城机械有限公司", held("c2", "130203"));

  it("finds a firm by its name in a region that contains its own, or lies within it", () => {
    expect(known.find({ uscc: null, name: "宁波拓普集团股份有限公司", regionCode: "330000" })?.id).toBe("a");
    expect(known.find({ uscc: null, name: "宁波拓普集团股份有限公司", regionCode: "330200" })?.id).toBe("a");
    expect(known.find({ uscc: null, name: "宁波拓普集团股份有限公司", regionCode: "330206" })?.id).toBe("a");
    expect(known.find({ uscc: null, name: "宁波拓普集团 股份有限公司", regionCode: "330000" })?.id).toBe("a");
    expect(known.find({ uscc: null, name: "宁波拓普集团股份有限公司", regionCode: "320000" })).toBeUndefined();
  });

  it("never takes a firm whose code differs, nor one of two namesakes the region cannot tell apart", () => {
    expect(known.find({ uscc: "91510000MA00000001", name: "别名", regionCode: "110000" })?.id).toBe("b");
    expect(known.find({ uscc: "91510000MA00000009", name: "东方电气股份有限公司", regionCode: "510000" })).toBeUndefined();
    expect(known.find({ uscc: null, name: "长城机械有限公司", regionCode: "130000" })).toBeUndefined();
    expect(known.find({ uscc: null, name: "长城机械有限公司", regionCode: "130203" })?.id).toBe("c2");
  });

  it("knows which region says more", () => {
    expect(regionContains("330000", "330206")).toBe(true);
    expect(regionContains("330200", "330206")).toBe(true);
    expect(regionContains("330206", "330200")).toBe(false);
    expect(narrowerRegion("330206", "330000")).toBe("330206");
    expect(narrowerRegion("330000", "330206")).toBe("330206");
  });
});
