import { createWriteStream, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { detectEncoding, ImportFileError, plainNumber, readTable, type RawRow } from "../../../server/imports/read-table.js";
import { cellText, isDateFormat } from "../../../server/imports/xlsx-rows.js";
import { CODES } from "../../fixtures/imports/codes.js";

const fixture = (name: string) => join(import.meta.dirname, "../../fixtures/imports", name);
const scratch = mkdtempSync(join(tmpdir(), "chainatlas-read-table-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The heap still in use, after a full collection: what a reader holds, not the garbage a
 * busy machine has not yet collected (measured without one, a loaded run passed 80 MB).
 */
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const liveHeap = () => (collect(), process.memoryUsage().heapUsed);

async function rowsOf(path: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of readTable(path)) rows.push(row);
  return rows;
}

describe("detectEncoding", () => {
  it("takes a BOM or valid UTF-8 as UTF-8", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe("utf8");
    expect(detectEncoding(Buffer.from("企业名称,注册资本", "utf8"))).toBe("utf8");
    expect(detectEncoding(Buffer.from("plain ascii,1,2"))).toBe("utf8");
  });

  it("takes bytes that are not valid UTF-8 as GB18030 (GBK)", () => {
    expect(detectEncoding(iconv.encode("企业名称,注册资本", "gbk"))).toBe("gb18030");
  });

  it("does not mistake a UTF-8 character cut off at the end of the sample for GBK", () => {
    const bytes = Buffer.from("凌源钢铁", "utf8");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe("utf8");
  });
});

describe("readTable on CSV", () => {
  it("reads a large UTF-8 file as bytes exactly as its decoded text reads: characters across chunks, bad bytes past the sample", async () => {
    // 3,000 rows (330 KB): past the 64 KB sample and over several of the reader's chunks, so some three-byte
    // character straddles every chunk boundary; then bytes that are not UTF-8, and a stray quote.
    const line = Buffer.from('韶关轻量化隔膜科技有限公司,914402040000000003,64万元,"多行\r\n文本，含,逗号",广东省\r\n');
    const bytes = Buffer.concat([
      Buffer.from("\ufeff企业名称,代码,资本,范围,省份\r\n"),
      ...Array.from({ length: 3_000 }, () => line),
      Buffer.from([0xe9, 0x9f, 0x2c, 0xff, 0xfe, 0x41, 0x0d, 0x0a]),
      Buffer.from('华盛"泵业,x,"y"z,,\n\n,,,\n末行,1,2,3,4'),
    ]);
    const path = join(scratch, "large-utf8.csv");
    writeFileSync(path, bytes);
    const text = iconv.decode(bytes, "utf8");
    const expected = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
    const rows = await rowsOf(path);
    expect(rows.map((r) => r.cells)).toEqual(expected.filter((cells) => cells.some((c) => c.trim() !== "")));
    expect(rows[0]!.cells[0]).toBe("企业名称");
    expect(rows.some((r) => r.cells.join().includes("\ufffd"))).toBe(true);
    expect(rows.length).toBeGreaterThan(3_001);
  });

  it("reads UTF-8 with a BOM, without the BOM in the first header, keeping quoted commas and line breaks", async () => {
    const rows = await rowsOf(fixture("utf8-bom.csv"));
    expect(rows[0]!.cells[0]).toBe("企业名称");
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4]);
    expect(rows[2]!.cells[8]).toBe("海绵锆、海绵铪生产销售,\n锆铪分离技术研发");
    expect(rows[2]!.cells[9]).toBe("海绵锆, 海绵铪");
    expect(rows[3]!.cells[8]).toBe('砷化镓、磷化铟衬底（"晶片"）研发生产');
  });

  it("decodes a GBK file into the right characters", async () => {
    const rows = await rowsOf(fixture("gbk.csv"));
    expect(rows[0]!.cells).toEqual(["公司名称", "信用代码", "注册资金", "成立时间", "注册地址", "企业类型", "标签"]);
    expect(rows[1]!.cells[0]).toBe("朝阳浪马轮胎有限责任公司");
    expect(rows[1]!.cells[1]).toBe(CODES.langma);
    expect(rows[2]!.cells[0]).toBe("辽宁华锆新材料有限公司");
    expect(rows[3]!.cells[4]).toBe("辽宁省朝阳市喀喇沁左翼蒙古族自治县利州工业园区");
  });

  it("skips blank lines but keeps counting them, so row numbers match Excel", async () => {
    const path = join(scratch, "blank-lines.csv");
    writeFileSync(path, "标题\n\n企业名称,地址\n甲,乙\n,\n丙,丁\n");
    const rows = await rowsOf(path);
    expect(rows.map((r) => [r.rowNumber, r.cells[0]])).toEqual([[1, "标题"], [3, "企业名称"], [4, "甲"], [6, "丙"]]);
  });

  it("reads a tab-separated .txt export", async () => {
    const path = join(scratch, "stats.txt");
    writeFileSync(path, iconv.encode("2024年企业名录\n企业名称\t所属区县\n凌源钢铁股份有限公司\t凌源市\n", "gbk"));
    expect((await rowsOf(path)).map((r) => r.cells)).toEqual([["2024年企业名录"], ["企业名称", "所属区县"], ["凌源钢铁股份有限公司", "凌源市"]]);
  });

  it("reports an unclosed quote as a file error naming the row", async () => {
    const path = join(scratch, "broken.csv");
    writeFileSync(path, 'a,b\n"unclosed,1\n');
    await expect(rowsOf(path)).rejects.toThrow(ImportFileError);
  });

  it("streams a million-row file in bounded memory", { timeout: 120_000 }, async () => {
    const path = join(scratch, "million.csv");
    const out = createWriteStream(path);
    out.write("企业名称,统一社会信用代码,注册资本,经营范围\n");
    for (let i = 0; i < 1_000_000; i++) {
      const ok = out.write(`朝阳第${i}号钢铁有限公司,${CODES.lingang},${i % 5000}万元,"炼铁、炼钢、钢压延加工；钢材销售"\n`);
      if (!ok) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const before = liveHeap();
    let count = 0;
    let peak = before;
    for await (const row of readTable(path)) {
      count++;
      if (count % 100_000 === 0) peak = Math.max(peak, liveHeap());
      if (count === 1_000_001) expect(row.rowNumber).toBe(1_000_001);
    }
    expect(count).toBe(1_000_001);
    // The file is ~90 MB; holding it (let alone its rows as objects) would take several times that.
    expect(peak - before).toBeLessThan(80 * 1024 * 1024);
  });
});

