/**
 * The rows of an .xlsx file's first worksheet, streamed, within limits a hostile file
 * cannot get past.
 *
 * An .xlsx file is a zip of XML parts. Its central directory (at the end of the file)
 * says where each part is and how large it inflates to, so the parts are read in the
 * order they are needed — the workbook, its styles, the shared strings, then the
 * worksheet, row by row — with nothing parked in temporary files, and a file cut short
 * (no central directory) is refused at once. Every part is checked against its declared
 * size before it is read and while it inflates; shared strings (the one part kept in
 * memory: cells refer to it by number), rows and cells are counted against XLSX_LIMITS.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Readable } from "node:stream";
import yauzl from "yauzl";

export interface XlsxLimits {
  inflateRatio: number;
  minInflatedBytes: number;
  maxInflatedBytes: number;
  entries: number;
  sharedStrings: number;
  sharedStringChars: number;
  rows: number;
  columns: number;
  cells: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  /** What the parts read may inflate to, in all: this many times the file's own size … */
  inflateRatio: 100,
  /** … but never less than this (small files compress well) nor more than `maxInflatedBytes`. */
  minInflatedBytes: 256 * 2 ** 20,
  maxInflatedBytes: 4 * 2 ** 30,
  /** Parts in the zip (a workbook has a few dozen). */
  entries: 10_000,
  sharedStrings: 4_000_000,
  /** Characters of all shared strings together. */
  sharedStringChars: 256 * 2 ** 20,
  /** Excel's own limits. */
  rows: 1_048_576,
  columns: 16_384,
  /** Cells of all rows, counted up to each row's last cell with a value. */
  cells: 50_000_000,
};

/** The file is not a readable workbook, or goes past a limit. The message is for the user. */
export class XlsxError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "XlsxError";
  }
}

const resave = "请在 Excel 或 WPS 中打开后另存为 .xlsx（或 .csv）再导入";

export interface SheetRow {
  /** The row number Excel shows. */
  rowNumber: number;
  /** Display text of each cell up to the last one with a value; "" for empty cells. */
  cells: string[];
}

/** A cell as the worksheet holds it, before it becomes text. */
export interface SheetCell {
  /** The `t` attribute: s (shared string), str, inlineStr, b, e, d, n or null (number). */
  type: string | null;
  /** The value, or a formula's cached result. */
  value: string;
  /** The cell's number format, when it has one (dates are numbers with a date format). */
  numFmt: string | null;
}

/** The worksheet a workbook's rows were read from, and the other visible worksheets that hold a list too (not read). */
export interface SheetsRead {
  sheet?: string;
  otherSheets?: string[];
}

/**
 * Reads the rows of the worksheet that holds the list: of the visible worksheets (a hidden
 * one is a lookup table or a template's notes), in the workbook's order, the first whose
 * first `headRows` rows with content `holdsList` accepts — a 说明 or 汇总 sheet before the
 * list is passed over — else the first hidden one it accepts, else the first visible one. `read` is told which one was read and which other visible
 * worksheets hold a list too. The file is closed when the iteration ends, however it ends.
 */
