import { describe, expect, it } from "vitest";
import { classify, MIN_CONFIDENCE, REVIEW_THRESHOLD } from "../../../server/imports/classify.js";
import { industryCodes, industryName } from "../../../server/imports/industry-classes.js";
import { SEGMENTS } from "./chain-segments.js";

const confident = (firm: Parameters<typeof classify>[0]) => classify(firm, SEGMENTS).filter((a) => a.confidence >= REVIEW_THRESHOLD).map((a) => a.segmentId);
const confidenceOf = (firm: Parameters<typeof classify>[0], segmentId: string) => classify(firm, SEGMENTS).find((a) => a.segmentId === segmentId)?.confidence ?? 0;

describe("industryCodes", () => {
  it("reads codes with or without the 门类 letter, and names of the standard", () => {
    expect(industryCodes("C3130")).toEqual(["C3130"]);
    expect(industryCodes("3130")).toEqual(["C3130"]);
    expect(industryCodes("F5191 再生物资回收与批发")).toEqual(["F5191"]);
    expect(industryCodes("钢压延加工")).toEqual(["C3130"]);
    expect(industryCodes("黑色金属冶炼和压延加工业")).toEqual(["C31"]);
    expect(industryCodes("制造业>黑色金属冶炼和压延加工业>钢压延加工")).toEqual(["C3130", "C31", "C"]);
    expect(industryCodes("主要从事钢压延加工的企业")).toEqual(["C3130"]);
    expect(industryCodes("")).toEqual([]);
    expect(industryCodes("X9999")).toEqual([]);
  });

  it("knows every code the chains use", () => {
    const missing = [...new Set(SEGMENTS.flatMap((s) => s.industryCodes))].filter((code) => !industryName(code));
    expect(missing).toEqual([]);
  });
});

describe("classify", () => {
  it("assigns a firm from its products, naming the evidence", () => {
    const [best] = classify({ name: "朝阳宏达有限公司", industry: "", scope: "", products: "海绵钛" }, SEGMENTS);
    expect(best).toMatchObject({ segmentId: "titanium-sponge", evidence: "主营产品：海绵钛" });
    expect(best!.confidence).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });

  it("reads the industry as a code with or without letter, or as a name, to the same effect", () => {
    const firm = { name: "某钢铁有限公司", scope: "", products: "螺纹钢" };
    const withLetter = confidenceOf({ ...firm, industry: "C3130" }, "steel-bar-wire");
    expect(confidenceOf({ ...firm, industry: "3130" }, "steel-bar-wire")).toBe(withLetter);
    expect(confidenceOf({ ...firm, industry: "钢压延加工" }, "steel-bar-wire")).toBe(withLetter);
    expect(withLetter).toBeGreaterThan(confidenceOf({ ...firm, industry: "" }, "steel-bar-wire"));
  });

  it("weighs products more than the scope", () => {
    const inProducts = confidenceOf({ name: "甲公司", scope: "", products: "耐火砖" }, "steel-refractory");
    const inScope = confidenceOf({ name: "甲公司", scope: "耐火砖生产", products: "" }, "steel-refractory");
    expect(inProducts).toBeGreaterThan(inScope);
  });

  it("gains confidence from several keywords, never reaching 1", () => {
    const one = confidenceOf({ name: "甲公司", scope: "", products: "耐火砖" }, "steel-refractory");
    const three = confidenceOf({ name: "甲耐火材料公司", scope: "镁碳砖、耐火浇注料生产", products: "耐火砖" }, "steel-refractory");
    expect(three).toBeGreaterThan(one);
    expect(three).toBeLessThan(1);
  });

  it("discounts a keyword the scope excludes, and counts the exclusion against the segment", () => {
    const plain = confidenceOf({ name: "甲公司", industry: "F5191", scope: "再生资源回收；废钢回收", products: "" }, "steel-scrap");
    const excluded = confidenceOf({ name: "甲公司", industry: "F5191", scope: "再生资源回收（不含废钢）", products: "" }, "steel-scrap");
    expect(excluded).toBeLessThan(plain);
    expect(excluded).toBeLessThan(REVIEW_THRESHOLD);
  });

  it("weighs a keyword less in a long catch-all scope, and less where it is only traded", () => {
    const made = confidenceOf({ name: "甲公司", scope: "饲料生产", products: "" }, "agri-food-feed");
    const traded = confidenceOf({ name: "甲公司", scope: "饲料销售", products: "" }, "agri-food-feed");
    const long = "日用百货、五金产品、建筑材料、钢材、电子产品、服装、鞋帽、家具、文具、玩具、办公用品、劳保用品、饲料生产";
    expect(traded).toBeLessThan(made);
    expect(confidenceOf({ name: "甲公司", scope: long, products: "" }, "agri-food-feed")).toBeLessThan(made);
  });

  it("does not take 钛白粉 as evidence for 海绵钛 (the longer match wins)", () => {
    expect(confident({ name: "甲化工有限公司", industry: "C2643", scope: "钛白粉生产", products: "钛白粉" })).toEqual(["titanium-dioxide"]);
  });

  it("keeps a near miss below the threshold: a maker of cold-rolling mills is no cold-rolled steel firm", () => {
    expect(confident({ name: "沈阳重冶冷轧机组有限公司", industry: "C3516", scope: "冷轧机组设计制造", products: "六辊冷轧机" })).toEqual([]);
  });

  it("puts a firm in two segments when its products say so", () => {
    expect(confident({ name: "朝阳百盛钛业有限公司", industry: "C2619", scope: "四氯化钛、四氯化锆生产", products: "精四氯化钛、四氯化锆" }).sort()).toEqual(["titanium-ticl4", "zirconium-zrcl4"]);
  });

  it("returns nothing for a firm outside every chain", () => {
    expect(classify({ name: "朝阳鼎盛房地产开发有限公司", industry: "K7010", scope: "房地产开发经营；物业管理", products: "住宅" }, SEGMENTS)).toEqual([]);
  });

  it("is deterministic, ordered best first, and leaves out what is below the floor", () => {
    const firm = { name: "凌源钢铁股份有限公司", industry: "C3120", scope: "炼铁；炼钢；钢压延加工", products: "生铁、钢坯、热轧带钢、螺纹钢" };
    const first = classify(firm, SEGMENTS);
    expect(classify(firm, [...SEGMENTS])).toEqual(first);
    expect(first.map((a) => a.confidence)).toEqual([...first.map((a) => a.confidence)].sort((a, b) => b - a));
    expect(first.every((a) => a.confidence >= MIN_CONFIDENCE && a.confidence <= 1)).toBe(true);
    expect(first.map((a) => a.segmentId)).toEqual(expect.arrayContaining(["steel-ironmaking", "steel-steelmaking", "steel-hot-rolled", "steel-bar-wire"]));
  });

  it("treats a missing industry, scope or products as empty", () => {
    expect(classify({ name: "朝阳亿联盛轧辊有限公司" }, SEGMENTS)[0]?.segmentId).toBe("equipment-rolls");
  });
});
