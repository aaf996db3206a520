import { describe, expect, it } from "vitest";
import { businessPart, placeOfName } from "../../../server/imports/firm-name.js";

describe("placeOfName", () => {
  it("finds the place a name opens with, full or short, as deep as it goes", () => {
    expect(placeOfName("深圳市汇川技术股份有限公司")).toMatchObject({ text: "深圳市", region: { code: "440300" } });
    expect(placeOfName("湖南华联瓷业股份有限公司")).toMatchObject({ text: "湖南", region: { code: "430000" } });
    expect(placeOfName("辽宁省朝阳市凌源钢铁有限公司")).toMatchObject({ text: "辽宁省朝阳市凌源", region: { code: "211382" } });
    expect(placeOfName("北京东方雨虹防水技术股份有限公司")).toMatchObject({ text: "北京", region: { code: "110000" } });
  });

  it("takes no place that is only the start of a word, or that names several regions apart", () => {
    expect(placeOfName("白云石矿业有限公司")).toBeNull();
    // 宝山 is a district of Shanghai and one of 双鸭山.
    expect(placeOfName("宝山钢铁股份有限公司")).toBeNull();
    expect(placeOfName("楚天智能交通股份有限公司")).toBeNull();
  });
});

describe("businessPart", () => {
  it("drops the place and the legal form, which say nothing of what the firm does", () => {
    expect(businessPart("凌源钢铁股份有限公司")).toBe("钢铁");
    expect(businessPart("中国巨石股份有限公司")).toBe("巨石");
    expect(businessPart("京东方科技集团股份有限公司")).toBe("京东方科技");
    expect(businessPart("楚天智能交通股份有限公司")).toBe("楚天智能交通");
    expect(businessPart("唐山某钢铁有限公司迁安分公司")).toBe("某钢铁");
    expect(businessPart("深圳市有限公司")).toBe("");
  });
});