describe("readTable on XLSX", () => {
  it("reads the first worksheet with Excel's row numbers, skipping blank rows", async () => {
    const rows = await rowsOf(fixture("title-rows.xlsx"));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 4, 5, 6, 7, 8, 10, 12, 13]);
    expect(rows[0]!.cells[0]).toBe("朝阳市重点产业链企业名录（2024年）");
  });

  it("turns cells into the text Excel shows: dates, numbers, rich text and formula results", async () => {
    const rows = await rowsOf(fixture("title-rows.xlsx"));
    const byNumber = new Map(rows.map((r) => [r.rowNumber, r.cells]));
    expect(byNumber.get(6)!.slice(0, 5)).toEqual(["1", "朝阳金达新材料有限公司", CODES.jinda, "12000", "2008-03-15"]);
    expect(byNumber.get(7)!.slice(1, 5)).toEqual(["朝阳浪马轮胎有限责任公司", CODES.langma, "52000.5", "2000-06-08"]);
    expect(byNumber.get(8)![3]).toBe("3000");
    expect(byNumber.get(10)![4]).toBe("1998-09-25");
  });

  it("closes the file and its temporary files even when the caller stops early", async () => {
    const openFiles = () => readdirSync("/proc/self/fd").length;
    const before = openFiles();
    for (let i = 0; i < 5; i++) {
      for await (const row of readTable(fixture("title-rows.xlsx"))) if (row.rowNumber >= 5) break;
      for await (const _ of readTable(fixture("title-rows.xlsx")));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });

  it("streams a large workbook in bounded memory", { timeout: 120_000 }, async () => {
    const path = join(scratch, "large.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
    const sheet = writer.addWorksheet("企业");
    sheet.addRow(["企业名称", "统一社会信用代码", "注册资本", "经营范围"]).commit();
    for (let i = 0; i < 100_000; i++) sheet.addRow([`朝阳第${i}号钢铁有限公司`, CODES.lingang, i % 5000, "炼铁、炼钢、钢压延加工；钢材销售"]).commit();
    sheet.commit();
    await writer.commit();
    const before = liveHeap();
    let peak = before;
    let count = 0;
    for await (const row of readTable(path)) {
      count++;
      if (count % 10_000 === 0) peak = Math.max(peak, liveHeap());
      if (count === 100_001) expect(row).toEqual({ rowNumber: 100_001, cells: ["朝阳第99999号钢铁有限公司", CODES.lingang, "4999", "炼铁、炼钢、钢压延加工；钢材销售"] });
    }
    expect(count).toBe(100_001);
    expect(peak - before).toBeLessThan(80 * 1024 * 1024);
  });

  it("gives a cell merged down over several rows (a 台账's 所属区县) to every row it covers", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("台账");
    sheet.addRow(["凌源经济开发区重点企业台账"]);
    sheet.addRow(["序号", "所属区县", "企业名称", "主营产品"]);
    sheet.addRow([1, "凌源市", "甲公司", "冷轧带钢"]);
    sheet.addRow([2, "", "乙公司", "焊管"]);
    sheet.addRow([3, "", "丙公司", ""]);
    sheet.addRow([4, "喀左县", "丁公司", "砷化镓"]);
    sheet.mergeCells("A1:D1");
    sheet.mergeCells("B3:B5");
    const path = join(scratch, "merged-down.xlsx");
    await book.xlsx.writeFile(path);
    expect((await rowsOf(path)).map((r) => r.cells)).toEqual([
      ["凌源经济开发区重点企业台账"],
      ["序号", "所属区县", "企业名称", "主营产品"],
      ["1", "凌源市", "甲公司", "冷轧带钢"],
      ["2", "凌源市", "乙公司", "焊管"],
      ["3", "凌源市", "丙公司"],
      ["4", "喀左县", "丁公司", "砷化镓"],
    ]);
  });

  it("reads the first visible worksheet with a list, and names the others that hold one", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("下拉选项", { state: "hidden" }).addRow(["企业名称", "登记状态"]);
    book.addWorksheet("填表说明").addRow(["请按模板填写"]);
    book.addWorksheet("一期").addRows([["企业名称", "所属城市"], ["甲公司", "朝阳市"]]);
    book.addWorksheet("汇总").addRows([["园区", "企业数"], ["凌源", "1"]]);
    book.addWorksheet("二期").addRows([["企业名称", "所属城市"], ["乙公司", "朝阳市"]]);
    const path = join(scratch, "sheets.xlsx");
    await book.xlsx.writeFile(path);
    const sheets = {};
    const rows: RawRow[] = [];
    for await (const row of readTable(path, sheets)) rows.push(row);
    expect(rows.map((r) => r.cells)).toEqual([["企业名称", "所属城市"], ["甲公司", "朝阳市"]]);
    expect(sheets).toEqual({ sheet: "一期", otherSheets: ["二期"] });
  });

  it("reads a hidden worksheet's list when no visible worksheet holds one", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("填表说明").addRow(["请按模板填写"]);
    book.addWorksheet("名单", { state: "hidden" }).addRows([["企业名称", "所属城市"], ["甲公司", "朝阳市"]]);
    const path = join(scratch, "hidden-list.xlsx");
    await book.xlsx.writeFile(path);
    const sheets = {};
    const rows: RawRow[] = [];
    for await (const row of readTable(path, sheets)) rows.push(row);
    expect(rows.map((r) => r.cells)).toEqual([["企业名称", "所属城市"], ["甲公司", "朝阳市"]]);
    expect(sheets).toEqual({ sheet: "名单", otherSheets: [] });
  });

  it("stops after the first worksheet", async () => {
    const rows = await rowsOf(fixture("title-rows.xlsx"));
    expect(rows.at(-1)!.cells[0]).toBe("合计：4家");
  });
});

