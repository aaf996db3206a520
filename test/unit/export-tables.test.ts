import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutralise, toCsv, toXlsx, type Table } from "../../server/exports/tables.js";

const table: Table<{ name: string; capital: number | null }> = {
  sheet: "清单",
  columns: [
    { header: "企业名称", width: 30, value: (r) => r.name },
    { header: "注册资本(万元)", width: 14, numFmt: "#,##0.00", value: (r) => r.capital },
  ],
  rows: [
    { name: "唐山钢铁集团有限责任公司", capital: 1234567.5 },
    { name: '=HYPERLINK("http://x","点我")', capital: null },
    { name: "含,逗号\"和引号", capital: 20 },
    { name: "@SUM(A1)", capital: 1 },
  ],
};

describe("export tables", () => {
  it.each(["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])("neutralises %j so it is never a formula", (value) => {
    expect(neutralise(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text and numbers alone", () => {
    expect(neutralise("凌钢")).toBe("凌钢");
    expect(neutralise(-5)).toBe(-5);
    expect(neutralise(null)).toBeNull();
  });

  it("writes CSV in UTF-8 with a BOM, CRLF lines, quoting and neutralised cells", () => {
    const csv = toCsv(table);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8").slice(1);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("企业名称,注册资本(万元)");
    expect(lines[1]).toBe("唐山钢铁集团有限责任公司,1234567.5");
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"",""点我"")",`);
    expect(lines[3]).toBe('"含,逗号""和引号",20');
    expect(lines[4]).toBe("'@SUM(A1),1");
  });

  it("writes XLSX with a frozen bold header, widths, 万元 formats and neutralised text", async () => {
    const buffer = await toXlsx([table, { ...table, sheet: "第二页" }], { title: "t", created: new Date("2026-11-22") });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["清单", "第二页"]);
    const sheet = workbook.getWorksheet("清单")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, "企业名称", "注册资本(万元)"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getCell("B2").value).toBe(1234567.5);
    expect(sheet.getCell("B2").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("A3").value).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
  });
});
