/**
 * A deterministic, plausible large dataset for the benchmark: chains of about 300
 * segments, firms spread over every province with skewed capital, tags and segments,
 * written as an enterprise export (CSV, as 企查查 exports it) for the real import path.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { GraphRecords, Segment, Stage } from "../../server/model/domain.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { Random } from "./random.js";

const SOURCE = "benchmark generator";

/** Ten industries, each with product nouns its segments combine with qualifiers. */
const INDUSTRIES: { id: string; name: string; nouns: string[] }[] = [
  { id: "b-steel", name: "钢铁", nouns: ["钢坯", "冷轧板", "热轧卷", "螺纹钢", "线材", "钢管", "型钢", "镀锌板", "硅钢", "不锈钢带", "钢丝", "铸件", "锻件", "钢结构", "耐火砖"] },
  { id: "b-auto", name: "汽车", nouns: ["变速箱", "车桥", "制动盘", "转向机", "座椅", "线束", "车灯", "轮毂", "减震器", "散热器", "油箱", "车身件", "密封条", "传感器", "电驱总成"] },
  { id: "b-titanium", name: "钛材", nouns: ["海绵钛", "钛锭", "钛板", "钛管", "钛丝", "钛粉", "钛合金棒", "钛白粉", "钛铸件", "钛锻件", "钛靶材", "钛箔", "钛带", "钛紧固件", "钛换热器"] },
  { id: "b-semi", name: "半导体", nouns: ["晶圆", "衬底", "外延片", "光刻胶", "靶材", "封装基板", "引线框架", "键合丝", "掩膜版", "电子气体", "抛光液", "探针卡", "晶振", "功率模块", "芯片"] },
  { id: "b-glass", name: "玻纤", nouns: ["玻纤纱", "短切毡", "电子布", "方格布", "玻璃棉", "玻璃钢", "复合管", "浸润剂", "叶腊石粉", "光伏玻璃", "超薄玻璃", "石英纤维", "预浸料", "格栅", "拉挤型材"] },
  { id: "b-energy", name: "新能源", nouns: ["叶片", "塔筒", "齿轮箱", "逆变器", "光伏组件", "电池片", "储能柜", "电芯", "隔膜", "电解液", "正极材料", "负极材料", "汇流箱", "充电桩", "氢燃料电堆"] },
  { id: "b-pharma", name: "医药", nouns: ["原料药", "中间体", "胶囊", "片剂", "注射液", "辅料", "压片机", "制粒机", "包衣机", "灌装机", "培养基", "诊断试剂", "医用耗材", "中成药", "疫苗"] },
  { id: "b-food", name: "食品", nouns: ["饲料", "肉鸡", "鸡肉制品", "杂粮", "小米", "啤酒", "麦芽", "饮料", "速冻食品", "调味品", "蛋制品", "乳制品", "果蔬汁", "食用油", "冷链仓储"] },
  { id: "b-equip", name: "装备", nouns: ["轧辊", "数控机床", "减速机", "液压缸", "泵阀", "风机", "压缩机", "起重机", "输送机", "工业机器人", "模具", "轴承", "齿轮", "换热器", "环保设备"] },
  { id: "b-chem", name: "化工", nouns: ["炭黑", "橡胶", "树脂", "涂料", "胶粘剂", "助剂", "催化剂", "膨润土", "活性炭", "纯碱", "氯碱", "聚乙烯", "塑料粒子", "染料", "溶剂"] },
];

const QUALIFIERS = ["高纯", "精密", "超薄", "耐蚀", "高强", "特种", "复合", "纳米", "低碳", "智能", "轻量化", "高温", "耐磨", "导电", "柔性", "环保", "微型", "超细", "大型", "节能"];
const STAGES: Stage[] = ["upstream", "midstream", "downstream"];

export interface BenchShape {
  chains: number;
  segmentsPerChain: number;
}

/** Chains, segments and FEEDS links (each segment feeds two of the next stage). */
export function benchChains(shape: BenchShape, seed: number): Pick<GraphRecords, "chains" | "segments" | "feeds"> {
  const random = new Random(seed);
  const chains: GraphRecords["chains"] = [];
  const segments: Segment[] = [];
  const feeds: GraphRecords["feeds"] = [];
  for (const industry of INDUSTRIES.slice(0, shape.chains)) {
    chains.push({ id: industry.id, name: `${industry.name}产业链（基准）`, nameEn: `${industry.id} benchmark chain`, description: "", source: SOURCE });
    const own: Segment[] = [];
    for (let i = 0; i < shape.segmentsPerChain; i++) {
      const noun = industry.nouns[i % industry.nouns.length]!;
      const qualifier = QUALIFIERS[Math.floor(i / industry.nouns.length) % QUALIFIERS.length]!;
      const stage = STAGES[Math.min(2, Math.floor((3 * i) / shape.segmentsPerChain))]!;
      const name = `${qualifier}${noun}${i >= QUALIFIERS.length * industry.nouns.length ? Math.floor(i / (QUALIFIERS.length * industry.nouns.length)) + 1 : ""}`;
      own.push({ id: `${industry.id}-${i}`, chainId: industry.id, name, stage, position: i, industryCodes: [], keywords: [name], description: "", source: SOURCE });
    }
    for (const segment of own) {
      const next = own.filter((s) => STAGES.indexOf(s.stage) === STAGES.indexOf(segment.stage) + 1);
      if (!next.length) continue;
      const targets = new Set([random.pick(next).id, random.pick(next).id]);
      for (const to of targets) feeds.push({ from: segment.id, to, source: SOURCE });
    }
    segments.push(...own);
  }
  return { chains, segments, feeds };
}

