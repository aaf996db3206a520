import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fieldOfHeader, findHeader, headerKey } from "../../../server/imports/columns.js";
import { readTable, type RawRow } from "../../../server/imports/read-table.js";

const row = (rowNumber: number, ...cells: string[]): RawRow => ({ rowNumber, cells });
const fields = (rows: RawRow[]) => findHeader(rows)?.columns.map((c) => [c.header, c.field]);

describe("fieldOfHeader", () => {
  it.each([
    ["企业名称", "name"], ["公司名称", "name"], ["名称", "name"], ["企业名", "name"],
    ["统一社会信用代码", "uscc"], ["信用代码", "uscc"], ["社会信用代码", "uscc"], ["统一代码", "uscc"],
    ["注册资本", "capital"], ["注册资金", "capital"], ["注册资本(万元)", "capital"], ["注册资本（万美元）", "capital"],
    ["成立日期", "foundedOn"], ["成立时间", "foundedOn"], ["注册日期", "foundedOn"],
    ["所属省份", "province"], ["省份", "province"], ["省", "province"],
    ["所属城市", "city"], ["城市", "city"], ["市", "city"],
    ["所属区县", "county"], ["区县", "county"], ["县区", "county"],
    ["注册地址", "address"], ["地址", "address"], ["企业地址", "address"], ["通信地址", "address"],
    ["国标行业", "industry"], ["行业代码", "industry"], ["所属行业", "industry"], ["国民经济行业", "industry"],
    ["经营范围", "scope"], ["主营产品", "products"], ["主要产品", "products"],
    ["企业类型", "companyType"], ["公司类型", "companyType"],
    ["标签", "tags"], ["企业资质", "tags"], ["资质", "tags"], ["企业标签", "tags"],
    ["官网", "website"], ["网址", "website"], ["电话", "phone"], ["联系电话", "phone"],
    ["参保人数", "staff"], ["员工人数", "staff"], ["营业收入", "revenue"], ["营收", "revenue"],
    ["曾用名", "aliases"], ["简称", "aliases"],
    ["国标行业门类", "industry"], ["国标行业大类", "industry"], ["国标行业中类", "industry"], ["国标行业小类", "industry"], ["行业大类", "industry"],
    ["登记状态", "status"], ["经营状态", "status"], ["企业状态", "status"], ["企业简称", "aliases"],
  ])("knows %s as %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it("ignores spaces, line breaks, full-width spaces, * and （必填）", () => {
    expect(headerKey(" *企业\n名称（必填）")).toBe("企业名称");
    expect(fieldOfHeader("＊统一社会\u3000信用代码 ")).toBe("uscc");
    expect(fieldOfHeader("企业名称:")).toBe("name");
  });

  it("leaves headers it does not know unmapped", () => {
    expect(fieldOfHeader("法定代表人")).toBeNull();
    expect(fieldOfHeader("")).toBeNull();
  });
});

