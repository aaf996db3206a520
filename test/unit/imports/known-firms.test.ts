import { describe, expect, it } from "vitest";
import { KnownFirms, narrowerRegion, regionContains } from "../../../server/imports/known-firms.js";

const held = (id: string, regionCode: string, uscc: string | null = null, place = 0) => ({ id, uscc, regionCode, place });

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

  it("compares namesakes and sharers of a code in the order of their places, however they were added", () => {
    const ordered = new KnownFirms();
    const shuffled = new KnownFirms();
    const firms: [string, ReturnType<typeof held>][] = [
      ["华东机械有限公司", held("p1", "310101", "91310000MA00000001", 1)],
      ["华东机械有限公司", held("p2", "310101", null, 2)],
      ["华东机械（上海）有限公司", held("p3", "310104", "91310000MA00000001", 3)],
      ["华东机械有限公司", held("p4", "310104", null, 4)],
    ];
    for (const [name, firm] of firms) ordered.add(name, firm);
    for (const i of [3, 1, 0, 2]) shuffled.add(firms[i]![0], firms[i]![1]);
    expect(shuffled.describe()).toEqual(ordered.describe());
    for (const known of [ordered, shuffled]) {
      // Two firms of one name in one region: the one placed first.
      expect(known.find({ uscc: null, name: "华东机械有限公司", regionCode: "310101" })?.id).toBe("p1");
      // A code two old firms share: the one placed last.
      expect(known.find({ uscc: "91310000MA00000001", name: "别名", regionCode: "310000" })?.id).toBe("p3");
      expect(known.find({ uscc: null, name: "华东机械(上海)有限公司", regionCode: "310000" })?.id).toBe("p3");
    }
  });

  it("forgets a firm under each of its keys, and takes it back changed", () => {
    const known = new KnownFirms();
    known.add("华东机械有限公司", held("p1", "310101", "91310000MA00000001", 1));
    known.add("华东机械有限公司", held("p2", "310104", null, 2));
    expect(known.find({ uscc: null, name: "华东机械有限公司", regionCode: "310000" })).toBeUndefined();
    known.remove("p2");
    expect(known.find({ uscc: null, name: "华东机械有限公司", regionCode: "310000" })?.id).toBe("p1");
    known.add("华北机械有限公司", held("p1", "110101", null, 1));
    expect(known.find({ uscc: "91310000MA00000001", name: "别名", regionCode: "310000" })).toBeUndefined();
    expect(known.find({ uscc: null, name: "华东机械有限公司", regionCode: "310000" })).toBeUndefined();
    expect(known.find({ uscc: null, name: "华北机械有限公司", regionCode: "110000" })?.id).toBe("p1");
    expect(known.firms).toBe(1);
    expect(known.describe()).toEqual({ firms: ["p1 华北机械有限公司 - 110101 1"], codes: [], names: ["华北机械有限公司: p1"] });
  });
});
