/**
 * One data row of an export → one firm, or the reasons it cannot be one. Every problem
 * names the Excel row, the column as headed in the file, the value, what is wrong and how
 * to fix it, so a planner can correct the file and import it again.
 */
import { z } from "zod";
import { AmountWan, BOUNDS, FIRM_TAGS, FirmTag, IsoDate, isCalendarDate, RegionCode, StaffCount, Uscc } from "../model/domain.js";
import type { HeaderMatch, ImportField } from "./columns.js";
import { FIELD_ALIASES } from "./columns.js";
import { regionPath } from "../regions/divisions.js";
import { placeOfName } from "./firm-name.js";
import type { RawRow } from "./read-table.js";
import { CURRENCIES, halfWidth, headerCurrency, headerMoneyUnit, isPlaceholder, parseDate, parseMoney, parseUscc, resolveRegion, standingOf } from "./values.js";

export interface ImportProblem {
  /** The row number as Excel shows it. */
  row: number;
  /** The column's header as written in the file. */
  column: string;
  value: string;
  /** What is wrong (Chinese). */
  message: string;
  /** How to fix it (Chinese). */
  fix: string;
}

const text = z.string().min(1).nullable();

export const ImportedFirm = z.object({
  name: z.string().min(1).max(200),
  uscc: Uscc.nullable(),
  aliases: z.array(z.string().min(1)),
  regionCode: RegionCode,
  /** Registered capital in 万 units of `capitalCurrency` (万元 when CNY); not converted. */
  capital: AmountWan.nullable(),
  capitalCurrency: z.enum(CURRENCIES).nullable(),
  foundedOn: IsoDate.nullable(),
  tags: z.array(FirmTag),
  staff: StaffCount.nullable(),
  /** Annual revenue in 万元. */
  revenue: AmountWan.nullable(),
  industry: text,
  scope: text,
  products: text,
  companyType: text,
  website: text,
  phone: text,
  address: text,
  /** 登记状态 / 经营状态 as the file gives it (存续, 在业 …); a firm whose status says it is closed has `closed` set on its row. */
  status: text,
  /** Unknown columns, and tags outside FIRM_TAGS, by header: kept as attributes. */
  extras: z.record(z.string(), z.string()),
});
export type ImportedFirm = z.infer<typeof ImportedFirm>;

const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const REGION_CODE = /^\d{6}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TAGS = new Set<string>(FIRM_TAGS);
const CURRENCY_CODES = new Set<string>(CURRENCIES);
/** Days already checked: founding dates repeat across a large list. */
const calendarDays = new Map<string, boolean>();
function isCalendarDay(text: string): boolean {
  let day = calendarDays.get(text);
  if (day === undefined) {
    if (calendarDays.size >= 100_000) calendarDays.clear();
    calendarDays.set(text, (day = isCalendarDate(text)));
  }
  return day;
}
const amount = (v: number | null) => v === null || (Number.isFinite(v) && v >= 0 && v <= BOUNDS.amountWan);
const textOrNull = (v: string | null) => v === null || (typeof v === "string" && v.length >= 1);
const strings = (list: unknown[], test: (s: string) => boolean) => list.every((s) => typeof s === "string" && test(s));

/**
 * Whether a row's firm is certainly one ImportedFirm accepts: the same checks, written out,
 * as zod's cost a large import a twentieth of its time. A firm this turns down goes to
 * ImportedFirm itself, whose messages the row's problems quote; it must never pass one
 * ImportedFirm would refuse (test/unit/imports/rows.test.ts holds the two together).
 */
