/**
 * One cell at a time: the checks and conversions an imported value needs, each giving
 * either the value or a problem worded for the person who has to fix the file.
 */
import { AmountWan, type Region, type RegionLevel } from "../model/domain.js";
import { ALL_REGIONS, regionPath, shortRegionName } from "../regions/divisions.js";

/** A value, or what is wrong with it and how to fix it (both in Chinese, for the user). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; fix: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const problem = (message: string, fix: string): Parsed<never> => ({ ok: false, message, fix });

/** Cells that exporters fill in for "no value". */
const PLACEHOLDERS = new Set(["", "-", "--", "—", "——", "/", "无", "暂无", "null", "NULL", "N/A", "n/a", "未公开", "不公开"]);
export const isPlaceholder = (text: string) => PLACEHOLDERS.has(text.trim());

/** Full-width digits, letters and punctuation as typed with a Chinese IME, made ASCII. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function halfWidth(text: string): string {
  // Most text holds no full-width form: one scan, no new string.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

// ---------------------------------------------------------------- 统一社会信用代码

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character GB 32100-2015 gives the first 17; null if they hold a character outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? "?");
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code[17];
}

/** The code as exporters mangle it: spaces, lower case, full-width letters. */
export function cleanUscc(text: string): string {
  return halfWidth(text).replace(/[\s-]/g, "").toUpperCase();
}

/** The code, null for an empty cell, or why it cannot be a 统一社会信用代码. */
export function parseUscc(text: string): Parsed<string | null> {
  if (isPlaceholder(text)) return ok(null);
  const code = cleanUscc(text);
  const fix = "核对代码（可在国家企业信用信息公示系统查询），或留空";
  if (code.length !== 18) return problem(`统一社会信用代码应为18位，此处为${code.length}位`, code.length === 15 ? "15位的是旧版注册号，请改填18位统一社会信用代码，或留空" : fix);
  const wrong = [...code].filter((c) => !USCC_ALPHABET.includes(c));
  if (wrong.length) return problem(`统一社会信用代码含有不允许的字符“${[...new Set(wrong)].join("")}”（不使用 I、O、S、V、Z）`, "检查是否把数字 0、1、5、2 误写成字母 O、I、S、Z，或留空");
  if (!isValidUscc(code)) return problem("统一社会信用代码校验位错误", "核对第18位校验码及前17位是否抄错，或留空");
  return ok(code);
}

// ---------------------------------------------------------------- 注册资本

export { CURRENCIES, type Currency } from "../model/domain.js";
import type { Currency } from "../model/domain.js";

/** Longer names first: 新台币 and 港元 both end in a plain 元/币 that would otherwise read as CNY. */
const CURRENCY_NAMES: [RegExp, Currency][] = [
  [/新台币|台币|TWD|NTD/i, "TWD"],
  [/新加坡元|新币|SGD/i, "SGD"],
  [/港元|港币|HKD|HK\$/i, "HKD"],
  [/澳门元|澳门币|澳元?门|MOP/i, "MOP"],
  [/美元|美金|USD|US\$/i, "USD"],
  [/欧元|EUR|€/i, "EUR"],
  [/日元|日币|JPY/i, "JPY"],
  [/英镑|GBP|£/i, "GBP"],
  [/澳元|澳大利亚元|AUD/i, "AUD"],
  [/加元|加拿大元|CAD/i, "CAD"],
  [/韩元|KRW/i, "KRW"],
  [/瑞士法郎|CHF/i, "CHF"],
  [/人民币|RMB|CNY|¥|￥/i, "CNY"],
];

/** What a bare number means; exports say it in the header, e.g. 注册资本(万元). */
export type MoneyUnit = "元" | "万元" | "亿元";

export interface Money {
  /** The amount in 万 (10⁴) units of `currency`; foreign amounts are not converted. */
  wan: number;
  currency: Currency;
}

/**
 * Registered capital or revenue as 企查查/天眼查 print it: "5000万元", "1.2亿",
 * "500万美元", "（人民币）5000万元", "5,000.00". A bare number is read in `bareUnit`,
 * which is 万元 because that is what the column header of every export we know says.
 * "-" and empty cells are null.
 */
