/**
 * Which column holds what. Exports from 企查查, 天眼查, 启信宝, 国家企业信用信息公示系统
 * and 统计局 lists name the same facts differently, put title and note rows above the
 * header, and sometimes split the header over two rows.
 */
import { halfWidth } from "./values.js";

/** A row as a file gives it (read-table.ts), before its header is known. */
export interface RawRow {
  /** The row number a user sees in Excel: 1-based, counting title rows and blank rows. */
  rowNumber: number;
  cells: string[];
}

export const IMPORT_FIELDS = [
  "name",
  "uscc",
  "capital",
  "foundedOn",
  "province",
  "city",
  "county",
  "address",
  "industry",
  "scope",
  "products",
  "companyType",
  "tags",
  "website",
  "phone",
  "staff",
  "revenue",
  "aliases",
  "status",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * 企查查 gives the industry in four columns, one per level of GB/T 4754 (国标行业门类 制造业,
 * 大类 黑色金属冶炼和压延加工业, 中类 钢压延加工, 小类 …): all four are the industry column, read as
 * one path (rows.ts).
 */
const INDUSTRY_LEVEL_HEADERS = ["门类", "大类", "中类", "小类"].flatMap((level) => [`国标行业${level}`, `行业${level}`, `所属行业${level}`, `国民经济行业${level}`]);

/** Header texts, after {@link headerKey}, as real exports spell them. */
export const FIELD_ALIASES: Record<ImportField, readonly string[]> = {
  name: ["企业名称", "公司名称", "名称", "企业名", "单位名称", "企业全称", "市场主体名称", "纳税人名称"],
  uscc: ["统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "统一信用代码"],
  capital: ["注册资本", "注册资金", "认缴资本", "注册资本金"],
  foundedOn: ["成立日期", "成立时间", "注册日期", "成立年份"],
  province: ["所属省份", "省份", "省", "所在省份", "所属省"],
  city: ["所属城市", "城市", "市", "所在城市", "所属地市", "地市"],
  county: ["所属区县", "区县", "县区", "所在区县", "区/县", "县/区"],
  address: ["注册地址", "地址", "企业地址", "通信地址", "住所", "注册地", "经营地址"],
  industry: ["国标行业", "行业代码", "所属行业", "国民经济行业", "行业", "行业分类", "国民经济行业分类", ...INDUSTRY_LEVEL_HEADERS],
  scope: ["经营范围"],
  products: ["主营产品", "主要产品", "产品", "主营业务"],
  companyType: ["企业类型", "公司类型", "企业性质", "类型"],
  tags: ["标签", "企业资质", "资质", "企业标签", "资质荣誉"],
  website: ["官网", "网址", "企业官网", "网站"],
  phone: ["电话", "联系电话", "企业电话", "联系方式"],
  staff: ["参保人数", "员工人数", "从业人数", "职工人数"],
  revenue: ["营业收入", "营收", "主营业务收入", "年营业收入"],
  // 英文名 is kept as an attribute, not an alias: an English name is searched by no one here,
  // and its commas ("Co., Ltd.") would take every row of a list off the bulk path (graph/bulk.ts).
  aliases: ["曾用名", "简称", "企业简称"],
  status: ["登记状态", "经营状态", "企业状态", "存续状态", "营业状态", "企业登记状态", "公司状态"],
};

const FIELD_BY_KEY = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => FIELD_ALIASES[field].map((alias) => [headerKey(alias), field] as const)),
);

/** How far down an export's header may sit below its title and note rows. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderColumn {
  index: number;
  /** The header as shown, with the two rows of a split header joined ("注册资本(万元)"). */
  header: string;
  field: ImportField | null;
  /** A row-number column (序号): not a fact of the firm, neither imported nor kept. */
  rowNumber?: true;
}

/** Headers of the column that numbers the rows (序号 1, 2, 3 …), which no firm should keep as a fact. */
const ROW_NUMBER_HEADERS = new Set(["序号", "行号", "no", "no.", "#"]);
export const isRowNumberHeader = (text: string) => ROW_NUMBER_HEADERS.has(headerKey(text).toLowerCase());

/** An industry column of one level (国标行业大类): several of them make the industry together. */
const INDUSTRY_LEVEL_KEYS = new Set(INDUSTRY_LEVEL_HEADERS.map((h) => headerKey(h)));
const isIndustryLevel = (text: string) => INDUSTRY_LEVEL_KEYS.has(withoutBrackets(headerKey(text)));

export interface HeaderMatch {
  /** The last header row: data starts below it. */
  headerRowNumber: number;
  /** The first header row (the same as headerRowNumber for a one-row header). */
  firstHeaderRowNumber: number;
  columns: HeaderColumn[];
  /** Headers of columns that are not import fields: kept as extra attributes. */
  unknownHeaders: string[];
}

/** Header text without spaces, line breaks, "*" and "（必填）"-like decorations. */
export function headerKey(text: string): string {
  return halfWidth(text)
    .replace(/[\s\u00a0\u200b]+/g, "")
    .replace(/[*＊※]/g, "")
    .replace(/[(【[](?:必填|选填|可选|必录|非必填|必须)[)】\]]/g, "")
    .replace(/[:：]$/, "");
}

/** The header with bracketed notes removed: 注册资本(万元) → 注册资本. */
const withoutBrackets = (key: string) => key.replace(/[(【[][^)】\]]*[)】\]]/g, "");