export function isImportedFirm(f: ImportedFirm): boolean {
  return (
    typeof f.name === "string" &&
    f.name.length >= 1 &&
    f.name.length <= 200 &&
    (f.uscc === null || (typeof f.uscc === "string" && USCC.test(f.uscc))) &&
    Array.isArray(f.aliases) &&
    strings(f.aliases, (a) => a.length >= 1) &&
    typeof f.regionCode === "string" &&
    REGION_CODE.test(f.regionCode) &&
    amount(f.capital) &&
    (f.capitalCurrency === null || CURRENCY_CODES.has(f.capitalCurrency)) &&
    (f.foundedOn === null || (typeof f.foundedOn === "string" && ISO_DATE.test(f.foundedOn) && isCalendarDay(f.foundedOn))) &&
    Array.isArray(f.tags) &&
    strings(f.tags, (t) => TAGS.has(t)) &&
    (f.staff === null || (Number.isSafeInteger(f.staff) && f.staff >= 0 && f.staff <= BOUNDS.staff)) &&
    amount(f.revenue) &&
    textOrNull(f.industry) &&
    textOrNull(f.scope) &&
    textOrNull(f.products) &&
    textOrNull(f.companyType) &&
    textOrNull(f.website) &&
    textOrNull(f.phone) &&
    textOrNull(f.address) &&
    textOrNull(f.status) &&
    typeof f.extras === "object" &&
    f.extras !== null &&
    Object.getPrototypeOf(f.extras) === Object.prototype &&
    strings(Object.values(f.extras), () => true)
  );
}

export interface NormalizedRow {
  firm?: ImportedFirm;
  problems: ImportProblem[];
  /** The place at the start of the name the region was taken from, when the row gave none. */
  regionFromName?: string;
  /** A row with no firm on it (blank, or a note like "数据来源：企查查" below the data). */
  blank?: true;
  /**
   * The 登记状态 of a firm that no longer exists or may no longer trade (注销, 吊销, 迁出, 撤销,
   * 清算 …, values.ts standingOf): the row is read, but its firm is never imported as one.
   */
  closed?: string;
}

/**
 * A cell Excel would run as a formula when the file is opened again (=, +, -, @). Numbers
 * and phone numbers (+86 421…) and the "-" of an empty cell are only text.
 */
export function looksLikeFormula(value: string): boolean {
  if (/^[=@]/.test(value)) return true;
  return /^[+-]/.test(value) && !/^[+-][\d\s.()（）-]*$/.test(value);
}

const TOTAL_CELL = /^(?:合计|总计|小计|共计)[:：]?$/;
const FIRM_COUNT = /^[共计]?\s*\d+\s*[家户个]?$/;
const NOTE_ROW = /^(注|备注|说明|数据来源|来源|合计|总计|制表|统计时间|数据截至|导出时间)[:：\s]|^(合计|总计)/;

type Column = HeaderMatch["columns"][number];

/** Cleans a cell: trims, drops zero-width characters, folds runs of spaces. */
const clean = (value: string) => value.replace(/[\u200b-\u200d\ufeff]/g, "").replace(/[ \t\u3000\u00a0]+/g, " ").trim();

const splitList = (value: string) =>
  value
    .split(/[;；,，、|\n]+/)
    .map((part) => part.trim())
    .filter((part) => part && !isPlaceholder(part));

/**
 * A firm's other names: split like a list, but an English name keeps its commas
 * ("Tangshan … Co., Ltd." is one name).
 */
const splitNames = (value: string) =>
  value
    .split(/[;；、|\n，]+/)
    .flatMap((part) => (/[A-Za-z]/.test(part) ? [part] : part.split(",")))
    .map((part) => part.trim())
    .filter((part) => part && !isPlaceholder(part));

/** Tag spellings of exports and lists → FIRM_TAGS; a tag may imply another (小巨人 are 专精特新). */
const TAG_RULES: [RegExp, (typeof FIRM_TAGS)[number][]][] = [
  [/小巨人/, ["小巨人", "专精特新"]],
  [/专精特新/, ["专精特新"]],
  [/单项冠军/, ["单项冠军"]],
  [/瞪羚/, ["瞪羚"]],
  [/独角兽/, ["独角兽"]],
  [/^(?:国家级?|省级?)?(?:高新技术企业|高新企业|国家高新|高企)(?:认定)?$/, ["高新技术企业"]],
  [/^(?:A股|港股|美股|沪市|深市|科创板|创业板|主板|北交所|中概股)(?:上市)?(?:公司|企业)?$|^上市(?:公司|企业)?$|^(?:A股|港股|美股|科创板|创业板|主板)上市(?:公司|企业)?$/, ["上市"]],
  [/^(?:中央企业|央企)(?:子公司|控股|下属企业)?$/, ["央企"]],
  [/^(?:地方)?(?:国有企业|国企|国有控股(?:企业)?|国有独资(?:企业)?|国有全资)$/, ["国企"]],
  [/^(?:外资(?:企业)?|外商投资(?:企业)?|外商独资(?:企业)?|中外合资(?:企业)?|中外合作(?:企业)?|港澳台(?:投资|独资)?(?:企业)?)$/, ["外资"]],
  [/^(?:规上|规模以上)(?:工业)?(?:企业)?$/, ["规上"]],
  [/龙头/, ["龙头企业"]],
];

