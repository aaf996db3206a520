/**
 * Hostile .xlsx files are refused early, with a clear message, in bounded memory and
 * without temporary files; a file cut short is refused at once rather than waited on.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ImportFileError, readTable, type RawRow } from "../../../server/imports/read-table.js";
import { readListSheet, XLSX_LIMITS } from "../../../server/imports/xlsx-rows.js";
import { FIRM_ROWS, workbook, writeZip } from "../../support/hostile-xlsx.js";

const scratch = mkdtempSync(join(tmpdir(), "chainatlas-xlsx-limits-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Reads every row without keeping them; how many. */
async function count(path: string): Promise<number> {
  let rows = 0;
  for await (const _ of readTable(path)) rows++;
  return rows;
}

async function rowsOf(path: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of readTable(path)) rows.push(row);
  return rows;
}

/** Runs `work`, sampling the heap; gives what it threw (or null) and the heap's peak growth. */
async function measured(work: () => Promise<unknown>): Promise<{ error: Error | null; peakMiB: number; seconds: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  const started = performance.now();
  let error: Error | null = null;
  try {
    await work();
  } catch (e) {
    error = e as Error;
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { error, peakMiB: (peak - before) / 2 ** 20, seconds: (performance.now() - started) / 1000 };
}

/** Files this process made under the system's temporary folder, other than ours. */
const strangers = () => readdirSync(tmpdir()).filter((name) => !name.startsWith("chainatlas-xlsx-limits-")).length;

describe("reading a hostile .xlsx", () => {
  it("reads a well-formed workbook made the same way (the files below differ only in what they hold)", async () => {
    const file = join(scratch, "fine.xlsx");
    writeZip(file, workbook(FIRM_ROWS, [{ text: "<si><t>钢</t></si>" }]));
    expect(await rowsOf(file)).toEqual([
      { rowNumber: 1, cells: ["企业名称", "注册地址"] },
      { rowNumber: 2, cells: ["凌源测试钢铁有限公司", "辽宁省朝阳市凌源市"] },
    ]);
  });

  it("refuses 30 million shared strings (a file of a few MB) before reading them", async () => {
    const file = join(scratch, "shared-bomb.xlsx");
    const perPiece = 65_536;
    writeZip(file, workbook(FIRM_ROWS, [{ text: "<si><t>x</t></si>".repeat(perPiece), repeat: Math.ceil(30_000_000 / perPiece) }]));
    expect(statSync(file).size).toBeLessThan(5 * 2 ** 20);
    const { error, peakMiB, seconds } = await measured(() => count(file));
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error!.message).toMatch(/展开后过大（xl\/sharedStrings.xml/);
    expect(peakMiB).toBeLessThan(100);
    expect(seconds).toBeLessThan(5);
  });

  it("refuses more shared strings than the limit once the limit is reached, in bounded memory", { timeout: 60_000 }, async () => {
    const file = join(scratch, "shared-many.xlsx");
    const perPiece = 65_536;
    writeZip(file, workbook(FIRM_ROWS, [{ text: "<si><t>x</t></si>".repeat(perPiece), repeat: Math.ceil((XLSX_LIMITS.sharedStrings + 1) / perPiece) }]));
    const { error, peakMiB, seconds } = await measured(() => count(file));
    expect(seconds).toBeLessThan(60);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error!.message).toMatch(/共享字符串超过 4,000,000 条/);
    expect(peakMiB).toBeLessThan(600);
  });

  it("refuses a sheet that inflates to a gigabyte before reading it, and writes no temporary file", async () => {
    const file = join(scratch, "empty-sheet.xlsx");
    writeZip(file, workbook([...FIRM_ROWS, { text: " ".repeat(2 ** 20), repeat: 1024 }]));
    const before = strangers();
    const { error, seconds } = await measured(() => count(file));
    expect(error?.message).toMatch(/展开后过大/);
    expect(seconds).toBeLessThan(5);
    expect(strangers()).toBeLessThanOrEqual(before);
  });

  it("refuses a part that inflates to more than it declares", async () => {
    const file = join(scratch, "liar.xlsx");
    writeZip(file, workbook([...FIRM_ROWS, { text: " ".repeat(2 ** 20), repeat: 50 }], null, { sheetDeclaredSize: 10_000 }));
    const { error } = await measured(() => count(file));
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error!.message).toMatch(/已损坏/);
  });

  it("refuses rows so wide that their cells pass the limit, before they pile up", async () => {
    // The limit is 50 million cells (seconds of work); a lower one shows the same refusal.
    const limits = { ...XLSX_LIMITS, cells: 1_000_000 };
    const file = join(scratch, "wide.xlsx");
    const rows = Math.ceil(limits.cells / XLSX_LIMITS.columns) + 10;
    writeZip(file, workbook([...FIRM_ROWS, { text: '<row><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>', repeat: rows }]));
    const { error } = await measured(async () => {
      for await (const _ of readListSheet(file, statSync(file).size, () => true, 30, {}, limits));
    });
    expect(error?.message).toMatch(/单元格超过 1,000,000 个/);
  });

  it("refuses row numbers past Excel's last row", async () => {
    const file = join(scratch, "rows.xlsx");
    writeZip(file, workbook([...FIRM_ROWS, { text: '<row r="2000000"><c r="A2000000" t="inlineStr"><is><t>x</t></is></c></row>' }]));
    await expect(rowsOf(file)).rejects.toThrow(/超出 1,048,576 行/);
  });

  it("refuses a file cut short at once, and keeps no descriptor on it", async () => {
    const whole = readFileSync(join(import.meta.dirname, "../../fixtures/imports/title-rows.xlsx"));
    const file = join(scratch, "cut.xlsx");
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const { error, seconds } = await measured(() => count(file));
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error!.message).toMatch(/不完整或已损坏/);
    expect(seconds).toBeLessThan(5);
    await new Promise((resolve) => setTimeout(resolve, 50)); // descriptors close asynchronously
    const open = readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return readlinkTarget(fd).startsWith(scratch);
      } catch {
        return false;
      }
    });
    expect(open.map(readlinkTarget)).toEqual([]);
  });
});

const readlinkTarget = (fd: string) => readlinkSync(`/proc/self/fd/${fd}`);
