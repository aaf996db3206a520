/**
 * Reads the rows of an enterprise export (CSV/TXT or XLSX) one at a time, as display
 * strings, without ever holding the whole file: exports from 企查查/天眼查 or a 统计局
 * list can run to a million rows. (An XLSX file's shared-string table is the one part
 * kept in memory: cells refer to it by number, so it must be at hand while rows stream.)
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { extname } from "node:path";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

export interface RawRow {
  /** The row number a user sees in Excel: 1-based, counting title rows and blank rows. */
  rowNumber: number;
  cells: string[];
}

/** The file cannot be read as a table at all (as opposed to a problem in one row). */
export class ImportFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ImportFileError";
  }
}

export type TextEncoding = "utf8" | "gb18030";

/**
 * Chinese exports come either as UTF-8 (often with a BOM, which Excel needs to show it)
 * or as GBK from older tools and "CSV (逗号分隔)" saved by Chinese Excel. GBK text is
 * almost never valid UTF-8, so validity decides; GB18030 is a superset of GBK.
 */
export function detectEncoding(sample: Buffer): TextEncoding {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf8";
  try {
    // stream: true lets a multi-byte character cut off at the end of the sample pass.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf8";
  } catch {
    return "gb18030";
  }
}

const SAMPLE_BYTES = 64 * 1024;

/** Rows of the file, skipping rows with no content but keeping their numbers. */
export async function* readTable(path: string): AsyncGenerator<RawRow> {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv" || extension === ".txt") {
    yield* readDelimited(path);
  } else if (extension === ".xlsx") {
    yield* readWorkbook(path);
  } else if (extension === ".xls" || extension === ".et") {
    throw new ImportFileError(`不支持旧版 Excel 文件（${extension}）：请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后再导入`);
  } else {
    throw new ImportFileError(`无法导入“${extension || "无扩展名"}”文件：请使用 .xlsx、.csv 或 .txt 文件`);
  }
}

async function readSample(path: string): Promise<Buffer> {
  const handle = await open(path, "r").catch((error: unknown) => {
    throw new ImportFileError(`无法打开文件：${(error as Error).message}`, { cause: error });
  });
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * 统计局 and some 公示系统 downloads are tab-separated .txt files; more tabs than commas
 * in the first lines (a title line may have neither) says so.
 */
function guessDelimiter(firstText: string): string {
  const lines = firstText.split(/\r?\n/, 10).join("\n");
  const tabs = lines.split("\t").length - 1;
  const commas = lines.split(",").length - 1;
  return tabs > commas ? "\t" : ",";
}

async function* readDelimited(path: string): AsyncGenerator<RawRow> {
  const sample = await readSample(path);
  const encoding = detectEncoding(sample);
  const delimiter = guessDelimiter(iconv.decode(sample, encoding));
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    // A stray quote inside an unquoted field ("华盛"泵业) is text, not a syntax error.
    relax_quotes: true,
    skip_empty_lines: false,
  });
  // pipeline forwards errors and backpressure; iterating the parser pulls one chunk at a time.
  const rows = pipeline(createReadStream(path), iconv.decodeStream(encoding), parser, () => {});
  let rowNumber = 0;
  try {
    for await (const record of rows as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (record.some((cell) => cell.trim() !== "")) yield { rowNumber, cells: record };
    }
  } catch (error) {
    throw new ImportFileError(`第 ${rowNumber + 1} 行附近无法解析：${(error as Error).message}。请检查引号是否成对`, { cause: error });
  }
}

async function* readWorkbook(path: string): AsyncGenerator<RawRow> {
  await readSample(path); // fails early, with the same message as CSV, when the file is missing
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell dates from numbers; hyperlinks are not needed.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  // Excel stores worksheets before the shared strings, so ExcelJS parks each worksheet in a
  // temporary file and deletes it only once the worksheet has been read to its end. The
  // iterators are therefore driven by hand and always run out, even when the caller stops
  // early or only the first worksheet is wanted; otherwise temp files and descriptors leak.
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<AsyncIterable<ExcelJS.Row>>;
  let rows: AsyncIterator<ExcelJS.Row> | null = null;
  try {
    const first = await sheets.next();
    if (first.done) return;
    rows = first.value[Symbol.asyncIterator]();
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const row = next.value;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = displayText(cell.value, cell.numFmt);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= "";
      if (cells.some((cell) => cell.trim() !== "")) yield { rowNumber: row.number, cells };
    }
    // Later worksheets are usually notes or pivots: read past them unseen.
  } catch (error) {
    throw new ImportFileError(`无法读取 Excel 文件：${(error as Error).message}。请确认文件是 .xlsx 格式且未损坏`, { cause: error });
  } finally {
    try {
      if (rows) while (!(await rows.next()).done);
      for (let sheet = await sheets.next(); !sheet.done; sheet = await sheets.next()) {
        const rest = sheet.value[Symbol.asyncIterator]();
        while (!(await rest.next()).done);
      }
    } catch {
      // The file was already found unreadable; there is nothing left to release.
    }
    input.destroy();
  }
}

const DATE_FORMAT = /(^|[^"\\])[ymd]/i;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** What Excel shows in the cell, as plain text. */
export function displayText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    // Formula results are not converted by ExcelJS, so a date-formatted result is still a serial.
    if (numFmt && DATE_FORMAT.test(numFmt) && value > 0 && value < 2_958_466) return isoDateTime(new Date(EXCEL_EPOCH_MS + Math.round(value * DAY_MS)));
    return plainNumber(value);
  }
  if (value instanceof Date) return isoDateTime(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue | { error: string } }).result;
    if (result !== null && typeof result === "object" && "error" in result) return result.error;
    return displayText(result as ExcelJS.CellValue, numFmt);
  }
  if ("error" in value) return value.error;
  if ("text" in value) return displayText(value.text as ExcelJS.CellValue);
  return String(value);
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