export function parseMoney(text: string, bareUnit: MoneyUnit = "万元", bareCurrency: Currency = "CNY"): Parsed<Money | null> {
  if (isPlaceholder(text)) return ok(null);
  const compact = halfWidth(text).replace(/[\s,，]/g, "");
  const fix = "填写数字加单位，如“5000万元”“1.2亿元”“500万美元”，或留空";
  let currency: Currency | null = null;
  let rest = compact;
  for (const [pattern, code] of CURRENCY_NAMES) {
    if (pattern.test(rest)) {
      currency = code;
      rest = rest.replace(pattern, "");
      break;
    }
  }
  rest = rest.replace(/^[(（【[]\s*[)）】\]]/, "").replace(/[()（）【】[\]]/g, "");
  const match = /^(\d+(?:\.\d+)?)(千万|百万|亿|万|千|元)?(元)?$/.exec(rest);
  if (!match) {
    if (/^-\d/.test(rest)) return problem(`金额不能为负数：“${text.trim()}”`, "改为正数，或留空");
    return problem(`无法识别金额“${text.trim()}”`, fix);
  }
  const amount = Number(match[1]);
  const unit = match[2];
  // A plain 元 in the cell ("100万元") is 人民币, whatever currency the header gives bare numbers.
  currency ??= unit === "元" || match[3] ? "CNY" : bareCurrency;
  const yuanMultiplier: Record<string, number> = { 千万: 1e7, 百万: 1e6, 亿: 1e8, 万: 1e4, 千: 1e3, 元: 1 };
  const bareMultiplier: Record<MoneyUnit, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };
  const yuan = amount * (unit ? yuanMultiplier[unit]! : bareMultiplier[bareUnit]);
  // Six decimals of 万 is one cent; more would only carry floating-point noise.
  const wan = Math.round((yuan / 1e4) * 1e6) / 1e6;
  const bounded = AmountWan.safeParse(wan);
  if (!bounded.success) return problem(`金额过大：“${text.trim().slice(0, 40)}”超过 100 万亿元`, "检查数字和单位（元、万元、亿元）是否写对");
  return ok({ wan, currency });
}

/** 注册资本: the same as {@link parseMoney}, named for the column it reads. */
export function parseCapital(text: string, bareUnit: MoneyUnit = "万元", bareCurrency: Currency = "CNY"): Parsed<Money | null> {
  return parseMoney(text, bareUnit, bareCurrency);
}

/** The currency a header like "注册资本(万美元)" states, if any. */
export function headerCurrency(header: string): Currency | null {
  const note = /[(（【[]([^)）】\]]*)[)）】\]]/.exec(halfWidth(header))?.[1];
  if (!note) return null;
  return CURRENCY_NAMES.find(([pattern]) => pattern.test(note))?.[1] ?? (/元/.test(note) ? "CNY" : null);
}

/** The unit a header like "注册资本(万美元)" or "营业收入（元）" states, if any. */
export function headerMoneyUnit(header: string): MoneyUnit | null {
  const unit = /[(（【[]\s*(?:[^)）】\]]*?)(亿|万)?(?:元|人民币|美元|港元|港币|欧元|日元|英镑)[^)）】\]]*[)）】\]]/.exec(halfWidth(header));
  if (!unit) return null;
  return unit[1] === "亿" ? "亿元" : unit[1] === "万" ? "万元" : "元";
}

// ---------------------------------------------------------------- dates

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * YYYY-MM-DD of a real (proleptic Gregorian) date, or null. Years below 100 are refused,
 * as Date.UTC reads them as 1900–1999.
 */
function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 100 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Dates already read: founding dates repeat across a large list (the answers are not changed by callers). */
const datesRead = new Map<string, Parsed<string | null>>();

/**
 * 成立日期 in the shapes exports use: 2020-01-02, 2020/1/2, 2020.01.02, 2020年1月2日,
 * 20200102, ISO with a time, and Excel serial day numbers (43831) from a sheet whose
 * date formatting was lost on the way to CSV.
 */