describe("readTable on other files", () => {
  it.each([
    ["data.pdf", /无法导入“.pdf”文件/],
    ["data", /无扩展名/],
    ["old.xls", /另存为/],
  ])("refuses %s with a clear message", async (name, message) => {
    const path = join(scratch, name);
    writeFileSync(path, "x");
    await expect(rowsOf(path)).rejects.toThrow(message);
    await expect(rowsOf(path)).rejects.toBeInstanceOf(ImportFileError);
  });

  it("says when the file is missing", async () => {
    await expect(rowsOf(join(scratch, "missing.csv"))).rejects.toThrow(/无法打开文件/);
  });

  it("says when an .xlsx file is not a workbook", async () => {
    const path = join(scratch, "fake.xlsx");
    writeFileSync(path, "企业名称,地址\n");
    await expect(rowsOf(path)).rejects.toBeInstanceOf(ImportFileError);
  });
});

describe("cell text", () => {
  it("writes numbers without exponents or binary noise", () => {
    expect(plainNumber(123456789012345680000)).toBe("123456789012346000000");
    expect(plainNumber(1e-7)).toBe("0.0000001");
    expect(plainNumber(0.1 + 0.2)).toBe("0.3");
    expect(plainNumber(5000)).toBe("5000");
  });

  it("takes shared strings, inline text, booleans, errors and formula results", () => {
    const shared = ["凌源钢铁", "x"];
    expect(cellText({ type: "s", value: "0", numFmt: null }, shared)).toBe("凌源钢铁");
    expect(cellText({ type: "s", value: "9", numFmt: null }, shared)).toBe("");
    expect(cellText({ type: "inlineStr", value: "朝阳_x000D_\n市", numFmt: null }, shared)).toBe("朝阳\r\n市");
    expect(cellText({ type: "str", value: "42", numFmt: null }, shared)).toBe("42");
    expect(cellText({ type: null, value: "42", numFmt: null }, shared)).toBe("42");
    expect(cellText({ type: "e", value: "#N/A", numFmt: null }, shared)).toBe("#N/A");
    expect(cellText({ type: "b", value: "1", numFmt: null }, shared)).toBe("TRUE");
    expect(cellText({ type: "b", value: "0", numFmt: null }, shared)).toBe("FALSE");
  });

  it("writes dates as YYYY-MM-DD (with the time when there is one), in either date system", () => {
    expect(cellText({ type: null, value: "43832", numFmt: "yyyy-mm-dd" }, [])).toBe("2020-01-02");
    expect(cellText({ type: null, value: "43832.3541666667", numFmt: "yyyy/m/d h:mm" }, [])).toBe("2020-01-02 08:30:00");
    expect(cellText({ type: null, value: "42370", numFmt: 'yyyy"年"m"月"d"日"' }, [], true)).toBe("2020-01-02");
    expect(cellText({ type: null, value: "43832", numFmt: "0.00" }, [])).toBe("43832");
    expect(isDateFormat('#,##0"元"')).toBe(false);
    expect(isDateFormat("[$-804]yyyy年m月d日")).toBe(true);
    expect(isDateFormat("General")).toBe(false);
  });
});
