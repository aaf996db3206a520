/**
 * The domain model. Every shape the store, the API and the seed share is declared here
 * once, as a zod schema; TypeScript types are derived from the schemas.
 */
import { z } from "zod";
import { STANDINGS } from "./standing.js";

/** Lower-case ASCII slug: stable ids that survive renames and read well in URLs. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, "编号只能含小写字母、数字、“-”和“.”，如 steel-coke");

/** GB/T 2260 administrative division code: 6 digits (province 110000, city 110100, county 110105). */
export const RegionCode = z.string().regex(/^\d{6}$/, "地区代码为 6 位 GB/T 2260 代码，如 211382");

/** Calendar date as ISO text. Dates are stored as text on both engines (see docs/decisions). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期写作 YYYY-MM-DD，如 2026-11-22")
  .refine(isCalendarDate, "不是日历上存在的日期（如 2 月 31 日）");

/**
 * Whether YYYY-MM-DD names a day of the calendar. Date.parse rolls 2026-02-31 over into
 * March; a real day reads back the same. (zod runs this even when the pattern failed.)
 */
export function isCalendarDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** 统一社会信用代码: 18 characters from the GB 32100-2015 alphabet (checksum is verified on import). */
export const Uscc = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, "统一社会信用代码为 18 位（数字和除 I、O、S、V、Z 外的大写字母）");

/**
 * The bounds of every quantity the app takes in — from the API, an import or a saved
 * setting — in one place. Far above any real value (the largest registered capitals and
 * revenues are about 10⁸ 万元, the largest employers have a few million staff), and low
 * enough that a sum over millions of firms stays a finite, exact number.
 */
export const BOUNDS = {
  /** 万元: registered capital, revenue, investment, capital thresholds. 10¹⁰ 万元 is 100 万亿元. */
  amountWan: 1e10,
  staff: 10_000_000,
  /** Kilometres: half the earth's circumference, the farthest apart two places can be. */
  km: 20_038,
} as const;

/** Money in 万元, from 0 to BOUNDS.amountWan. */
export const AmountWan = z
  .number({ message: "金额须为数字（万元）" })
  .min(0, "金额不能为负数")
  .max(BOUNDS.amountWan, "金额超出合理范围（不超过 100 万亿元，即 10¹⁰ 万元）：请检查单位");
/** A number of people, from 0 to BOUNDS.staff. */
export const StaffCount = z
  .number({ message: "人数须为整数" })
  .int("人数须为整数")
  .min(0, "人数不能为负数")
  .max(BOUNDS.staff, "人数超出合理范围（不超过 1000 万人）");
/** A distance in kilometres, above 0 and up to BOUNDS.km. */
export const Kilometres = z.number().positive("距离须大于 0").max(BOUNDS.km, "距离不超过 20038 公里（地球上两地的最远距离）");

/**
 * A quantity as read back from the graph: one outside its bounds (saved before they were
 * checked, or by hand) is unknown, so no answer carries it or sums it into Infinity.
 */
const stored = (bounded: z.ZodNumber) =>
  z
    .number()
    .nullable()
    .transform((value) => (value !== null && bounded.safeParse(value).success ? value : null));
export const StoredAmountWan = stored(AmountWan);
export const StoredStaffCount = stored(StaffCount);

/** Where a fact came from: a source document's file name, or "public information". */
export const Source = z.string().min(1);

/**
 * A source document facts cite by file name (001_642bc7a68ccb0aa6.txt), shown by its title.
 * `date`: as precise as the document says (2020, 2020-01-16).
 */