export function parseDate(text: string): Parsed<string | null> {
  let parsed = datesRead.get(text);
  if (!parsed) {
    if (datesRead.size >= 100_000) datesRead.clear();
    datesRead.set(text, (parsed = readDate(text)));
  }
  return parsed;
}

function readDate(text: string): Parsed<string | null> {
  if (isPlaceholder(text)) return ok(null);
  const compact = halfWidth(text).trim();
  const fix = "按“2020-01-02”的格式填写，或留空";
  let parts: [number, number, number] | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(compact))) {
    parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(1[89]|20)(\d{2})(\d{2})(\d{2})$/.exec(compact))) {
    parts = [Number(m[1]! + m[2]!), Number(m[3]), Number(m[4])];
  } else if (/^\d{4,5}(?:\.\d+)?$/.test(compact)) {
    const serial = Math.floor(Number(compact));
    // Serial 60 is Excel's phantom 1900-02-29; every later serial is counted from 1899-12-30.
    if (serial > 60 && serial < 2_958_466) return ok(new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10));
  }
  if (!parts) return problem(`无法识别日期“${text.trim()}”`, fix);
  const [year, month, day] = parts;
  const iso = isoDate(year, month, day);
  if (!iso) return problem(`日期不存在：“${text.trim()}”`, fix);
  if (year < 1900) return problem(`日期过早：“${text.trim()}”`, fix);
  return ok(iso);
}

// ---------------------------------------------------------------- regions

export interface ResolvedRegion {
  code: string;
  level: RegionLevel;
  /** "河北省 唐山市 迁安市" */
  path: string;
  /** A column value that could not be placed below `code` (the region is then less precise). */
  unplaced?: string;
}

export interface RegionInput {
  province?: string | null;
  city?: string | null;
  county?: string | null;
  address?: string | null;
}

/** Placeholder cities of the standard that no one writes in an address. */
const PLACEHOLDER_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

interface NamedRegion {
  region: Region;
  names: { text: string; exact: boolean }[];
}

const NAMED: NamedRegion[] = ALL_REGIONS.filter((r) => !PLACEHOLDER_NAMES.has(r.name)).map((region) => {
  const short = shortRegionName(region);
  return { region, names: [{ text: region.name, exact: true }, ...(short ? [{ text: short, exact: false }] : [])] };
});

const LEVEL_DEPTH: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };

/** True when `inner` is `outer` or lies inside it. */
function within(inner: Region, outer: Region): boolean {
  if (outer.level === "province") return inner.code.slice(0, 2) === outer.code.slice(0, 2);
  if (outer.level === "city") return inner.code.slice(0, 4) === outer.code.slice(0, 4) && inner.level !== "province";
  return inner.code === outer.code;
}

const STREET_WORDS = /^[路街道巷弄号村镇乡]/;

const compactName = (text: string) => halfWidth(text).replace(/\s+/g, "");

/**
 * Regions a column value names. Exact names beat short ones; "迁安" and "迁安县" (an
 * old name) both find 迁安市. Abbreviations such as 喀左 for 喀喇沁左翼蒙古族自治县 are
 * tried only inside a known city, where they can hardly be ambiguous.
 */
/**
 * Exports repeat the same few thousand place names across millions of rows, so answers
 * are remembered (the lookup itself scans every region). Bounded, in case of junk input.
 */
const namedMemo = new Map<string, Region[]>();

function regionsNamed(text: string, levels: RegionLevel[], scope: Region | null): Region[] {
  const key = `${text}\u0000${levels.join(",")}\u0000${scope?.code ?? ""}`;
  let found = namedMemo.get(key);
  if (!found) {
    if (namedMemo.size > 50_000) namedMemo.clear();
    namedMemo.set(key, (found = lookUpRegionsNamed(text, levels, scope)));
  }
  return found;
}

