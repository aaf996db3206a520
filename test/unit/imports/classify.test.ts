import { describe, expect, it } from "vitest";
import { classify, classifyExplained, MIN_CONFIDENCE, REVIEW_THRESHOLD } from "../../../server/imports/classify.js";
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

describe("classify, on firms as real exports show them", () => {
  const placed = (name: string, industry: string, products = "") => confident({ name, industry, products }).sort();

  it("places listed firms from the industry their platform gives", () => {
    expect(placed("宝山钢铁股份有限公司", "板材")).toEqual(["steel-cold-rolled-strip", "steel-hot-rolled", "steel-ironmaking", "steel-steelmaking"]);
    expect(placed("宁德时代新能源科技股份有限公司", "锂电池")).toEqual(["auto-battery", "new-energy-storage-battery"]);
    expect(placed("新疆金风科技股份有限公司", "风电整机")).toEqual(["new-energy-wind-turbine"]);
    expect(placed("中国巨石股份有限公司", "玻纤制造")).toEqual(["glass-fiber-roving"]);
    expect(placed("青岛啤酒股份有限公司", "啤酒")).toEqual(["agri-food-beer"]);
    expect(placed("山东玲珑轮胎股份有限公司", "轮胎")).toEqual(["tire-passenger", "tire-truck"]);
    expect(placed("宝山钢铁股份有限公司", "钢铁-普钢-板材")).toEqual(placed("宝山钢铁股份有限公司", "板材"));
  });

  it("does not let a word in the name outweigh an industry that points elsewhere", () => {
    // An expressway operator, a paper maker, an inverter maker, a builder.
    expect(placed("楚天智能交通股份有限公司", "高速公路")).toEqual([]);
    expect(placed("广东松炀再生资源股份有限公司", "大宗用纸")).toEqual([]);
    expect(placed("阳光电源股份有限公司", "逆变器")).toEqual(["new-energy-inverter"]);
    expect(placed("中国建筑股份有限公司", "房屋建设")).toEqual([]);
    // Without an industry the name alone still counts.
    expect(confidenceOf({ name: "楚天智能交通股份有限公司" }, "electronics-traffic")).toBeGreaterThan(confidenceOf({ name: "楚天智能交通股份有限公司", industry: "高速公路" }, "electronics-traffic"));
  });

  it("matches keywords as words, never as characters inside another word", () => {
    // 工程 is a generic word, and 工程机械 is no 工程轮胎.
    expect(confident({ name: "徐州某工程机械有限公司", products: "工程机械配件" })).toEqual([]);
    expect(confident({ name: "某建设工程有限公司", scope: "市政工程施工；园林绿化工程" })).toEqual([]);
    // 钛 is no keyword; 钛白粉 is one word.
    expect(confident({ name: "甲化工有限公司", products: "钛白粉" })).toEqual(["titanium-dioxide"]);
  });

  it("takes no generic word as evidence on its own", () => {
    expect(classify({ name: "某智能科技有限公司", scope: "智能系统、控制系统、能源材料、电子产品、工程技术服务", products: "系统集成、组件" }, SEGMENTS)).toEqual([]);
  });

  it("lets a platform's default segment give way to what the firm says it makes", () => {
    expect(placed("浙江久立特材科技股份有限公司", "特钢", "不锈钢无缝钢管、焊接钢管")).toEqual(["steel-pipe"]);
    expect(placed("中信泰富特钢集团股份有限公司", "特钢")).toEqual(["steel-bar-wire"]);
  });

  it("believes a platform name that is known to fit none of the segments its classes suggest", () => {
    // 线缆部件及其他 is C3831 like the auto wiring segment, yet these are power-cable makers.
    expect(placed("宝胜科技创新股份有限公司", "线缆部件及其他", "电力电缆、电线电缆")).toEqual([]);
    expect(placed("长城汽车股份有限公司", "综合乘用车")).toEqual([]);
  });

  it("says where its evidence comes from", () => {
    const [beer] = classify({ name: "青岛啤酒股份有限公司", industry: "啤酒" }, SEGMENTS);
    expect(beer!.evidence).toBe("行业：啤酒（申万三级）；企业名称：啤酒");
  });
});


describe("classifyExplained", () => {
  const nowhere = (firm: Parameters<typeof classify>[0]) => {
    const { assignments, nowhere } = classifyExplained(firm, SEGMENTS);
    expect(assignments).toEqual([]);
    return nowhere;
  };

  it("explains nothing of a firm it places", () => {
    expect(classifyExplained({ name: "朝阳宏达有限公司", industry: "", scope: "", products: "海绵钛" }, SEGMENTS).nowhere).toBeNull();
  });

  it("says the industry is in no chain, and that no word of the firm names a segment", () => {
    expect(nowhere({ name: "石家庄恒通商贸有限公司", industry: "批发和零售业>批发业>纺织、服装及家庭用品批发>服装批发", scope: "服装、鞋帽、针纺织品批发零售", products: "" })).toBe(
      "行业“F5132 服装批发”不属于图谱中任何产业链的环节；企业名称、经营范围中没有任何环节的关键词",
    );
  });

  it("says what the row left empty, and an industry cell it could not read", () => {
    expect(nowhere({ name: "北京某某科技有限公司", industry: "", scope: "", products: "" })).toBe("没有行业；没有经营范围和主营产品；企业名称中没有任何环节的关键词");
    expect(nowhere({ name: "北京某某科技有限公司", industry: "其他", scope: "技术开发、技术咨询", products: "" })).toContain("行业“其他”不是可识别的国标行业或行业名称");
  });
});
