import { describe, expect, it } from "vitest";
import { evidenceParts, uncitedFacts } from "../../../client/src/model/reviewEvidence";

describe("review evidence", () => {
  it("splits the evidence into its labelled parts", () => {
    expect(evidenceParts("行业：板材（申万三级）；主营产品：冷轧板卷、镀锌板；行业“高速公路”不在本链，词语证据降权")).toEqual([
      { label: "行业", text: "板材（申万三级）" },
      { label: "主营产品", text: "冷轧板卷、镀锌板" },
      { label: "", text: "行业“高速公路”不在本链，词语证据降权" },
    ]);
    expect(evidenceParts("")).toEqual([]);
  });

  it("shows each fact once: as evidence when cited, as a fact when not", () => {
    const attributes = { 经营范围: "冷轧带钢加工；货物进出口", 主营产品: "冷轧带钢", 国标行业: "C3130", 注册地址: "河北" };
    expect(uncitedFacts(attributes, evidenceParts("经营范围：冷轧带钢加工"))).toEqual([
      ["主营产品", "冷轧带钢"],
      ["国标行业", "C3130"],
    ]);
    expect(uncitedFacts(attributes, evidenceParts("行业：C3130 钢压延加工；主营产品：冷轧带钢；经营范围：冷轧带钢加工"))).toEqual([]);
  });
});