function lookUpRegionsNamed(text: string, levels: RegionLevel[], scope: Region | null): Region[] {
  const name = compactName(text);
  if (!name) return [];
  const inScope = NAMED.filter((n) => levels.includes(n.region.level) && (!scope || within(n.region, scope)));
  const exact = inScope.filter((n) => n.names.some((x) => x.exact && x.text === name));
  if (exact.length) return exact.map((n) => n.region);
  const short = inScope.filter((n) => n.names.some((x) => x.text === name));
  if (short.length) return short.map((n) => n.region);
  // An old or mistyped suffix (迁安县 for 迁安市), unless the name is real somewhere else.
  const namedElsewhere = NAMED.some((n) => n.names.some((x) => x.text === name));
  const stripped = namedElsewhere ? null : name.replace(/(?:自治[县旗]|区|县|市|旗|省)$/, "");
  if (stripped && stripped !== name && stripped.length >= 2) {
    const renamed = inScope.filter((n) => n.names.some((x) => !x.exact && x.text === stripped));
    if (renamed.length) return renamed.map((n) => n.region);
  }
  if (scope && stripped && stripped.length >= 2) {
    const abbreviated = inScope.filter((n) => n.region.level === "county" && isAbbreviation(stripped, n.region.name));
    if (abbreviated.length === 1) return abbreviated.map((n) => n.region);
  }
  return [];
}