/** FIRM_TAGS a tag cell names, and the tags it holds that are none of them. */
export function mapTags(value: string): { tags: (typeof FIRM_TAGS)[number][]; others: string[] } {
  const tags = new Set<(typeof FIRM_TAGS)[number]>();
  const others: string[] = [];
  for (const raw of splitList(value)) {
    const tag = halfWidth(raw).replace(/["'“”‘’「」『』《》\s]/g, "").replace(/^国家级(?=专精特新|小巨人)/, "");
    const rule = TAG_RULES.find(([pattern]) => pattern.test(tag));
    if (rule) for (const t of rule[1]) tags.add(t);
    else others.push(raw);
  }
  return { tags: FIRM_TAGS.filter((t) => tags.has(t)), others };
}

/** What 企业类型 says about ownership: "有限责任公司(国有独资)", "(外商独资)", "股份有限公司(上市)". */
function tagsOfCompanyType(companyType: string): (typeof FIRM_TAGS)[number][] {
  const type = halfWidth(companyType);
  const tags: (typeof FIRM_TAGS)[number][] = [];
  if (/国有独资|国有控股|全民所有制/.test(type)) tags.push("国企");
  if (/外商|外国|中外合|港澳台|台港澳/.test(type)) tags.push("外资");
  if (/上市/.test(type) && !/非上市/.test(type)) tags.push("上市");
  return tags;
}

/** A head count: null when left blank, undefined when it is not one (or past StaffCount's bound). */
function parseStaff(value: string): number | null | undefined {
  if (isPlaceholder(value)) return null;
  const match = /^(\d+)\s*人?$/.exec(halfWidth(value).replace(/[,，\s]/g, ""));
  const staff = match ? StaffCount.safeParse(Number(match[1])) : null;
  return staff?.success ? staff.data : undefined;
}

const FIELD_LABEL = (field: ImportField) => FIELD_ALIASES[field][0]!;

/**
 * One row as a firm. Fatal problems (no name, a wrong 统一社会信用代码, no region) leave
 * the row without a firm; others drop only the value concerned.
 */
export function normalizeRow(raw: RawRow, header: HeaderMatch): NormalizedRow {
  const problems: ImportProblem[] = [];
  const values = new Map<ImportField, { value: string; column: Column }>();
  const extras: Record<string, string> = {};
  const note = (column: string, value: string, message: string, fix: string) => problems.push({ row: raw.rowNumber, column, value, message, fix });

  const cleaned = header.columns.map((column) => clean(raw.cells[column.index] ?? ""));
  const filled = cleaned.filter((value) => value !== "");
  if (filled.length === 0) return { problems, blank: true };
  if (filled.length === 1 && NOTE_ROW.test(filled[0]!)) return { problems, blank: true };
  // The 合计 / 总计 line under the data ("合计", "", …, "233"; its name cell empty or a count, "3家"): a sum, no firm.
  const nameColumn = header.columns.findIndex((c) => c.field === "name");
  if ((nameColumn < 0 || !cleaned[nameColumn] || FIRM_COUNT.test(cleaned[nameColumn]!)) && filled.some((value) => TOTAL_CELL.test(value))) return { problems, blank: true };

  for (const [i, column] of header.columns.entries()) {
    const value = cleaned[i]!;
    if (!value) continue;
    if (looksLikeFormula(value)) {
      note(column.header, value, `单元格以“${value[0]}”开头，像是公式，已按文本导入`, "如确为文本可忽略；否则删去开头的符号，或在 Excel 中将单元格设为文本格式");
    }
    if (column.field === "aliases" && values.has("aliases")) {
      // 曾用名 and 简称 both: every name is an alias.
      const names = values.get("aliases")!;
      if (!isPlaceholder(value)) names.value = isPlaceholder(names.value) ? value : `${names.value}\n${value}`;
    } else if (column.field === "industry" && values.has("industry")) {
      // The levels of a split industry (门类 … 小类) as one path, coarsest first: 制造业>钢压延加工.
      const levels = values.get("industry")!;
      if (!isPlaceholder(value)) levels.value = isPlaceholder(levels.value) ? value : `${levels.value}>${value}`;
    } else if (column.field) values.set(column.field, { value, column });
    else if (!column.rowNumber && !isPlaceholder(value)) extras[column.header] = value;
  }
  const get = (field: ImportField) => values.get(field)?.value ?? null;
  const columnOf = (field: ImportField) => values.get(field)?.column.header ?? header.columns.find((c) => c.field === field)?.header ?? FIELD_LABEL(field);
  let fatal = false;

  const name = get("name");
  if (!name || isPlaceholder(name)) {
    fatal = true;
    note(columnOf("name"), name ?? "", "缺少企业名称", "填写企业全称，如“凌源钢铁股份有限公司”；空行可直接删除");
  } else if (name.length > 200) {
    fatal = true;
    note(columnOf("name"), name.slice(0, 50), "企业名称过长（超过200字）", "检查是否把其他内容粘贴到了企业名称列");
  }

  let uscc: string | null = null;
  const usccText = get("uscc");
  if (usccText) {
    const parsed = parseUscc(usccText);
    if (parsed.ok) uscc = parsed.value;
    else {
      fatal = true;
      note(columnOf("uscc"), usccText, parsed.message, parsed.fix);
    }
  }

  const region = resolveRegion({ province: get("province"), city: get("city"), county: get("county"), address: get("address") });
  const regionFields = ["county", "city", "province", "address"] as const;
  const regionColumn = regionFields.find((f) => values.has(f)) ?? regionFields.find((f) => header.columns.some((c) => c.field === f));
  const regionValue = [get("province"), get("city"), get("county")].filter(Boolean).join(" ") || (get("address") ?? "");
  let regionCode: string | null = null;
  let regionFromName: string | null = null;
  // With every region column empty, a name that opens with a place (深圳市…, 湖南华联…) gives it.
  const place = !regionValue && name && !isPlaceholder(name) ? placeOfName(name) : null;
  if (place) {
    regionCode = place.region.code;
    regionFromName = place.text;
    const path = regionPath(place.region.code);
    note(regionColumn ? columnOf(regionColumn) : "所在地区", "", `所在地区未填，已按企业名称开头的“${place.text}”定为${path}`, "核对后在所属省份、城市、区县列填写实际所在地");
  } else if (region.ok) {
    regionCode = region.value.code;
    if (region.value.unplaced) {
      note(regionColumn ? columnOf(regionColumn) : "所属区县", region.value.unplaced, `无法识别“${region.value.unplaced}”，已按“${region.value.path}”导入`, "核对区县或城市名称（如“凌源市”“喀喇沁左翼蒙古族自治县”）");
    }
  } else {
    fatal = true;
    note(regionColumn ? columnOf(regionColumn) : "所在地区", regionValue, region.message, region.fix);
  }

  let capital: number | null = null;
  let capitalCurrency: ImportedFirm["capitalCurrency"] = null;
  const capitalText = get("capital");
  if (capitalText) {
    const parsed = parseMoney(capitalText, headerMoneyUnit(columnOf("capital")) ?? "万元", headerCurrency(columnOf("capital")) ?? "CNY");
    if (parsed.ok) {
      capital = parsed.value?.wan ?? null;
      capitalCurrency = parsed.value?.currency ?? null;
    } else note(columnOf("capital"), capitalText, `${parsed.message}，注册资本未导入`, parsed.fix);
  }

  let revenue: number | null = null;
  const revenueText = get("revenue");
  if (revenueText) {
    const parsed = parseMoney(revenueText, headerMoneyUnit(columnOf("revenue")) ?? "万元");
    if (parsed.ok && parsed.value && parsed.value.currency !== "CNY") {
      note(columnOf("revenue"), revenueText, "营业收入不是人民币，未导入", "换算为人民币万元后填写");
    } else if (parsed.ok) revenue = parsed.value?.wan ?? null;
    else note(columnOf("revenue"), revenueText, `${parsed.message}，营业收入未导入`, parsed.fix);
  }

  let foundedOn: string | null = null;
  const dateText = get("foundedOn");
  if (dateText) {
    const parsed = parseDate(dateText);
    if (parsed.ok) foundedOn = parsed.value;
    else note(columnOf("foundedOn"), dateText, `${parsed.message}，成立日期未导入`, parsed.fix);
  }

  let staff: number | null = null;
  const staffText = get("staff");
  if (staffText) {
    const parsed = parseStaff(staffText);
    if (parsed === undefined) note(columnOf("staff"), staffText, `无法识别人数“${staffText.slice(0, 40)}”，人数未导入`, "填写 0 到 1000 万之间的整数，如“120”");
    else staff = parsed;
  }

  const tagSet = new Set<(typeof FIRM_TAGS)[number]>();
  const tagsText = get("tags");
  if (tagsText) {
    const { tags, others } = mapTags(tagsText);
    for (const t of tags) tagSet.add(t);
    if (others.length) extras[columnOf("tags")] = others.join("；");
  }
  const companyType = get("companyType");
  if (companyType) for (const t of tagsOfCompanyType(companyType)) tagSet.add(t);

  const statusText = get("status");
  const standing = statusText ? standingOf(statusText) : null;
  if (statusText && !isPlaceholder(statusText) && standing === null) {
    note(columnOf("status"), statusText, `无法识别登记状态“${statusText.slice(0, 40)}”，已按存续导入`, "核对登记状态，如“存续”“在业”“注销”“吊销”");
  } else if (standing === "suspended") {
    note(columnOf("status"), statusText!, `登记状态为“${statusText}”：企业已暂停经营，仍已导入`, "核实企业是否恢复经营后再作为招商目标；已注销的企业请改填“注销”");
  }

  const aliases = [...new Set(splitNames(get("aliases") ?? ""))].filter((alias) => alias !== name);
  const optional = (field: ImportField) => {
    const value = get(field);
    return value && !isPlaceholder(value) ? value : null;
  };

  if (fatal || !name || !regionCode) return { problems };

  const candidate: ImportedFirm = {
    name,
    uscc,
    aliases,
    regionCode,
    capital,
    capitalCurrency,
    foundedOn,
    tags: FIRM_TAGS.filter((t) => tagSet.has(t)),
    staff,
    revenue,
    industry: optional("industry"),
    scope: optional("scope"),
    products: optional("products"),
    companyType: optional("companyType"),
    website: optional("website"),
    phone: optional("phone"),
    address: optional("address"),
    status: optional("status"),
    extras,
  };
  const closed = standing === "closed" ? { closed: statusText! } : {};
  if (isImportedFirm(candidate)) return { firm: candidate, problems, ...(regionFromName ? { regionFromName } : {}), ...closed };
  const checked = ImportedFirm.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? "");
      note(field in FIELD_ALIASES ? columnOf(field as ImportField) : field, String(get(field as ImportField) ?? ""), `数据不符合要求：${issue.message}`, "核对该单元格的内容");
    }
    return { problems };
  }
  return { firm: checked.data, problems, ...(regionFromName ? { regionFromName } : {}), ...closed };
}

/**
 * The key two rows of one file are the same firm by: the 统一社会信用代码, else the name
 * (brackets and spaces normalised) within the region.
 */
export function duplicateKey(firm: Pick<ImportedFirm, "uscc" | "name" | "regionCode">): string {
  if (firm.uscc) return `uscc:${firm.uscc}`;
  return nameDuplicateKey(firm);
}

/**
 * The name key of {@link duplicateKey} whatever the code: a row without a code is the same
 * firm as a row with one of the same name in the same region (two rows with two codes are two firms).
 */
export function nameDuplicateKey(firm: Pick<ImportedFirm, "name" | "regionCode">): string {
  const name = halfWidth(firm.name).replace(/\s+/g, "");
  return `name:${name}|${firm.regionCode}`;
}

/**
 * A 52-bit hash of a key (two 32-bit FNV-1a hashes with different offsets): kept instead of
 * the key where a million keys would cost too much memory. A key of one million-row file meets
 * another's hash by chance at most about once in four thousand such files.
 */
export function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