/** Share of firms by province (roughly as enterprises are spread across China). */
const PROVINCE_WEIGHTS: Record<string, number> = {
  "440000": 13, "320000": 10, "370000": 9, "330000": 9, "410000": 6, "130000": 5, "510000": 5, "350000": 4,
  "420000": 4, "430000": 4, "340000": 4, "110000": 4, "310000": 3, "120000": 2, "210000": 2.5, "500000": 2,
  "610000": 2, "360000": 2, "450000": 2, "530000": 1.5, "140000": 1.5, "220000": 1, "230000": 1, "520000": 1.2,
  "150000": 1, "620000": 0.7, "650000": 0.8, "460000": 0.6, "640000": 0.3, "630000": 0.2, "540000": 0.1,
};

const TAG_RATES: [string, number][] = [["高新技术企业", 0.08], ["专精特新", 0.03], ["小巨人", 0.005], ["上市", 0.003], ["规上", 0.1], ["国企", 0.02], ["外资", 0.02]];
const SUFFIXES = ["有限公司", "股份有限公司", "科技有限公司", "集团有限公司", "制造有限公司"];

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function uscc(serial: number, countyCode: string): string {
  // The serial in base 31 over the code's own alphabet: distinct serials, distinct codes.
  let digits = "";
  for (let n = serial; digits.length < 9; n = Math.floor(n / 31)) digits = USCC_ALPHABET[n % 31]! + digits;
  const body = `91${countyCode}${digits}`;
  const sum = [...body].reduce((s, ch, i) => s + USCC_ALPHABET.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return body + USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

const HEADER = ["企业名称", "统一社会信用代码", "注册资本", "成立日期", "所属省份", "所属城市", "所属区县", "经营范围", "主营产品", "标签", "参保人数"];
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export interface ExportOptions {
  firms: number;
  seed: number;
  segments: readonly Pick<Segment, "id" | "name">[];
  /** Every firm in this county (local firms of a zone); otherwise spread over China. */
  countyCode?: string;
  /** Distinguishes the names and codes of several exports from one seed. */
  prefix?: string;
  /** Sees every firm written (e.g. to pick supply ties among them). */
  onFirm?: (firm: { name: string; uscc: string | null; regionCode: string; segmentIds: string[] }) => void;
}

/** Streams the export to `file`; about three segments per firm, one named as its main product. */
export async function writeBenchExport(file: string, options: ExportOptions): Promise<number> {
  const random = new Random(options.seed);
  const counties = new Map<string, string[]>();
  for (const r of ALL_REGIONS) if (r.level === "county") counties.set(r.code.slice(0, 2), [...(counties.get(r.code.slice(0, 2)) ?? []), r.code]);
  const provinces = Object.entries(PROVINCE_WEIGHTS).filter(([code]) => counties.has(code.slice(0, 2))) as [string, number][];
  const byCode = new Map(ALL_REGIONS.map((r) => [r.code, r]));
  const out = createWriteStream(file, { encoding: "utf8" });
  out.write("\uFEFF" + HEADER.join(",") + "\n");
  for (let i = 0; i < options.firms; i++) {
    const county = options.countyCode ?? random.pick(counties.get(random.weighted(provinces).slice(0, 2))!);
    const city = byCode.get(`${county.slice(0, 4)}00`);
    const province = byCode.get(`${county.slice(0, 2)}0000`)!;
    const count = 1 + random.int(3) + (random.next() < 0.3 ? 1 : 0);
    const picked = Array.from({ length: count }, () => random.pick(options.segments));
    const main = picked[0]!.name;
    const capital = Math.max(1, Math.round(Math.exp(Math.log(500) + 1.5 * random.normal())));
    const year = 1995 + random.int(31);
    const tags = TAG_RATES.filter(([, rate]) => random.next() < rate).map(([t]) => t);
    const place = (city && city.name !== "市辖区" ? city.name : province.name).replace(/(市|省|自治区|壮族|回族|维吾尔)+$/, "");
    const serial = `${options.prefix ?? ""}${i.toString().padStart(7, "0")}`;
    const name = `${place}${main}${serial}${random.pick(SUFFIXES)}`;
    const code = random.next() < 0.85 ? uscc(i * 7 + (options.prefix ? 3 : 0), county) : "";
    options.onFirm?.({ name, uscc: code || null, regionCode: county, segmentIds: picked.map((s) => s.id) });
    const row = [
      name,
      code,
      `${capital}万元`,
      `${year}-${String(1 + random.int(12)).padStart(2, "0")}-${String(1 + random.int(28)).padStart(2, "0")}`,
      province.name,
      city?.name ?? "",
      byCode.get(county)?.name ?? "",
      `${picked.map((s) => s.name).join("、")}的研发、生产和销售；货物进出口`,
      [...new Set(picked.map((s) => s.name))].join("、"),
      tags.join("、"),
      String(Math.round(Math.exp(Math.log(30) + random.normal()))),
    ];
    if (!out.write(row.map(quote).join(",") + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return options.firms;
}