export async function* readListSheet(
  path: string,
  fileBytes: number,
  holdsList: (head: SheetRow[]) => boolean,
  headRows: number,
  read: SheetsRead = {},
  limits: XlsxLimits = XLSX_LIMITS,
): AsyncGenerator<SheetRow> {
  const zip = await openZip(path);
  try {
    const budget = new InflateBudget(Math.min(limits.maxInflatedBytes, Math.max(limits.minInflatedBytes, fileBytes * limits.inflateRatio)));
    const entries = await listEntries(zip, limits);
    const part = (name: string) => entries.get(name) ?? entries.get(name.toLowerCase()) ?? null;

    const workbook = part("xl/workbook.xml");
    if (!workbook) throw new XlsxError(`这不是 Excel 工作簿（缺少 xl/workbook.xml）：${resave}`);
    const { sheets, date1904 } = await readWorkbook(zip, workbook, budget);
    const relations = part("xl/_rels/workbook.xml.rels");
    const targets = relations ? await readRelations(zip, relations, budget) : new Map<string, { type: string; target: string }>();
    const byType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;
    const located = sheets.map((s, i) => ({ ...s, target: (s.id && targets.get(s.id)?.target) ?? `xl/worksheets/sheet${i + 1}.xml` }));
    const visible = located.filter((s) => !s.hidden);
    const hidden = located.filter((s) => s.hidden);
    const candidates = visible.length ? visible : located.slice(0, 1);
    if (!candidates.length) candidates.push({ name: "Sheet1", id: null, hidden: false, target: "xl/worksheets/sheet1.xml" });
    const entryOf = (sheet: (typeof candidates)[number]) => {
      const entry = part(sheet.target);
      if (!entry) throw new XlsxError(`Excel 文件中找不到工作表“${sheet.name}”（${sheet.target}）：${resave}`);
      return entry;
    };
    const stylesEntry = part(byType("/styles") ?? "xl/styles.xml");
    const formats = stylesEntry ? await readStyles(zip, stylesEntry, budget) : [];
    const sharedEntry = part(byType("/sharedStrings") ?? "xl/sharedStrings.xml");
    const shared = sharedEntry ? await readSharedStrings(zip, sharedEntry, budget, limits) : [];
    const rowsOf = (sheet: (typeof candidates)[number]) => readRows(zip, entryOf(sheet), budget, limits, (cell) => cellText(cell, shared, date1904), formats);
    const filledRowsOf = async function* (sheet: (typeof candidates)[number]) {
      yield* fillDown(rowsOf(sheet), await readVerticalMerges(zip, entryOf(sheet), budget));
    };
    let chosen = candidates[0]!;
    const others: string[] = [];
    const holding = async (sheets: typeof candidates) => {
      const found = [];
      for (const sheet of sheets) {
        const head: SheetRow[] = [];
        for await (const row of rowsOf(sheet)) {
          if (row.cells.some((cell) => cell.trim() !== "")) head.push(row);
          if (head.length >= headRows) break;
        }
        if (holdsList(head)) found.push(sheet);
      }
      return found;
    };
    // A workbook of one worksheet is read as it is; of several, the first rows of each say
    // which holds the list — a hidden one only when no visible one does.
    if (located.length > 1) {
      const lists = await holding(candidates);
      chosen = lists[0] ?? (await holding(hidden))[0] ?? chosen;
      others.push(...lists.slice(1).map((s) => s.name));
    }
    read.sheet = chosen.name;
    read.otherSheets = others;
    yield* filledRowsOf(chosen);
  } finally {
    zip.close();
  }
}

// ——— zip ———

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error) reject(new XlsxError(`Excel 文件不完整或已损坏（${error.message}）：请重新导出，或${resave}`, { cause: error }));
      else resolve(zip);
    }),
  );
}

function listEntries(zip: yauzl.ZipFile, limits: XlsxLimits): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > limits.entries) return Promise.reject(new XlsxError(`Excel 文件包含 ${zip.entryCount} 个部件，超过 ${limits.entries} 个：这不像正常的工作簿。${resave}`));
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      entries.set(entry.fileName.toLowerCase(), entries.get(entry.fileName.toLowerCase()) ?? entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", (error: Error) => reject(new XlsxError(`Excel 文件已损坏（${error.message}）：${resave}`, { cause: error })));
    zip.readEntry();
  });
}

/** How much the parts read may still inflate to. */
class InflateBudget {
  /** Parts read already: a worksheet whose first rows were looked at is charged once. */
  private readonly charged = new Set<yauzl.Entry>();

  constructor(private left: number) {}