/** 喀左 ⊂ 喀喇沁左翼蒙古族自治县: same first character, the rest in order. */
function isAbbreviation(short: string, full: string): boolean {
  if (short[0] !== full[0]) return false;
  let at = 1;
  for (const char of short.slice(1)) {
    at = full.indexOf(char, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/**
 * Walks an address from its start: "河北省唐山市路北区…", "北京市朝阳区…", "辽宁朝阳凌源市…".
 * At each step the longest name that fits inside what was found so far (and inside
 * `scope`, the region the columns gave) wins; at equal length an exact name beats a
 * short one and a city beats a county, so "朝阳县柳城…" is 朝阳县 and "朝阳凌源市" is
 * 朝阳市 then 凌源市.
 */
export function regionFromAddress(address: string, scope: Region | null = null): Region | null {
  const text = compactName(address).replace(/^中国|^中华人民共和国/, "");
  let found: Region | null = null;
  let at = 0;
  for (let step = 0; step < 3; step++) {
    let best: { region: Region; length: number; exact: boolean } | null = null;
    for (const { region, names } of NAMED) {
      if (found && (!within(region, found) || region.code === found.code)) continue;
      if (scope && !within(region, scope) && !within(scope, region)) continue;
      if (found && LEVEL_DEPTH[region.level] <= LEVEL_DEPTH[found.level]) continue;
      for (const { text: name, exact } of names) {
        if (!text.startsWith(name, at)) continue;
        // 中山路, 北京路: a short name followed by a street word is a street, not a region.
        if (!exact && STREET_WORDS.test(text.slice(at + name.length, at + name.length + 1))) continue;
        const better =
          !best ||
          name.length > best.length ||
          (name.length === best.length && exact && !best.exact) ||
          (name.length === best.length && exact === best.exact && LEVEL_DEPTH[region.level] < LEVEL_DEPTH[best.region.level]);
        if (better) best = { region, length: name.length, exact };
      }
    }
    if (!best) break;
    found = best.region;
    at += best.length;
    if (found.level === "county") break;
  }
  return found;
}

function resolved(region: Region, unplaced?: string): ResolvedRegion {
  return { code: region.code, level: region.level, path: regionPath(region.code), ...(unplaced ? { unplaced } : {}) };
}

const describe = (regions: Region[]) => regions.map((r) => regionPath(r.code)).join("、");

/**
 * The region a firm is registered in, as deep as the row allows: from the 省/市/区县
 * columns when present (with or without suffixes; 朝阳区 is told apart by its province or
 * city), refined or replaced by the registered address.
 */
/** Rows of one export repeat the same province/city/county over and over; answers are kept. */
const resolvedMemo = new Map<string, Parsed<ResolvedRegion>>();

export function resolveRegion(input: RegionInput): Parsed<ResolvedRegion> {
  // The address is only read when the columns leave the region open, so rows that name a
  // county can share one answer whatever their address.
  if (!input.county?.trim()) return lookUpRegion(input);
  const key = `${input.province ?? ""}\u0000${input.city ?? ""}\u0000${input.county}`;
  let found = resolvedMemo.get(key);
  if (!found) {
    found = lookUpRegion({ ...input, address: null });
    if (!found.ok || found.value.level !== "county") return lookUpRegion(input);
    if (resolvedMemo.size > 50_000) resolvedMemo.clear();
    resolvedMemo.set(key, found);
  }
  return found;
}

function lookUpRegion(input: RegionInput): Parsed<ResolvedRegion> {
  const fix = "填写所属省份、城市、区县列，或在注册地址中写明省市区，如“辽宁省朝阳市凌源市……”";
  let scope: Region | null = null;
  let ambiguity: { text: string; regions: Region[] } | null = null;
  let unplaced: string | undefined;

  const narrow = (text: string | null | undefined, levels: RegionLevel[]) => {
    if (!text || isPlaceholder(text)) return;
    let candidates: Region[] = [];
    for (const level of levels) {
      candidates = regionsNamed(text, [level], scope).filter((r) => !scope || LEVEL_DEPTH[r.level] >= LEVEL_DEPTH[scope.level]);
      if (candidates.length) break;
    }
    if (candidates.length === 1) {
      scope = candidates[0]!;
      ambiguity = null;
    } else if (candidates.length > 1) {
      ambiguity = { text: text.trim(), regions: candidates };
    } else {
      unplaced = text.trim();
    }
  };
  // A municipality's city column repeats the province (北京市 / 北京市 / 朝阳区), and 省直辖
  // county-level cities (济源市) sit in the city column, hence the extra levels.
  narrow(input.province, ["province"]);
  narrow(input.city, ["city", "province", "county"]);
  narrow(input.county, ["county"]);

  const pending = ambiguity as { text: string; regions: Region[] } | null;
  const address = input.address && !isPlaceholder(input.address) ? input.address : null;
  const current = scope as Region | null;
  if (address && (!current || current.level !== "county")) {
    const fromAddress = regionFromAddress(address, current);
    if (fromAddress && (!current || LEVEL_DEPTH[fromAddress.level] > LEVEL_DEPTH[current.level])) {
      if (!pending || pending.regions.some((r) => within(fromAddress, r) || within(r, fromAddress))) return ok(resolved(fromAddress, fromAddress.level === "county" ? undefined : unplaced));
    }
  }
  if (pending) {
    return problem(`地区“${pending.text}”有多个同名地区（${describe(pending.regions)}）`, "补充所属省份或城市，以区分同名地区");
  }
  if (current) return ok(resolved(current, current.level === "county" ? undefined : unplaced));
  const given = [input.province, input.city, input.county].filter((t) => t && !isPlaceholder(t)).join(" ");
  if (given) return problem(`无法识别地区“${given.trim()}”`, fix);
  if (address) return problem(`无法从地址“${address.trim().slice(0, 30)}”识别所在地区`, fix);
  return problem("缺少所在地区（省份、城市、区县和地址均为空）", fix);
}


// ---------------------------------------------------------------- 登记状态

/**
 * What a 登记状态 / 经营状态 cell says about the firm: `closed` — it no longer exists or may
 * no longer trade (注销, 吊销, 撤销, 迁出, 清算, 责令关闭 …), so it is no target and no local
 * firm; `suspended` — it exists but has stopped trading for now (停业, 歇业); `active` —
 * 存续, 在业, 开业, 在营, 迁入 …; null for an empty cell or a value no export uses.
 * 企查查's "吊销，未注销" is closed: a revoked licence ends the business whatever the record.
 */
export type { Standing } from "../model/standing.js";
import type { Standing } from "../model/standing.js";

const STANDINGS: [RegExp, Standing][] = [
  [/注销|吊销|撤销|迁出|清算|责令关闭|关闭|除名|破产|终止|解散/, "closed"],
  [/停业|歇业/, "suspended"],
  [/存续|在业|在营|开业|在册|迁入|正常|登记成立|确立|成立/, "active"],
];

export function standingOf(text: string): Standing | null {
  if (isPlaceholder(text)) return null;
  const status = halfWidth(text);
  return STANDINGS.find(([pattern]) => pattern.test(status))?.[1] ?? null;
}