export function fieldOfHeader(text: string): ImportField | null {
  const key = headerKey(text);
  if (!key) return null;
  return FIELD_BY_KEY.get(key) ?? FIELD_BY_KEY.get(withoutBrackets(key)) ?? null;
}

/** The header as a person would write it on one line: "注册\n资本 *" → "注册资本". */
function displayHeader(text: string): string {
  return text
    .replace(/[*＊※]/g, "")
    .replace(/[(（【[]\s*(?:必填|选填|可选|必录|非必填|必须)\s*[)）】\]]/g, "")
    .replace(/\s+/g, " ")
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, "")
    .trim();
}

const isUnitNote = (text: string) => /^[(（【[].*[)）】\]]$/.test(headerKey(text));

const cellText = (row: RawRow, index: number) => (row.cells[index] ?? "").trim();

/** Columns from one header row, or from two rows read as one header. */
function readColumns(top: RawRow, bottom: RawRow | null): HeaderColumn[] {
  const width = Math.max(top.cells.length, bottom?.cells.length ?? 0);
  const columns: HeaderColumn[] = [];
  const taken = new Set<ImportField>();
  let carried = "";
  for (let index = 0; index < width; index++) {
    const own = cellText(top, index);
    // A header cell merged down over both rows reads the same in each: one header, not two.
    const below = bottom ? cellText(bottom, index) : "";
    const lower = below === own ? "" : below;
    // A merged cell keeps its text in its leftmost cell; the cells it covers read empty.
    if (own) carried = own;
    const upper = own || (lower ? carried : "");
    let header: string;
    let candidates: string[];
    if (!lower) {
      header = upper;
      candidates = [upper];
    } else if (!upper) {
      header = lower;
      candidates = [lower];
    } else if (isUnitNote(lower)) {
      header = `${upper}${lower}`;
      candidates = [header, upper];
    } else {
      header = fieldOfHeader(lower) ? lower : `${upper}/${lower}`;
      candidates = [`${upper}${lower}`, lower, upper];
    }
    let field: ImportField | null = null;
    for (const candidate of candidates) {
      const found = fieldOfHeader(candidate);
      // Several columns may name a firm's other names (曾用名, 简称) or one industry level each.
      if (found && (!taken.has(found) || found === "aliases" || (found === "industry" && isIndustryLevel(candidate)))) {
        field = found;
        break;
      }
    }
    if (field) taken.add(field);
    columns.push({ index, header: displayHeader(header), field, ...(!field && isRowNumberHeader(header) ? { rowNumber: true as const } : {}) });
  }
  return columns;
}

const score = (columns: HeaderColumn[]) =>
  columns.some((c) => c.field === "name") ? columns.filter((c) => c.field).length : 0;

const filledCells = (row: RawRow) => row.cells.filter((cell) => cell.trim() !== "").length;

/**
 * Whether `bottom` continues the header begun in `top` rather than starting the data: a
 * title or note row (one filled cell) never begins a two-row header; a data row has the
 * firm's name filled in and no header words or unit notes.
 */
function continuesHeader(top: RawRow, bottom: RawRow, topColumns: HeaderColumn[]): boolean {
  if (bottom.rowNumber !== top.rowNumber + 1 || filledCells(top) < 2) return false;
  const nameColumn = topColumns.find((c) => c.field === "name");
  if (nameColumn && cellText(bottom, nameColumn.index) && !fieldOfHeader(cellText(bottom, nameColumn.index))) return false;
  return bottom.cells.some((cell) => cell.trim() !== "" && (isUnitNote(cell) || fieldOfHeader(cell) !== null));
}

/**
 * The header among the first rows: the row (or pair of rows) that names the most import
 * fields, and at least the firm's name. Null when no row names the firm.
 */
export function findHeader(rows: RawRow[]): HeaderMatch | null {
  const scanned = rows.slice(0, HEADER_SCAN_ROWS);
  let best: { columns: HeaderColumn[]; first: RawRow; last: RawRow; score: number } | null = null;
  scanned.forEach((row, i) => {
    let option = { columns: readColumns(row, null), first: row, last: row };
    const next = scanned[i + 1];
    if (next && continuesHeader(row, next, option.columns)) {
      const pair = { columns: readColumns(row, next), first: row, last: next };
      if (score(pair.columns) >= score(option.columns)) option = pair;
    }
    const points = score(option.columns);
    if (points > 0 && (!best || points > best.score)) best = { ...option, score: points };
  });
  if (!best) return null;
  const { columns, first, last } = best as { columns: HeaderColumn[]; first: RawRow; last: RawRow };
  const unique = uniqueHeaders(columns.filter((c) => c.header || c.field));
  return {
    headerRowNumber: last.rowNumber,
    firstHeaderRowNumber: first.rowNumber,
    columns: unique,
    unknownHeaders: unique.filter((c) => !c.field && !c.rowNumber).map((c) => c.header),
  };
}

/** Two unknown columns called 备注 become 备注 and 备注(2), so neither is lost as an extra. */
function uniqueHeaders(columns: HeaderColumn[]): HeaderColumn[] {
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const header = column.header || `第${column.index + 1}列`;
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    return { ...column, header: count === 1 ? header : `${header}(${count})` };
  });
}