  take(entry: yauzl.Entry): void {
    if (this.charged.has(entry)) return;
    this.charged.add(entry);
    this.left -= entry.uncompressedSize;
    if (this.left < 0)
      throw new XlsxError(`Excel 文件展开后过大（${entry.fileName} 展开为 ${mib(entry.uncompressedSize)}，远超文件本身）：可能是损坏或恶意构造的文件。请拆分数据，或${resave}`);
  }
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString("en-US")} MiB`;

/**
 * The part's text, chunk by chunk. Its declared size is charged to the budget first; the
 * zip reader fails the stream if it inflates to more than declared (validateEntrySizes).
 */
async function* partText(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget): AsyncGenerator<string> {
  budget.take(entry);
  const stream = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (error, s) => (error ? reject(new XlsxError(`Excel 文件已损坏（${entry.fileName}：${error.message}）：${resave}`, { cause: error })) : resolve(s))),
  );
  stream.setEncoding("utf8");
  try {
    for await (const chunk of stream as AsyncIterable<string>) yield chunk;
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(`Excel 文件已损坏（${entry.fileName}：${(error as Error).message}）：${resave}`, { cause: error });
  } finally {
    stream.destroy();
  }
}

const SLICE_CHARS = 16 * 1024;

/**
 * Feeds a part to a SAX parser; `drain` runs after each chunk (to hand out what it found).
 * Custom entities are never expanded (saxes refuses them), so no entity bomb either.
 */
async function* parse<T>(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget, parser: SaxesParser, drain: () => T[]): AsyncGenerator<T> {
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  const check = () => {
    if (failure) throw failure instanceof XlsxError ? failure : new XlsxError(`Excel 文件已损坏（${entry.fileName}：${failure.message}）：${resave}`, { cause: failure });
  };
  for await (const chunk of partText(zip, entry, budget)) {
    // In slices, so that what one slice yields (rows) stays small however dense the XML.
    for (let at = 0; at < chunk.length; at += SLICE_CHARS) {
      parser.write(chunk.slice(at, at + SLICE_CHARS));
      check();
      yield* drain();
    }
  }
  parser.close();
  check();
  yield* drain();
}

/** Runs `parse` to its end for the parts read whole. */
async function parseWhole(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget, parser: SaxesParser): Promise<void> {
  for await (const _ of parse(zip, entry, budget, parser, () => [] as never[]));
}

// ——— workbook, relations, styles ———

/** The worksheets in the workbook's order: name, relation id, and whether hidden (state hidden or veryHidden). */
async function readWorkbook(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget) {
  const sheets: { name: string; id: string | null; hidden: boolean }[] = [];
  let date1904 = false;
  const parser = new SaxesParser();
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (local(tag.name) === "sheet" && sheets.length < 10_000)
      sheets.push({ name: attribute(tag, "name") ?? `Sheet${sheets.length + 1}`, id: attribute(tag, "id") ?? null, hidden: /hidden/i.test(attribute(tag, "state") ?? "") });
    if (local(tag.name) === "workbookPr") date1904 = ["1", "true"].includes(attribute(tag, "date1904") ?? "");
  });
  await parseWhole(zip, entry, budget, parser);
  return { sheets, date1904 };
}

async function readRelations(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget) {
  const targets = new Map<string, { type: string; target: string }>();
  const parser = new SaxesParser();
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (local(tag.name) !== "Relationship") return;
    const target = attribute(tag, "Target") ?? "";
    // Targets are relative to xl/, or absolute within the package.
    const resolved = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    targets.set(attribute(tag, "Id") ?? "", { type: attribute(tag, "Type") ?? "", target: resolved });
  });
  await parseWhole(zip, entry, budget, parser);
  return targets;
}

/** Excel's built-in number formats that show a date or time (the rest show numbers). */
const BUILT_IN_DATE_FORMATS: Record<number, string> = {
  14: "yyyy-mm-dd",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy-mm-dd h:mm",
  // The Chinese ones (年月日) Excel and WPS write in zh-CN.
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  36: 'yyyy"年"m"月"',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The number format of each cell style (cellXfs), by style index. */
async function readStyles(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget): Promise<(string | null)[]> {
  const custom = new Map<number, string>();
  const formats: (string | null)[] = [];
  let inCellXfs = false;
  const parser = new SaxesParser();
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === "numFmt") custom.set(Number(attribute(tag, "numFmtId")), attribute(tag, "formatCode") ?? "");
    else if (name === "cellXfs") inCellXfs = true;
    else if (name === "xf" && inCellXfs) {
      const id = Number(attribute(tag, "numFmtId") ?? 0);
      formats.push(custom.get(id) ?? BUILT_IN_DATE_FORMATS[id] ?? null);
    }
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    if (local(tag.name) === "cellXfs") inCellXfs = false;
  });
  await parseWhole(zip, entry, budget, parser);
  return formats;
}

// ——— shared strings ———

async function readSharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  const parser = new SaxesParser();
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === "si") {
      if (strings.length >= limits.sharedStrings)
        throw new XlsxError(`Excel 文件的共享字符串超过 ${limits.sharedStrings.toLocaleString("en-US")} 条：文件过大或为恶意构造。请拆分数据，或另存为 .csv 后导入`);
      current = "";
    } else if (name === "rPh") inPhonetic = true;
    else if (name === "t" && current !== null && !inPhonetic) inText = true;
  });
  parser.on("text", (text: string) => {
    if (!inText || current === null) return;
    chars += text.length;
    if (chars > limits.sharedStringChars)
      throw new XlsxError(`Excel 文件的共享字符串超过 ${(limits.sharedStringChars / 2 ** 20).toLocaleString("en-US")}M 个字符：文件过大或为恶意构造。请拆分数据，或另存为 .csv 后导入`);
    current += text;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === "t") inText = false;
    else if (name === "rPh") inPhonetic = false;
    else if (name === "si" && current !== null) {
      strings.push(decodeEscapes(current));
      current = null;
    }
  });
  await parseWhole(zip, entry, budget, parser);
  return strings;
}

// ——— the worksheet ———

/** A cell merged over the rows below it (a 台账's 所属区县 written once for a group of firms): column, first and last row. */
interface VerticalMerge {
  column: number;
  first: number;
  last: number;
}

const MERGE_CELL = /<(?:[\w-]+:)?mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})"/g;
/** Merged ranges read at most (Excel's own workbooks stay far below). */
const MAX_MERGES = 100_000;

/**
 * The sheet's merged ranges that span rows. A worksheet lists them after its rows, so the
 * part is read once before them: inflated and searched as text, not parsed.
 */
async function readVerticalMerges(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: InflateBudget): Promise<VerticalMerge[]> {
  const merges: VerticalMerge[] = [];
  let tail = "";
  for await (const chunk of partText(zip, entry, budget)) {
    const text = tail + chunk;
    // A tag cut at the chunk's end is searched again with the next one.
    const cut = text.lastIndexOf("<");
    const whole = cut >= 0 && text.indexOf(">", cut) < 0 ? text.slice(0, cut) : text;
    tail = whole.length < text.length ? text.slice(whole.length) : "";
    if (tail.length > 4096) tail = "";
    for (const m of whole.matchAll(MERGE_CELL)) {
      const first = Number(m[2]);
      const last = Number(m[4]);
      if (last > first && merges.length < MAX_MERGES) merges.push({ column: columnOf(m[1]!), first, last });
    }
  }
  return merges;
}

/** Each vertically merged cell's value, as Excel shows it, in every row the merge covers (its first column). */
async function* fillDown(rows: AsyncGenerator<SheetRow>, merges: VerticalMerge[]): AsyncGenerator<SheetRow> {
  if (!merges.length) return yield* rows;
  const byFirstRow = new Map<number, VerticalMerge[]>();
  for (const merge of merges) byFirstRow.set(merge.first, [...(byFirstRow.get(merge.first) ?? []), merge]);
  let open: { merge: VerticalMerge; value: string }[] = [];
  for await (const row of rows) {
    open = open.filter((o) => o.merge.last >= row.rowNumber);
    for (const { merge, value } of open) {
      if (merge.first >= row.rowNumber || (row.cells[merge.column - 1] ?? "") !== "") continue;
      while (row.cells.length < merge.column - 1) row.cells.push("");
      row.cells[merge.column - 1] = value;
    }
    for (const merge of byFirstRow.get(row.rowNumber) ?? []) {
      const value = row.cells[merge.column - 1] ?? "";
      if (value !== "") open.push({ merge, value });
    }
    yield row;
  }
}

async function* readRows(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: InflateBudget,
  limits: XlsxLimits,
  text: (cell: SheetCell) => string,
  formats: (string | null)[],
): AsyncGenerator<SheetRow> {
  const done: SheetRow[] = [];
  let rowNumber = 0;
  let cells: string[] | null = null;
  let column = 0;
  let cell: SheetCell | null = null;
  let reading: "value" | "text" | null = null;
  let inSheetData = false;
  let inPhonetic = false;
  let cellCount = 0;
  const parser = new SaxesParser();
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === "sheetData") inSheetData = true;
    if (!inSheetData) return;
    if (name === "row") {
      const r = attribute(tag, "r");
      rowNumber = r ? Number.parseInt(r, 10) : rowNumber + 1;
      if (!(rowNumber >= 1 && rowNumber <= limits.rows))
        throw new XlsxError(`工作表的行号“${r ?? rowNumber}”超出 ${limits.rows.toLocaleString("en-US")} 行（Excel 的上限）：文件已损坏或为恶意构造。${resave}`);
      cells = [];
      column = 0;
    } else if (name === "c" && cells) {
      const ref = attribute(tag, "r");
      column = ref ? columnOf(ref) : column + 1;
      if (!(column >= 1 && column <= limits.columns)) throw new XlsxError(`工作表的单元格“${ref}”超出 Excel 的列数：文件已损坏。${resave}`);
      const style = Number(attribute(tag, "s") ?? 0);
      cell = { type: attribute(tag, "t") ?? null, value: "", numFmt: formats[style] ?? null };
    } else if (cell && name === "v") reading = "value";
    else if (cell && name === "t" && !inPhonetic) reading = "text";
    else if (name === "rPh") inPhonetic = true;
  });
  parser.on("text", (value: string) => {
    if (cell && reading) cell.value += value;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === "v" || name === "t") reading = null;
    else if (name === "rPh") inPhonetic = false;
    else if (name === "c" && cells && cell) {
      const shown = cell.value === "" ? "" : text(cell);
      if (shown !== "") {
        // Cells are counted up to the last one with a value: a lone value far to the right
        // makes a wide row, and wide rows are what the limit guards against.
        cellCount += Math.max(0, column - cells.length);
        if (cellCount > limits.cells)
          throw new XlsxError(`工作表的单元格超过 ${limits.cells.toLocaleString("en-US")} 个（含值之间的空单元格）：请删除多余的行列、拆分数据，或另存为 .csv 后导入`);
        while (cells.length < column - 1) cells.push("");
        cells[column - 1] = shown;
      }
      cell = null;
    } else if (name === "row" && cells) {
      if (cells.length) done.push({ rowNumber, cells });
      cells = null;
    } else if (name === "sheetData") inSheetData = false;
  });
  yield* parse(zip, entry, budget, parser, () => done.splice(0));
}

/** "AB12" → 28. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return column;
}

// ——— cells as text ———

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serials Excel can show as a date (1900-01-01 … 9999-12-31). */
const LAST_DATE_SERIAL = 2_958_466;

/** What Excel shows in the cell, as plain text. */
export function cellText(cell: SheetCell, shared: readonly string[], date1904 = false): string {
  switch (cell.type) {
    case "s":
      return shared[Number.parseInt(cell.value, 10)] ?? "";
    case "str":
    case "inlineStr":
      return decodeEscapes(cell.value);
    case "b":
      return cell.value.trim() === "0" ? "FALSE" : "TRUE";
    case "e":
      return cell.value;
    case "d": {
      const date = new Date(cell.value);
      return Number.isNaN(date.getTime()) ? cell.value : isoDateTime(date);
    }
    default: {
      const number = Number(cell.value);
      if (cell.value.trim() === "" || !Number.isFinite(number)) return cell.value;
      if (isDateFormat(cell.numFmt) && number > 0 && number < LAST_DATE_SERIAL)
        return isoDateTime(new Date(EXCEL_EPOCH_MS + Math.round((number + (date1904 ? 1462 : 0)) * DAY_MS)));
      return plainNumber(number);
    }
  }
}

/** A number format that shows a date or time: y, m, d, h or s outside quotes, brackets and escapes. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhs]/i.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

/** 91110000600037341L must never come back as 9.1e17, nor 0.1 + 0.2 as 0.30000000000000004. */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Excel keeps 15 significant digits; more are binary noise.
  const rounded = Number(value.toPrecision(15));
  return rounded.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

function isoDateTime(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === "00:00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** Excel writes characters XML cannot hold as _xHHHH_ (a line break in a cell: _x000D_). */
function decodeEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);
const attribute = (tag: SaxesTagPlain, name: string): string | undefined => {
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value as string;
  return undefined;
};