export const SourceDocument = z.object({
  fileName: z.string().regex(/^[\w.-]+\.(txt|pdf|docx?|html?)$/, "文件名形如 001_642bc7a68ccb0aa6.txt"),
  title: z.string().min(1),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "日期写作 2020、2020-01 或 2020-01-16"),
  publisher: z.string().min(1),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

/** The year a dated figure stands for, e.g. 2023 for a 2023 annual report. */
export const CapitalYear = z.number().int().min(1949, "年份写作四位数，如 2023").max(2100, "年份写作四位数，如 2023");

export const RegionLevel = z.enum(["province", "city", "county"]);
export const Region = z.object({
  code: RegionCode,
  name: z.string().min(1),
  level: RegionLevel,
  parentCode: RegionCode.nullable(),
});

export const RegionGroupKind = z.enum(["economic-area", "partnership", "industry-target"]);
export const RegionGroup = z.object({
  id: Id,
  name: z.string().min(1),
  kind: RegionGroupKind,
  /** Province, city or county codes; a province covers all its cities and counties. */
  regionCodes: z.array(RegionCode).min(1),
  /** For industry-target groups: the chains whose teams look there. */
  chainIds: z.array(Id),
  description: z.string(),
  source: Source,
});

export const Stage = z.enum(["upstream", "midstream", "downstream"]);
export const STAGES = Stage.options;
export const STAGE_LABELS: Record<z.infer<typeof Stage>, string> = {
  upstream: "上游",
  midstream: "中游",
  downstream: "下游",
};

export const Chain = z.object({
  id: Id,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  description: z.string(),
  source: Source,
});

export const Segment = z.object({
  id: Id,
  chainId: Id,
  name: z.string().min(1),
  stage: Stage,
  /** Display order within the stage, top to bottom. */
  position: z.number().int().nonnegative(),
  /** GB/T 4754-2017 industry codes (门类 letter + 2–4 digits, e.g. C3120). */
  industryCodes: z.array(z.string().regex(/^[A-T]\d{2,4}$/, "国标行业代码形如 C3120")),
  keywords: z.array(z.string().min(1)),
  description: z.string(),
  source: Source,
});

/** Supply direction: products of `from` are inputs of `to`. May cross chains (焦炭 → 炼钢). */
export const Feeds = z.object({ from: Id, to: Id, source: Source });

export const Zone = z.object({
  id: Id,
  name: z.string().min(1),
  shortName: z.string().min(1),
  countyCode: RegionCode,
  description: z.string(),
  source: Source,
});

/** A zone's leading chain, in the zone's own order of priority (policy: generally at most three). */
export const ZoneChain = z.object({ zoneId: Id, chainId: Id, rank: z.number().int().min(1).max(4) });

export const FIRM_TAGS = [
  "上市",
  "高新技术企业",
  "专精特新",
  "小巨人",
  "单项冠军",
  "瞪羚",
  "独角兽",
  "国企",
  "央企",
  "外资",
  "规上",
  "龙头企业",
] as const;
export const FirmTag = z.enum(FIRM_TAGS);

/** Currencies registered capital is given in (ISO 4217); amounts in other currencies are converted to 万元. */
export const CURRENCIES = ["CNY", "USD", "HKD", "EUR", "JPY", "GBP", "TWD", "AUD", "CAD", "SGD", "KRW", "CHF", "MOP"] as const;
export const Currency = z.enum(CURRENCIES);
export type Currency = z.infer<typeof Currency>;
export const CURRENCY_NAMES: Record<Currency, string> = {
  CNY: "人民币",
  USD: "美元",
  HKD: "港元",
  EUR: "欧元",
  JPY: "日元",
  GBP: "英镑",
  TWD: "新台币",
  AUD: "澳元",
  CAD: "加元",
  SGD: "新加坡元",
  KRW: "韩元",
  CHF: "瑞士法郎",
  MOP: "澳门元",
};

/** What one unit of a currency is worth in 元 on a date, and who says so. */
export const ExchangeRate = z.object({
  currency: Currency.exclude(["CNY"]),
  /** 元 per unit of the currency (7.1884 for USD). */
  cnyPerUnit: z.number().positive("汇率须大于 0").max(10_000),
  asOf: IsoDate,
  source: z.string().trim().min(1, "请写明汇率的来源").max(200),
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;
export const ExchangeRates = z
  .array(ExchangeRate)
  .max(CURRENCIES.length)
  .refine((rates) => new Set(rates.map((r) => r.currency)).size === rates.length, "每种货币只能有一个汇率");

/**
 * The rates the app starts with: the central parity of the RMB the China Foreign Exchange
 * Trade System published for 2024-12-31 (中国人民银行授权中国外汇交易中心公布). Admins keep
 * the table current on 设置; a currency without a rate leaves capital in it unknown.
 */
export const DEFAULT_EXCHANGE_RATES: ExchangeRate[] = [
  { currency: "USD", cnyPerUnit: 7.1884, asOf: "2024-12-31", source: "中国外汇交易中心 人民币汇率中间价" },
  { currency: "EUR", cnyPerUnit: 7.5257, asOf: "2024-12-31", source: "中国外汇交易中心 人民币汇率中间价" },
  { currency: "JPY", cnyPerUnit: 0.046233, asOf: "2024-12-31", source: "中国外汇交易中心 人民币汇率中间价（100 日元 = 4.6233 元）" },
  { currency: "HKD", cnyPerUnit: 0.92604, asOf: "2024-12-31", source: "中国外汇交易中心 人民币汇率中间价" },
  { currency: "GBP", cnyPerUnit: 9.0765, asOf: "2024-12-31", source: "中国外汇交易中心 人民币汇率中间价" },
];

/** A firm's standing by its 登记状态: active, suspended (停业), closed (注销, 吊销 …). */
export const FirmStanding = z.enum(STANDINGS);

export const Firm = z.object({
  id: Id,
  uscc: Uscc.nullable(),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  regionCode: RegionCode,
  /** Set for firms inside one of the zones (local firms); null for firms elsewhere. */
  zoneId: Id.nullable(),
  /** Registered capital in 万元 (10⁴ yuan); given in another currency, converted at the exchange-rate table's rate (null without one). */
  capital: AmountWan.nullable(),
  /** Capital as given in another currency, in 万 units of it (500 for 500万美元); null for 人民币. */
  capitalAmount: AmountWan.nullable().default(null),
  capitalCurrency: Currency.exclude(["CNY"]).nullable().default(null),
  /** Where the capital figure is stated (an annual report, a filing), when not in the firm's own source. */
  capitalSource: Source.nullable(),
  /** The year the capital figure stands for (the report's year); null: as of the firm's `asOf`. */
  capitalAsOf: CapitalYear.nullable(),
  foundedOn: IsoDate.nullable(),
  staff: StaffCount.nullable(),
  /** Annual revenue in 万元. */
  revenue: AmountWan.nullable(),
  tags: z.array(FirmTag),
  /** True for the illustrative candidate pool: real firms from public information, unknown figures left null. */
  sample: z.boolean(),
  source: Source,
  /** When the firm's facts were last checked at their source (null: unknown). */
  asOf: IsoDate.nullable(),
  /** Further facts as an export named them (经营范围, 主营产品, 官网 …), kept verbatim. */
  attributes: z.record(z.string(), z.string()),
});

/** A firm as read back from the graph: a quantity out of its bounds reads as unknown. */
export const StoredFirm = Firm.extend({
  capital: StoredAmountWan,
  staff: StoredStaffCount,
  revenue: StoredAmountWan,
  /** Its 登记状态 (model/standing.ts): null when no source said it (taken as active). */
  standing: FirmStanding.nullish(),
  /** The 登记状态 as its source wrote it (存续, 吊销，未注销 …). */
  standingText: z.string().nullish(),
  /** The day the standing was learnt (the import or the edit that set it). */
  standingOn: IsoDate.nullish(),
});

/** Firm → segment: the firm makes something in this segment. */
export const OperatesIn = z.object({
  firmId: Id,
  segmentId: Id,
  products: z.string(),
  capacity: z.string(),
  /** 0–1: how sure we are the firm belongs in the segment. */
  confidence: z.number().min(0).max(1),
  source: Source,
  /** Why the firm was placed here (matched industry code or keywords), when classified. */
  evidence: z.string(),
});

/** 链主: the anchor firm of a chain in one zone. */
export const Leads = z.object({ firmId: Id, chainId: Id, zoneId: Id, source: Source });

/** How a firm belongs to another: a 子公司 is its own legal person, a 分公司/分厂/办事处 is not. */
export const BELONGS_TO_KINDS = ["subsidiary", "branch"] as const;
export const BelongsToKind = z.enum(BELONGS_TO_KINDS);

/** Firm → firm: `from` is a subsidiary or branch of its parent `to` (table BELONGS_TO). */
export const BelongsTo = z.object({ from: Id, to: Id, kind: BelongsToKind, source: Source });

/** Firm → firm: `from` sells `product` to `to`. */
export const Supplies = z.object({ from: Id, to: Id, product: z.string(), source: Source });

export const PROJECT_STATUSES = ["洽谈", "签约", "落地", "在建", "试生产", "投产", "达产"] as const;
export const ProjectStatus = z.enum(PROJECT_STATUSES);

export const Project = z.object({
  id: Id,
  name: z.string().min(1),
  firmId: Id,
  zoneId: Id,
  segmentIds: z.array(Id).min(1),
  /** Planned investment in 万元. */
  investment: AmountWan.nullable(),
  status: ProjectStatus,
  /** Date of the last status change reported (or the report's date). */
  statusOn: IsoDate.nullable(),
  description: z.string(),
  source: Source,
});

export type Region = z.infer<typeof Region>;
export type RegionLevel = z.infer<typeof RegionLevel>;
export type RegionGroup = z.infer<typeof RegionGroup>;
export type Stage = z.infer<typeof Stage>;
export type Chain = z.infer<typeof Chain>;
export type Segment = z.infer<typeof Segment>;
export type Feeds = z.infer<typeof Feeds>;
export type Zone = z.infer<typeof Zone>;
export type ZoneChain = z.infer<typeof ZoneChain>;
export type FirmTag = z.infer<typeof FirmTag>;
export type Firm = z.infer<typeof Firm>;
export type OperatesIn = z.infer<typeof OperatesIn>;
export type Leads = z.infer<typeof Leads>;
export type Supplies = z.infer<typeof Supplies>;
export type BelongsToKind = z.infer<typeof BelongsToKind>;
export type BelongsTo = z.infer<typeof BelongsTo>;
export type ProjectStatus = z.infer<typeof ProjectStatus>;
export type Project = z.infer<typeof Project>;
/** A project as read back from the graph (see StoredFirm). */
export const StoredProject = Project.extend({ investment: StoredAmountWan });

/** A set of records to write in one go (the sample, a restore, an import batch). */
export interface GraphRecords {
  regionGroups: RegionGroup[];
  chains: Chain[];
  segments: Segment[];
  feeds: Feeds[];
  zones: Zone[];
  zoneChains: ZoneChain[];
  leads: Leads[];
  firms: Firm[];
  operatesIn: OperatesIn[];
  supplies: Supplies[];
  /** Subsidiaries and branches to their parent firms. */
  belongsTo: BelongsTo[];
  /** The documents sources cite, by file name. */
  documents: SourceDocument[];
  projects: Project[];
}

/** Thresholds below which a covered segment counts as weak (弱链). Saved in the graph, editable. */
export const GapThresholds = z.object({
  /** Fewer local firms than this is weak. */
  minFirms: z.number().int().min(1).max(100),
  /** Less registered capital (万元) in total than this is weak, when every local firm's capital is known. */
  minCapital: AmountWan,
});
export const DEFAULT_GAP_THRESHOLDS: GapThresholds = { minFirms: 2, minCapital: 5000 };

/** A planner's mark that a segment is a bottleneck (卡点) in a zone, with who and why. */
export const BottleneckFlag = z.object({
  zoneId: Id,
  segmentId: Id,
  note: z.string().min(1).max(500),
  flaggedBy: z.string().min(1).max(100),
  flaggedAt: z.string(),
});

export const SEGMENT_STATUSES = ["strong", "weak", "missing", "bottleneck"] as const;
export const SegmentStatus = z.enum(SEGMENT_STATUSES);
export const GAP_KINDS = ["missing", "weak", "bottleneck", "leader-dependency"] as const;
export const GapKind = z.enum(GAP_KINDS);
/** Project statuses from which a project is filling its segment (signed or later). */
export const FILLING_STATUSES: readonly ProjectStatus[] = PROJECT_STATUSES.slice(1);

export type GapThresholds = z.infer<typeof GapThresholds>;
export type BottleneckFlag = z.infer<typeof BottleneckFlag>;
export type SegmentStatus = z.infer<typeof SegmentStatus>;
export type GapKind = z.infer<typeof GapKind>;

/** The named parts of a target's score, each 0–1. */
export const SCORE_COMPONENTS = ["segmentFit", "size", "quality", "ties", "region", "distance", "freshness"] as const;
export const ScoreComponent = z.enum(SCORE_COMPONENTS);
export const SCORE_COMPONENT_LABELS: Record<ScoreComponent, string> = {
  segmentFit: "环节匹配",
  size: "企业规模",
  quality: "资质标签",
  ties: "本地关联",
  region: "区域优先",
  distance: "距离",
  freshness: "数据新鲜度",
};

/** A named, saved way of weighing the score components; "default" ships with the app. */
export const ScoringProfile = z.object({
  id: Id,
  name: z.string().trim().min(1).max(50),
  description: z.string().max(500),
  weights: z.object(Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, z.number().min(0).max(100)])) as Record<ScoreComponent, z.ZodNumber>)
    .refine((w) => Object.values(w).some((v) => v > 0), "至少一项权重须大于 0"),
  /** Region group id → priority 0–1 for firms inside it (the highest matching group counts). */
  regionPriority: z.record(Id, z.number().min(0).max(1)),
  /** Priority of a firm in none of those groups. */
  otherRegionPriority: z.number().min(0).max(1),
  /** Full distance score within nearKm, none beyond farKm, linear between. */
  nearKm: Kilometres,
  farKm: Kilometres,
}).refine((p) => p.farKm > p.nearKm, { message: "最远距离须大于最佳距离（farKm > nearKm）", path: ["farKm"] });