describe("findHeader", () => {
  it("finds the header below title, note and blank rows", () => {
    const match = findHeader([row(1, "2024年朝阳市规上企业名单"), row(2, "说明：带*为必填项"), row(4, "序号", "*企业名称", "所属区县", "登记状态"), row(5, "1", "凌源钢铁股份有限公司", "凌源市", "存续")]);
    expect(match).toEqual({
      headerRowNumber: 4,
      firstHeaderRowNumber: 4,
      columns: [
        { index: 0, header: "序号", field: null, rowNumber: true },
        { index: 1, header: "企业名称", field: "name" },
        { index: 2, header: "所属区县", field: "county" },
        { index: 3, header: "登记状态", field: "status" },
      ],
      unknownHeaders: [],
    });
  });

  it("joins a header split over two rows, 注册资本 above (万元)", () => {
    const match = findHeader([row(3, "企业名称", "注册资本", "成立日期"), row(4, "", "(万元)", ""), row(5, "甲公司", "100", "2020-01-01")]);
    expect(match?.headerRowNumber).toBe(4);
    expect(match?.firstHeaderRowNumber).toBe(3);
    expect(match?.columns.map((c) => [c.header, c.field])).toEqual([["企业名称", "name"], ["注册资本(万元)", "capital"], ["成立日期", "foundedOn"]]);
  });

  it("reads a merged group cell as covering the empty cells to its right", () => {
    const rows = [row(3, "企业名称", "注册资本", "", "联系方式", ""), row(4, "", "金额(万元)", "币种", "电话", "邮箱"), row(5, "甲公司", "1", "CNY", "1", "a@b.cn")];
    expect(fields(rows)).toEqual([
      ["企业名称", "name"],
      ["注册资本/金额(万元)", "capital"],
      ["注册资本/币种", null],
      ["电话", "phone"],
      ["联系方式/邮箱", null],
    ]);
    expect(findHeader(rows)?.unknownHeaders).toEqual(["注册资本/币种", "联系方式/邮箱"]);
  });

  it("reads a header cell merged down over both header rows once", () => {
    const rows = [row(4, "序号", "企业名称", "注册资本"), row(5, "序号", "企业名称", "(万元)"), row(6, "1", "甲公司", "100")];
    expect(fields(rows)).toEqual([["序号", null], ["企业名称", "name"], ["注册资本(万元)", "capital"]]);
    expect(findHeader(rows)?.headerRowNumber).toBe(5);
  });

  it("does not take the first data row as a second header row", () => {
    expect(findHeader([row(1, "企业名称", "注册资本"), row(2, "凌源钢铁股份有限公司", "5000万元")])?.headerRowNumber).toBe(1);
  });

  it("does not join a title row to the header below it", () => {
    expect(findHeader([row(1, "企业名录"), row(2, "企业名称", "备注"), row(3, "甲", "乙")])?.columns.map((c) => c.header)).toEqual(["企业名称", "备注"]);
  });

  it("prefers the row naming the most fields, and needs the firm's name", () => {
    expect(findHeader([row(1, "名称", "说明"), row(2, "企业名称", "统一社会信用代码", "注册资本")])?.headerRowNumber).toBe(2);
    expect(findHeader([row(1, "统一社会信用代码", "注册资本"), row(2, "x", "y")])).toBeNull();
  });

  it("keeps duplicate unknown headers apart", () => {
    expect(findHeader([row(1, "企业名称", "备注", "备注")])?.unknownHeaders).toEqual(["备注", "备注(2)"]);
  });

  it("reads 企查查's four industry columns, one per level, all as the industry", () => {
    expect(fields([row(1, "企业名称", "国标行业门类", "国标行业大类", "国标行业中类", "国标行业小类", "企查查行业门类")])).toEqual([
      ["企业名称", "name"],
      ["国标行业门类", "industry"],
      ["国标行业大类", "industry"],
      ["国标行业中类", "industry"],
      ["国标行业小类", "industry"],
      ["企查查行业门类", null],
    ]);
  });

  it.each([
    ["启信宝", ["企业名称", "法定代表人", "经营状态", "成立日期", "注册资本", "统一社会信用代码", "省份", "城市", "区县", "企业类型", "所属行业", "电话", "邮箱", "网址", "地址", "经营范围"]],
    ["爱企查", ["企业名称", "法定代表人", "经营状态", "注册资本", "成立日期", "统一社会信用代码", "所属省份", "所属城市", "所属区县", "企业类型", "所属行业", "注册地址", "电话", "邮箱", "经营范围"]],
    ["天眼查", ["公司名称", "登记状态", "法定代表人", "注册资本", "成立日期", "统一社会信用代码", "公司类型", "所属省份", "所属城市", "所属区县", "电话", "邮箱", "所属行业", "参保人数", "注册地址", "网址", "经营范围", "曾用名"]],
    ["国家企业信用信息公示系统", ["企业名称", "统一社会信用代码", "法定代表人", "登记机关", "成立日期", "登记状态", "住所"]],
  ])("knows every fact column of a %s export", (_, headers) => {
    const match = findHeader([row(1, "导出结果"), row(2, ...headers)])!;
    expect(match.headerRowNumber).toBe(2);
    expect(match.unknownHeaders.filter((h) => !["法定代表人", "邮箱", "登记机关"].includes(h))).toEqual([]);
    expect(match.columns.find((c) => c.field === "status")).toBeDefined();
  });

  it("takes 曾用名 and 简称 both as aliases, and 英文名 as no field", () => {
    expect(fields([row(1, "企业名称", "曾用名", "英文名", "简称")])).toEqual([["企业名称", "name"], ["曾用名", "aliases"], ["英文名", null], ["简称", "aliases"]]);
  });

  it("takes a 序号 column for no field and keeps it out of the extras", () => {
    const match = findHeader([row(1, "序号", "企业名称", "No.", "法定代表人")])!;
    expect(match.columns.filter((c) => c.rowNumber).map((c) => c.header)).toEqual(["序号", "No."]);
    expect(match.unknownHeaders).toEqual(["法定代表人"]);
  });

  it("maps a field once: a second 企业名称 column is an extra", () => {
    expect(fields([row(1, "企业名称", "企业名称")])).toEqual([["企业名称", "name"], ["企业名称(2)", null]]);
  });

  it("finds the two-row merged header of title-rows.xlsx at Excel row 5", async () => {
    const rows: RawRow[] = [];
    for await (const r of readTable(join(import.meta.dirname, "../../fixtures/imports/title-rows.xlsx"))) rows.push(r);
    const match = findHeader(rows)!;
    expect(match.firstHeaderRowNumber).toBe(4);
    expect(match.headerRowNumber).toBe(5);
    expect(match.columns.map((c) => [c.header, c.field])).toEqual([
      ["序号", null],
      ["企业名称", "name"],
      ["统一社会信用代码", "uscc"],
      ["注册资本(万元)", "capital"],
      ["成立日期", "foundedOn"],
      ["省份", "province"],
      ["城市", "city"],
      ["主营产品", "products"],
      ["备注", null],
    ]);
  });
});
