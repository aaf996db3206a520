/**
 * Reads the rows of an enterprise export (CSV/TXT or XLSX) one at a time, as display
 * strings, without ever holding the whole file: exports from 企查查/天眼查 or a 统计局
 * list can run to a million rows. (An XLSX file's shared-string table is the one part
 * kept in memory: cells refer to it by number. It is read within limits, xlsx-rows.ts.)
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { findHeader, HEADER_SCAN_ROWS, type RawRow } from "./columns.js";
import { readListSheet, XlsxError, type SheetsRead } from "./xlsx-rows.js";

export { plainNumber } from "./xlsx-rows.js";
export type { SheetsRead } from "./xlsx-rows.js";

export type { RawRow } from "./columns.js";

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

/**
 * Rows of the file, skipping rows with no content but keeping their numbers. Of a workbook,
 * the rows of the first visible worksheet with a header (columns.ts findHeader); `sheets`
 * is told its name and the other worksheets that hold a list too.
 */
export async function* readTable(path: string, sheets: SheetsRead = {}): AsyncGenerator<RawRow> {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv" || extension === ".txt") {
    yield* readDelimited(path);
  } else if (extension === ".xlsx") {
    yield* readWorkbook(path, sheets);
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
  // UTF-8 goes to the parser as bytes: it cuts them into fields and decodes each (decoding
  // the whole text first, only for the parser to encode it again, cost about an eighth of
  // the reading). Other encodings are decoded first.
  const rows =
    encoding === "utf8" ? pipeline(createReadStream(path), parser, () => {}) : pipeline(createReadStream(path), iconv.decodeStream(encoding), parser, () => {});
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

async function* readWorkbook(path: string, sheets: SheetsRead): AsyncGenerator<RawRow> {
  const bytes = (await stat(path).catch((error: unknown) => {
    throw new ImportFileError(`无法打开文件：${(error as Error).message}`, { cause: error });
  })).size;
  try {
    for await (const row of readListSheet(path, bytes, (head) => findHeader(head) !== null, HEADER_SCAN_ROWS, sheets)) if (row.cells.some((cell) => cell.trim() !== "")) yield row;
  } catch (error) {
    if (error instanceof XlsxError) throw new ImportFileError(error.message, { cause: error });
    throw new ImportFileError(`无法读取 Excel 文件：${(error as Error).message}。请确认文件是 .xlsx 格式且未损坏`, { cause: error });
  }
}