export const DEFAULT_PROFILE_ID = "default";
export const DEFAULT_SCORING_PROFILE: ScoringProfile = {
  id: DEFAULT_PROFILE_ID,
  name: "默认",
  description: "环节匹配为先，兼顾规模、资质与以商招商关系；京津冀优先，150 公里内配套最佳。",
  weights: { segmentFit: 30, size: 15, quality: 15, ties: 15, region: 10, distance: 10, freshness: 5 },
  regionPriority: { jingjinji: 0.9, "beijing-chaoyang": 0.9, zhenjiang: 0.8, jiangzhehu: 0.7, "yangtze-delta": 0.6, gba: 0.5 },
  otherRegionPriority: 0.3,
  nearKm: 150,
  farKm: 1500,
};

export type ScoreComponent = z.infer<typeof ScoreComponent>;
export type ScoringProfile = z.infer<typeof ScoringProfile>;

/** A target's way through the pipeline, from first contact to a landed project. */
export const ENTRY_STATUSES = ["待接触", "已对接", "洽谈中", "已签约", "已落地", "已放弃"] as const;
export const EntryStatus = z.enum(ENTRY_STATUSES);
/** The project status an entry's status gives its project; entries before signing have none. */
export const PROJECT_STATUS_OF_ENTRY: Partial<Record<EntryStatus, ProjectStatus>> = { 已签约: "签约", 已落地: "落地" };

export type EntryStatus = z.infer<typeof EntryStatus>;
